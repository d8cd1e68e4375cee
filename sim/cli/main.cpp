// The stormsim command line: SimGrid's own --cfg= and --log= flags go to the engine, the rest to CLI11.
#include "cli/CheckCommand.hpp"
#include "cli/CompareCommand.hpp"
#include "cli/ExitCode.hpp"
#include "cli/MergeCommand.hpp"
#include "cli/RunCommand.hpp"
#include "cli/SchemaCommand.hpp"
#include "cli/SweepCommand.hpp"
#include "cli/ValidateCommand.hpp"
#include "core/InputError.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#ifndef STORMSIM_VERSION
#define STORMSIM_VERSION "0.0.0"
#endif

namespace {

bool is_engine_flag(const std::string& arg)
{
  return arg.rfind("--cfg=", 0) == 0 || arg.rfind("--log=", 0) == 0;
}

bool is_command(const CLI::App& app, const std::string& name)
{
  for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; }))
    if (command->get_name() == name)
      return true;
  return false;
}

} // namespace

int main(int argc, char** argv)
{
  std::vector<std::string> engine_args;
  std::vector<std::string> cli_args;
  for (int i = 1; i < argc; ++i)
    (is_engine_flag(argv[i]) ? engine_args : cli_args).emplace_back(argv[i]);

  CLI::App app{"stormsim: discrete-event simulation of email storms in business automations"};
  app.name("stormsim");
  app.set_version_flag("--version", std::string("stormsim ") + STORMSIM_VERSION);
  app.require_subcommand(1);
  app.footer("SimGrid flags such as --cfg=contexts/factory:raw and --log=root.thres:info are passed to the engine.\n"
             "Exit codes: 0 success, 1 an expectation failed, 2 invalid input or usage, 70 an internal error.");

  stormsim::RunOptions run_options;
  stormsim::ValidateOptions validate_options;
  CLI::App* run = stormsim::setup_run(app, run_options);
  CLI::App* validate = stormsim::setup_validate(app, validate_options);
  stormsim::CheckOptions check_options;
  stormsim::CompareOptions compare_options;
  stormsim::SweepOptions sweep_options;
  stormsim::MergeOptions merge_options;
  stormsim::SchemaOptions schema_options;
  CLI::App* check = stormsim::setup_check(app, check_options);
  CLI::App* compare = stormsim::setup_compare(app, compare_options);
  CLI::App* sweep = stormsim::setup_sweep(app, sweep_options);
  CLI::App* merge = stormsim::setup_merge(app, merge_options);
  CLI::App* schema = stormsim::setup_schema(app, schema_options);

  // CLI11 reports a misspelt command as a missing one; name it instead.
  if (!cli_args.empty() && cli_args.front().rfind("-", 0) != 0 && !is_command(app, cli_args.front())) {
    std::cerr << "stormsim: unknown command \"" << cli_args.front()
              << "\", expected one of: run, validate, check, compare, sweep, merge, schema (see stormsim --help)\n";
    return stormsim::exit_invalid_input;
  }

  try {
    std::reverse(cli_args.begin(), cli_args.end());
    app.parse(cli_args);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "stormsim: " << e.what() << " (see stormsim --help)\n";
    return stormsim::exit_invalid_input;
  }

  try {
    if (run->parsed()) {
      run_options.engine_args = engine_args;
      return stormsim::run_run(run_options);
    }
    if (validate->parsed())
      return stormsim::run_validate(validate_options);
    if (check->parsed()) {
      check_options.engine_args = engine_args;
      return stormsim::run_check(check_options);
    }
    if (compare->parsed()) {
      compare_options.engine_args = engine_args;
      return stormsim::run_compare(compare_options);
    }
    if (sweep->parsed()) {
      sweep_options.engine_args = engine_args;
      return stormsim::run_sweep(sweep_options);
    }
    if (merge->parsed())
      return stormsim::run_merge(merge_options);
    if (schema->parsed())
      return stormsim::run_schema(schema_options);
  } catch (const stormsim::InputError& error) {
    std::cerr << error.what() << '\n';
    return stormsim::exit_invalid_input;
  } catch (const std::exception& error) {
    std::cerr << "stormsim: internal error: " << error.what() << " (please report it with the scenario file)\n";
    return stormsim::exit_internal_error;
  }
  return stormsim::exit_success;
}
