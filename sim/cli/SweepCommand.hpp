// `stormsim sweep`: a full factorial grid over scenario values, each point replicated, as one CSV row per run.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace stormsim {

struct SweepOptions {
  std::string scenario;
  std::vector<std::string> axes;  // POINTER=V1,V2,...
  std::string variant;
  int replications = 1;
  int jobs = 0;  // 0: one per processor
  std::string shard;  // I/N, empty for all points
  std::string out;    // CSV file; empty for standard output
  std::string models_dir;
  std::vector<std::string> engine_args;
};

CLI::App* setup_sweep(CLI::App& app, SweepOptions& options);
int run_sweep(const SweepOptions& options);

// Quotes a CSV field when it contains a comma, a double quote or a line break (RFC 4180).
std::string csv_field(const std::string& text);

} // namespace stormsim
