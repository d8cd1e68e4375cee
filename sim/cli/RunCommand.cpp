#include "cli/RunCommand.hpp"

#include "cli/ExitCode.hpp"
#include "core/InputError.hpp"
#include "engine/SimGridRun.hpp"
#include "metrics/Summary.hpp"
#include "model/World.hpp"
#include "scenario/ScenarioLoader.hpp"

#include <simgrid/s4u/Engine.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <sstream>

namespace stormsim {
namespace {

std::unique_ptr<simgrid::s4u::Engine> make_engine(const std::vector<std::string>& engine_args)
{
  std::vector<std::string> args{"stormsim"};
  args.insert(args.end(), engine_args.begin(), engine_args.end());
  std::vector<char*> argv;
  for (auto& arg : args)
    argv.push_back(arg.data());
  argv.push_back(nullptr);
  int argc = static_cast<int>(args.size());
  return std::make_unique<simgrid::s4u::Engine>(&argc, argv.data());
}

void write_file(const std::filesystem::path& path, const std::string& content)
{
  std::ofstream out(path, std::ios::binary);
  out << content;
  out.close();
  if (!out)
    throw InputError(path.string() + ": cannot write file: " + std::strerror(errno));
}

void write_outputs(const std::string& dir, World& world, const Summary& summary)
{
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error)
    throw InputError(dir + ": cannot create output directory: " + error.message());
  const std::filesystem::path base(dir);
  write_file(base / "summary.json", summary.dump(2) + "\n");

  std::ostringstream timeline;
  // A run stopped by a budget ends at its last event; its timeline stops there too.
  const bool stopped = !world.queue().stop_reason().empty();
  const double end = stopped ? world.queue().now() + 1e-9 : world.scenario().duration;
  world.recorder().timeline.write_csv(timeline, world.scenario().start, end);
  write_file(base / "timeline.csv", timeline.str());

  std::ostringstream recipients;
  recipients << "recipient,received,unwanted_received\n";
  const auto& recorder = world.recorder();
  for (std::size_t i = 0; i < world.recipient_names().size(); ++i)
    if (recorder.received[i] > 0)
      recipients << world.recipient_names()[i] << ',' << recorder.received[i] << ',' << recorder.unwanted_received[i]
                 << '\n';
  write_file(base / "recipients.csv", recipients.str());
}

std::unique_ptr<Trace> make_trace(const std::string& path, World& world)
{
  const Scenario& scenario = world.scenario();
  std::vector<std::string> flows;
  std::vector<std::string> mailboxes;
  std::vector<std::string> sources;
  for (const auto& flow : scenario.flows)
    flows.push_back(flow.id);
  for (const auto& mailbox : scenario.mailboxes)
    mailboxes.push_back(mailbox.id);
  for (const auto& source : scenario.sources)
    sources.push_back(source.id);
  return std::make_unique<Trace>(path, flows, mailboxes, sources, &world.recipient_names());
}

} // namespace

CLI::App* setup_run(CLI::App& app, RunOptions& options)
{
  auto* run = app.add_subcommand("run", "Run one scenario and print its summary");
  run->add_option("scenario", options.scenario, "Scenario file (JSON, comments allowed)")->required();
  run->add_option("--variant", options.variant, "Apply the named variant of the scenario");
  run->add_option("--seed", options.seed, "Seed for every random stream, 0 or more (default: the scenario's seed)")
      ->check(CLI::Range(std::int64_t{0}, std::numeric_limits<std::int64_t>::max()));
  run->add_flag("--json", options.json, "Print the summary as one JSON object instead of a table");
  run->add_option("--out", options.out_dir, "Write summary.json, timeline.csv and recipients.csv to this directory");
  run->add_option("--trace", options.trace_path,
                  "Write one JSON line per guard or rule decision that is not a pass to this file");
  run->add_option("--set", options.overrides,
                  "Replace a value of the scenario: POINTER=VALUE, for example /operator/reaction=30m (repeatable)");
  run->add_option("--models", options.models_dir, "Directory of vendor presets (default: $STORMSIM_MODELS or the "
                                                   "models/ directory of the source tree)");
  return run;
}

int run_run(const RunOptions& options)
{
  LoadOptions load;
  load.models_dir = options.models_dir.empty() ? default_models_dir() : options.models_dir;
  if (!options.variant.empty())
    load.variant = options.variant;
  if (options.seed)
    load.seed = static_cast<std::uint64_t>(*options.seed);
  for (const auto& text : options.overrides)
    load.overrides.push_back(parse_override(text));
  const Scenario scenario = load_scenario(options.scenario, load);

  auto engine = make_engine(options.engine_args);
  World world(scenario);
  if (!options.trace_path.empty())
    world.recorder().tracer = make_trace(options.trace_path, world);
  run_in_simgrid(*engine, world);

  const Summary summary = build_summary(world);
  if (world.queue().stop_reason() == "event_budget")
    std::cerr << "stormsim: notice: stopped by the event budget of " << scenario.max_events << " events at "
              << format_date_time(scenario.start, world.queue().now())
              << "; the summary holds the counts so far\n";
  else if (world.queue().stop_reason() == "memory_budget")
    std::cerr << "stormsim: notice: stopped by the memory budget of " << scenario.max_memory_bytes / (1024 * 1024)
              << " MiB at " << format_date_time(scenario.start, world.queue().now())
              << "; the summary holds the counts so far\n";
  if (!options.out_dir.empty())
    write_outputs(options.out_dir, world, summary);
  if (options.json)
    std::cout << summary.dump() << '\n';
  else
    write_summary_text(std::cout, summary, scenario.start);
  return exit_success;
}

} // namespace stormsim
