// Runs the stormsim binary as a user would and captures its exit code, standard output and standard error.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace stormsim::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string read_text(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void write_text(const std::string& path, const std::string& text)
{
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// A fresh directory under the system's temporary directory, unique to this process and call.
inline std::string temporary_directory()
{
  static int counter = 0;
  const std::string dir = "/tmp/stormsim-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
  std::system(("rm -rf '" + dir + "' && mkdir -p '" + dir + "'").c_str());
  return dir;
}

inline std::string source_path(const std::string& relative)
{
  return std::string(STORMSIM_SOURCE_DIR) + "/" + relative;
}

// `arguments` is appended to the binary's path as shell words; callers quote paths themselves.
inline CommandResult run_stormsim(const std::string& arguments)
{
  const std::string dir = temporary_directory();
  const std::string command = std::string("'") + STORMSIM_BINARY + "' " + arguments + " > '" + dir + "/out' 2> '" +
                              dir + "/err' < /dev/null";
  const int status = std::system(command.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_text(dir + "/out");
  result.err = read_text(dir + "/err");
  return result;
}

} // namespace stormsim::testing
