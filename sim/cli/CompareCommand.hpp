// `stormsim compare`: variants of one scenario on common seeds, with means, confidence intervals and paired
// differences against the first variant.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace stormsim {

struct CompareOptions {
  std::string scenario;
  std::vector<std::string> variants;  // "base" names the base scenario; empty: base and every variant
  std::vector<std::string> metrics;   // empty: the headline metrics
  int replications = 10;
  int jobs = 0;  // 0: one per processor
  std::string format = "text";
  std::string models_dir;
  std::vector<std::string> engine_args;
};

CLI::App* setup_compare(CLI::App& app, CompareOptions& options);
int run_compare(const CompareOptions& options);

} // namespace stormsim
