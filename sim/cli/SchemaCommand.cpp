// Prints the scenario JSON Schema on standard output.
#include "cli/SchemaCommand.hpp"

#include "cli/ExitCode.hpp"
#include "cli/ScenarioSchema.hpp"

#include <iostream>

namespace stormsim {

CLI::App* setup_schema(CLI::App& app, SchemaOptions& /*options*/)
{
  return app.add_subcommand("schema", "Print the JSON Schema (draft-07) of scenario files, for editors and other "
                                      "validators");
}

int run_schema(const SchemaOptions& /*options*/)
{
  std::cout << scenario_schema() << '\n';
  return exit_success;
}

} // namespace stormsim
