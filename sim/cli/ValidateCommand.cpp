#include "cli/ValidateCommand.hpp"

#include "cli/ExitCode.hpp"
#include "core/InputError.hpp"
#include "scenario/ScenarioLoader.hpp"

#include <iostream>

namespace stormsim {

CLI::App* setup_validate(CLI::App& app, ValidateOptions& options)
{
  auto* validate = app.add_subcommand("validate", "Check scenario files and their variants without running them");
  validate->add_option("scenarios", options.scenarios, "Scenario files")->required();
  validate->add_option("--models", options.models_dir, "Directory of vendor presets");
  return validate;
}

int run_validate(const ValidateOptions& options)
{
  LoadOptions load;
  load.models_dir = options.models_dir.empty() ? default_models_dir() : options.models_dir;
  int status = exit_success;
  for (const auto& path : options.scenarios) {
    try {
      const Scenario scenario = load_scenario(path, load);
      std::cout << path << ": valid (" << scenario.variant_names.size() << " variants)\n";
    } catch (const InputError& error) {
      std::cerr << error.what() << '\n';
      status = exit_invalid_input;
    }
  }
  return status;
}

} // namespace stormsim
