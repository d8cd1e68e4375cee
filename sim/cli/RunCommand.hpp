// `stormsim run`: one scenario, one seed, a summary and optional output files.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace stormsim {

struct RunOptions {
  std::string scenario;
  std::string variant;
  std::optional<std::int64_t> seed;
  bool json = false;
  std::string out_dir;
  std::string trace_path;
  std::string models_dir;
  std::vector<std::string> overrides; // POINTER=VALUE
  std::vector<std::string> engine_args; // SimGrid's --cfg= and --log= flags, passed through
};

CLI::App* setup_run(CLI::App& app, RunOptions& options);
int run_run(const RunOptions& options);

} // namespace stormsim
