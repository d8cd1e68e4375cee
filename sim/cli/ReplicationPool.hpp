// Runs replications as child processes of the stormsim binary, a few at a time. SimGrid allows one engine per
// process, so every replication, variant and sweep point needs a process of its own.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace stormsim {

struct ChildOutput {
  int exit_code = -1;    // -1 when a signal ended the child
  int signal = 0;        // the signal that ended the child, or 0
  std::string out;
  std::string err;
};

struct PoolOptions {
  int jobs = 1;                // children running at once, at least 1
  std::string progress_label;  // when not empty and stderr is a terminal, "label: done/total" is shown on stderr
};

// Runs this program (/proc/self/exe) once per argument list, with standard input from /dev/null, and captures each
// child's standard output and standard error. Calls `on_output` in the order of `argument_lists`, whatever order
// the children finish in, so results never depend on `jobs`. When `on_output` throws, the children still running
// are sent SIGTERM and reaped before the exception propagates. Throws std::runtime_error when a child cannot start.
void run_children(const std::vector<std::vector<std::string>>& argument_lists, const PoolOptions& options,
                  const std::function<void(std::size_t, ChildOutput&&)>& on_output);

} // namespace stormsim
