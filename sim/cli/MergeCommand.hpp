// `stormsim merge`: joins the CSV files of sweep shards into the file that one unsharded sweep writes.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace stormsim {

struct MergeOptions {
  std::vector<std::string> shards;
  std::string out;  // empty for standard output
};

CLI::App* setup_merge(CLI::App& app, MergeOptions& options);
int run_merge(const MergeOptions& options);

} // namespace stormsim
