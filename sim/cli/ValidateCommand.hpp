// `stormsim validate`: checks scenario files, and every variant in them, without running anything.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace stormsim {

struct ValidateOptions {
  std::vector<std::string> scenarios;
  std::string models_dir;
};

CLI::App* setup_validate(CLI::App& app, ValidateOptions& options);
int run_validate(const ValidateOptions& options);

} // namespace stormsim
