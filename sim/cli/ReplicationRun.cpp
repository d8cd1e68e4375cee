// Turns replication requests into `stormsim run` child processes and their output into summaries.
#include "cli/ReplicationRun.hpp"

#include "cli/ExitCode.hpp"
#include "cli/ReplicationPool.hpp"
#include "core/InputError.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace stormsim {
namespace {

// A private directory for the timelines of child runs, removed with everything in it when this object goes.
class ScratchDirectory {
public:
  ScratchDirectory() = default;
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;
  ~ScratchDirectory()
  {
    if (!path_.empty()) {
      std::error_code ignored;
      std::filesystem::remove_all(path_, ignored);
    }
  }

  const std::string& path()
  {
    if (path_.empty()) {
      const char* base = std::getenv("TMPDIR");
      std::string pattern = std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/stormsim-XXXXXX";
      if (mkdtemp(pattern.data()) == nullptr)
        throw std::runtime_error("cannot create a temporary directory from " + pattern);
      path_ = pattern;
    }
    return path_;
  }

private:
  std::string path_;
};

std::vector<std::string> child_arguments(const ReplicationRequest& request, const ReplicationSettings& settings,
                                         const std::string& out_dir)
{
  std::vector<std::string> arguments{"run", request.scenario, "--json", "--seed", std::to_string(request.seed)};
  if (!request.variant.empty())
    arguments.insert(arguments.end(), {"--variant", request.variant});
  for (const auto& override_text : request.overrides)
    arguments.insert(arguments.end(), {"--set", override_text});
  if (!settings.models_dir.empty())
    arguments.insert(arguments.end(), {"--models", settings.models_dir});
  if (!out_dir.empty())
    arguments.insert(arguments.end(), {"--out", out_dir});
  arguments.insert(arguments.end(), settings.engine_args.begin(), settings.engine_args.end());
  return arguments;
}

std::string without_trailing_newlines(std::string text)
{
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
    text.pop_back();
  return text;
}

std::string read_file(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error("cannot read " + path + ", which the replication should have written");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void copy_notices(const ReplicationRequest& request, const std::string& err)
{
  std::istringstream lines(err);
  std::string line;
  while (std::getline(lines, line))
    if (!line.empty())
      std::cerr << line << " (" << request.label << ")\n";
}

ReplicationResult interpret(const ReplicationRequest& request, ChildOutput&& output, const std::string& out_dir)
{
  if (output.exit_code == exit_invalid_input) {
    const std::string message = without_trailing_newlines(output.err);
    throw InputError(message.empty() ? "the replication " + request.label + " reported invalid input" : message);
  }
  if (output.exit_code != exit_success) {
    const std::string cause = output.signal != 0 ? "was ended by signal " + std::to_string(output.signal)
                                                 : "exited with code " + std::to_string(output.exit_code);
    throw std::runtime_error("the replication " + request.label + " " + cause + ": " +
                             without_trailing_newlines(output.err));
  }
  copy_notices(request, output.err);
  ReplicationResult result;
  result.summary = nlohmann::ordered_json::parse(output.out, nullptr, false);
  if (result.summary.is_discarded() || !result.summary.is_object())
    throw std::runtime_error("the replication " + request.label + " printed no JSON summary");
  if (!out_dir.empty()) {
    result.timeline_csv = read_file(out_dir + "/timeline.csv");
    std::error_code ignored;
    std::filesystem::remove_all(out_dir, ignored);
  }
  return result;
}

} // namespace

void run_replications(const std::vector<ReplicationRequest>& requests, const ReplicationSettings& settings,
                      const std::function<void(std::size_t, ReplicationResult&&)>& on_result)
{
  ScratchDirectory scratch;
  std::vector<std::string> out_dirs(requests.size());
  std::vector<std::vector<std::string>> argument_lists;
  argument_lists.reserve(requests.size());
  for (std::size_t i = 0; i < requests.size(); ++i) {
    if (requests[i].keep_timeline)
      out_dirs[i] = scratch.path() + "/" + std::to_string(i);
    argument_lists.push_back(child_arguments(requests[i], settings, out_dirs[i]));
  }
  PoolOptions pool;
  pool.jobs = settings.jobs;
  pool.progress_label = settings.progress_label;
  run_children(argument_lists, pool, [&](std::size_t index, ChildOutput&& output) {
    on_result(index, interpret(requests[index], std::move(output), out_dirs[index]));
  });
}

int default_jobs()
{
  const unsigned processors = std::thread::hardware_concurrency();
  return processors == 0 ? 1 : static_cast<int>(processors);
}

} // namespace stormsim
