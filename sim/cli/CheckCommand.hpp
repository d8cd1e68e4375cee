// `stormsim check`: runs the expectations of scenario files and exits with 1 when one fails, for CI.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace stormsim {

struct CheckOptions {
  std::vector<std::string> scenarios;
  int replications = 1;
  int jobs = 0;  // 0: one per processor
  std::string junit;
  bool strict = false;
  std::string models_dir;
  std::vector<std::string> engine_args;  // SimGrid's --cfg= and --log= flags, passed to every replication
};

CLI::App* setup_check(CLI::App& app, CheckOptions& options);
int run_check(const CheckOptions& options);

} // namespace stormsim
