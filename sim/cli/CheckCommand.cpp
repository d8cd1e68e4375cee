// Runs the variants that have expectations, judges them over replications, and reports as text and JUnit XML.
#include "cli/CheckCommand.hpp"

#include "check/ExpectationOutcome.hpp"
#include "check/GuardActivity.hpp"
#include "check/JUnitReport.hpp"
#include "cli/ExitCode.hpp"
#include "cli/ReplicationRun.hpp"
#include "core/InputError.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "stats/ReplicationSeed.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <set>

namespace stormsim {
namespace {

// One scenario file with one variant applied (or none), and what its replications measured.
struct CheckTarget {
  std::string file;
  std::string variant;  // empty for the base scenario
  Scenario scenario;
  std::uint64_t base_seed = 0;
  std::vector<std::string> added_guards;  // guards this variant has and the base scenario lacks
  std::vector<std::vector<std::optional<double>>> values;  // [expectation][replication]
  std::vector<nlohmann::ordered_json> summaries;            // [replication]
};

struct CheckRow {
  std::string file;
  std::string variant;
  std::string expectation;
  std::string measured;
  bool passed = false;
};

std::string variant_name(const std::string& variant)
{
  return variant.empty() ? "base" : variant;
}

bool needs_timeline(const Scenario& scenario)
{
  for (const auto& expectation : scenario.expect)
    if (expectation.metric.kind == ExpectationMetric::Kind::window)
      return true;
  return false;
}

std::vector<std::string> guards_added(const Scenario& base, const Scenario& variant)
{
  std::set<std::string> base_ids;
  for (const auto& guard : base.guards)
    base_ids.insert(guard.id);
  std::vector<std::string> added;
  for (const auto& guard : variant.guards)
    if (base_ids.count(guard.id) == 0)
      added.push_back(guard.id);
  return added;
}

void add_targets(const std::string& file, const LoadOptions& load, std::vector<CheckTarget>& targets)
{
  const Scenario base = load_scenario(file, load);
  std::size_t with_expectations = 0;
  if (!base.expect.empty()) {
    targets.push_back(CheckTarget{file, "", base, base.seed, {}, {}, {}});
    ++with_expectations;
  }
  for (const auto& name : base.variant_names) {
    LoadOptions variant_load = load;
    variant_load.variant = name;
    Scenario variant = load_scenario(file, variant_load);
    if (variant.expect.empty())
      continue;
    if (variant.seed != base.seed)
      std::cerr << "stormsim: warning: " << file << ": variant " << name << " sets its own seed " << variant.seed
                << ", but check runs every variant on the base scenario's seeds\n";
    auto added = guards_added(base, variant);
    targets.push_back(CheckTarget{file, name, std::move(variant), base.seed, std::move(added), {}, {}});
    ++with_expectations;
  }
  if (with_expectations == 0)
    std::cerr << "stormsim: warning: " << file << " has no \"expect\" in the base scenario or any variant, so "
              << "there is nothing to check\n";
}

// Loads every file before running anything, so that one invalid file stops the check before any replication runs.
// Prints the error of each invalid file and returns false when there was one.
bool load_targets(const CheckOptions& options, std::vector<CheckTarget>& targets)
{
  LoadOptions load;
  load.models_dir = options.models_dir.empty() ? default_models_dir() : options.models_dir;
  bool invalid = false;
  for (const auto& file : options.scenarios) {
    try {
      add_targets(file, load, targets);
    } catch (const InputError& error) {
      std::cerr << error.what() << '\n';
      invalid = true;
    }
  }
  return !invalid;
}

std::string replication_label(const CheckTarget& target, std::uint64_t seed)
{
  return target.file + " variant " + variant_name(target.variant) + " seed " + std::to_string(seed);
}

void run_targets(std::vector<CheckTarget>& targets, const CheckOptions& options)
{
  std::vector<ReplicationRequest> requests;
  std::vector<std::size_t> owner;
  for (std::size_t t = 0; t < targets.size(); ++t) {
    auto& target = targets[t];
    target.values.assign(target.scenario.expect.size(), {});
    for (int r = 0; r < options.replications; ++r) {
      const std::uint64_t seed = replication_seed(target.base_seed, static_cast<std::uint64_t>(r));
      requests.push_back(ReplicationRequest{target.file, target.variant, seed, {}, needs_timeline(target.scenario),
                                            replication_label(target, seed)});
      owner.push_back(t);
    }
  }
  ReplicationSettings settings;
  settings.jobs = options.jobs > 0 ? options.jobs : default_jobs();
  settings.models_dir = options.models_dir;
  settings.engine_args = options.engine_args;
  settings.progress_label = "check";
  run_replications(requests, settings, [&](std::size_t index, ReplicationResult&& result) {
    auto& target = targets[owner[index]];
    for (std::size_t e = 0; e < target.scenario.expect.size(); ++e)
      target.values[e].push_back(measure(target.scenario.expect[e], result.summary, result.timeline_csv));
    target.summaries.push_back(std::move(result.summary));
  });
}

std::string describe_failures(const CheckTarget& target, const ExpectationOutcome& outcome)
{
  if (outcome.passed || !outcome.first_failing || target.summaries.size() < 2)
    return "";
  const std::uint64_t seed = replication_seed(target.base_seed, *outcome.first_failing);
  return "; fails in " + std::to_string(outcome.failing) + " of " + std::to_string(target.summaries.size()) +
         " runs, first with --seed " + std::to_string(seed);
}

std::string reproduce_hint(const CheckTarget& target, const ExpectationOutcome& outcome)
{
  const std::uint64_t seed = replication_seed(target.base_seed, outcome.first_failing.value_or(0));
  std::string command = "stormsim run " + target.file;
  if (!target.variant.empty())
    command += " --variant " + target.variant;
  return command + " --seed " + std::to_string(seed);
}

void print_rows(const std::vector<CheckRow>& rows)
{
  std::size_t widths[4] = {0, 0, 0, 0};
  for (const auto& row : rows) {
    widths[0] = std::max(widths[0], row.file.size());
    widths[1] = std::max(widths[1], row.variant.size());
    widths[2] = std::max(widths[2], row.expectation.size());
    widths[3] = std::max(widths[3], row.measured.size() + 9);
  }
  for (const auto& row : rows) {
    const std::string measured = "measured " + row.measured;
    std::cout << row.file << std::string(widths[0] - row.file.size() + 2, ' ') << row.variant
              << std::string(widths[1] - row.variant.size() + 2, ' ') << row.expectation
              << std::string(widths[2] - row.expectation.size() + 2, ' ') << measured
              << std::string(widths[3] - measured.size() + 2, ' ') << (row.passed ? "pass" : "FAIL") << '\n';
  }
}

struct CheckTotals {
  std::size_t expectations = 0;
  std::size_t failed = 0;
  std::size_t warnings = 0;
  std::size_t vacuous_failures = 0;
};

// Judges one target's expectations, adding report rows and JUnit cases, and warns about a vacuous pass.
void judge_target(const CheckTarget& target, bool strict, std::vector<CheckRow>& rows,
                  std::vector<JUnitTestCase>& cases, std::vector<std::string>& notes, CheckTotals& totals)
{
  const std::string class_name = target.scenario.name + "." + variant_name(target.variant);
  bool all_passed = true;
  for (std::size_t e = 0; e < target.scenario.expect.size(); ++e) {
    const Expectation& expectation = target.scenario.expect[e];
    const ExpectationOutcome outcome = evaluate(expectation, target.values[e]);
    const std::string measured = outcome.measured + describe_failures(target, outcome);
    rows.push_back(CheckRow{target.file, variant_name(target.variant), expectation.describe(), measured,
                            outcome.passed});
    JUnitTestCase test{target.file, class_name, expectation.describe(), std::nullopt, ""};
    if (!outcome.passed)
      test.failure = "measured " + measured + ", expected " + expectation.condition_text + "; reproduce with: " +
                     reproduce_hint(target, outcome);
    cases.push_back(std::move(test));
    ++totals.expectations;
    if (!outcome.passed) {
      ++totals.failed;
      all_passed = false;
    }
  }
  if (target.added_guards.empty())
    return;

  JUnitTestCase test{target.file, class_name, "guards added by the variant acted", std::nullopt, ""};
  const auto idle = idle_guards(target.added_guards, target.summaries);
  if (!idle.empty() && all_passed) {
    std::string names;
    for (const auto& id : idle)
      names += (names.empty() ? "" : ", ") + id;
    const std::string message = target.file + " variant " + target.variant + ": the expectations passed, but " +
                                (idle.size() == 1 ? "guard " : "guards ") + names +
                                " added by this variant never blocked, delayed, held or tripped, so they did not "
                                "cause the pass";
    if (strict) {
      notes.push_back("FAIL: " + message + " (--strict)");
      test.failure = message;
      ++totals.vacuous_failures;
    } else {
      notes.push_back("warning: " + message + " (--strict makes this a failure)");
      test.output = "warning: " + message;
      ++totals.warnings;
    }
  }
  cases.push_back(std::move(test));
}

void write_junit_file(const std::string& path, const std::vector<JUnitTestCase>& cases)
{
  std::ofstream out(path, std::ios::binary);
  write_junit(out, "stormsim check", cases);
  out.close();
  if (!out)
    throw InputError("--junit " + path + ": cannot write file: " + std::strerror(errno));
}

} // namespace

CLI::App* setup_check(CLI::App& app, CheckOptions& options)
{
  auto* check = app.add_subcommand("check", "Run the expectations (\"expect\") of scenario files and their variants; "
                                            "exit 1 when one fails");
  check->add_option("scenarios", options.scenarios, "Scenario files")->required();
  check->add_option("--replications", options.replications,
                    "Runs per variant, each with its own seed; by default every run must meet each expectation")
      ->check(CLI::Range(1, 1'000'000));
  check->add_option("--jobs", options.jobs, "Runs at the same time (default: the number of processors)")
      ->check(CLI::Range(1, 4096));
  check->add_option("--junit", options.junit, "Also write the results as JUnit XML to this file");
  check->add_flag("--strict", options.strict,
                  "Fail a variant whose expectations pass although the guards it adds never acted");
  check->add_option("--models", options.models_dir, "Directory of vendor presets");
  return check;
}

int run_check(const CheckOptions& options)
{
  std::vector<CheckTarget> targets;
  if (!load_targets(options, targets))
    return exit_invalid_input;
  run_targets(targets, options);

  std::vector<CheckRow> rows;
  std::vector<JUnitTestCase> cases;
  std::vector<std::string> notes;
  CheckTotals totals;
  for (const auto& target : targets)
    judge_target(target, options.strict, rows, cases, notes, totals);

  print_rows(rows);
  for (const auto& note : notes)
    std::cout << note << '\n';
  std::cout << "check: " << totals.expectations << " expectations, " << totals.expectations - totals.failed
            << " passed, " << totals.failed << " failed";
  if (totals.vacuous_failures > 0)
    std::cout << ", " << totals.vacuous_failures << " vacuous passes failed by --strict";
  if (totals.warnings > 0)
    std::cout << ", " << totals.warnings << (totals.warnings == 1 ? " warning" : " warnings");
  std::cout << '\n';

  if (!options.junit.empty())
    write_junit_file(options.junit, cases);
  return totals.failed + totals.vacuous_failures > 0 ? exit_expectation_failed : exit_success;
}

} // namespace stormsim
