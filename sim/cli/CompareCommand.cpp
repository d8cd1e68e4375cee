// Runs the chosen variants on common seeds and prints how their headline metrics differ.
#include "cli/CompareCommand.hpp"

#include "check/SummaryMetric.hpp"
#include "cli/ExitCode.hpp"
#include "cli/ReplicationRun.hpp"
#include "core/InputError.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "stats/ComparisonReport.hpp"
#include "stats/ReplicationSeed.hpp"

#include <algorithm>
#include <iostream>

namespace stormsim {
namespace {

const std::vector<std::string>& headline_metrics()
{
  static const std::vector<std::string> metrics{"emails.unwanted_delivered", "emails.wanted_blocked", "recipients.max",
                                                "storm.time_to_contain_s", "storm.delivered_after_disable"};
  return metrics;
}

std::string join(const std::vector<std::string>& names)
{
  std::string list;
  for (const auto& name : names)
    list += (list.empty() ? "" : ", ") + name;
  return list;
}

// The variants to run, with "base" for the base scenario; checks that each exists.
std::vector<std::string> chosen_variants(const CompareOptions& options, const Scenario& base)
{
  if (std::find(base.variant_names.begin(), base.variant_names.end(), "base") != base.variant_names.end())
    throw InputError(options.scenario + ": a variant is named \"base\", which compare uses for the base scenario; "
                                        "rename the variant");
  std::vector<std::string> all{"base"};
  all.insert(all.end(), base.variant_names.begin(), base.variant_names.end());
  if (options.variants.empty())
    return all;
  for (const auto& name : options.variants)
    if (std::find(all.begin(), all.end(), name) == all.end())
      throw InputError("--variants: unknown variant \"" + name + "\" in " + options.scenario +
                       ", expected one of: " + join(all));
  return options.variants;
}

// Resolves the metric names in every chosen variant, so that a guard missing from one variant is reported.
std::vector<std::vector<SummaryMetric>> resolve_metrics(const CompareOptions& options,
                                                        const std::vector<std::string>& variants,
                                                        const std::vector<std::string>& names, const LoadOptions& load)
{
  std::vector<std::vector<SummaryMetric>> resolved;
  for (const auto& variant : variants) {
    LoadOptions variant_load = load;
    if (variant != "base")
      variant_load.variant = variant;
    const std::vector<SummaryMetric> known = summary_metrics(load_scenario(options.scenario, variant_load));
    std::vector<SummaryMetric> metrics;
    for (const auto& name : names) {
      auto metric = find_metric(known, name);
      if (!metric)
        throw InputError("--metrics: unknown metric \"" + name + "\" in variant " + variant + " of " +
                         options.scenario + ", expected a numeric summary metric such as recipients.max");
      metrics.push_back(*metric);
    }
    resolved.push_back(std::move(metrics));
  }
  return resolved;
}

ReportFormat parse_format(const std::string& text)
{
  if (text == "markdown")
    return ReportFormat::markdown;
  if (text == "csv")
    return ReportFormat::csv;
  if (text == "json")
    return ReportFormat::json;
  return ReportFormat::text;
}

} // namespace

CLI::App* setup_compare(CLI::App& app, CompareOptions& options)
{
  auto* compare = app.add_subcommand("compare", "Run variants of a scenario on the same seeds and compare their "
                                                "metrics with 95% confidence intervals");
  compare->add_option("scenario", options.scenario, "Scenario file")->required();
  compare->add_option("--variants", options.variants,
                      "Variants to compare, separated by commas; \"base\" is the base scenario, and the first one is "
                      "the reference for differences (default: base and every variant)")
      ->delimiter(',');
  compare->add_option("--metrics", options.metrics,
                      "Summary metrics to compare, separated by commas (default: emails.unwanted_delivered, "
                      "emails.wanted_blocked, recipients.max, storm.time_to_contain_s, storm.delivered_after_disable)")
      ->delimiter(',');
  compare->add_option("--replications", options.replications, "Runs per variant (default: 10)")
      ->check(CLI::Range(1, 1'000'000));
  compare->add_option("--jobs", options.jobs, "Runs at the same time (default: the number of processors)")
      ->check(CLI::Range(1, 4096));
  compare->add_option("--format", options.format, "Output format: text, markdown, csv or json (default: text)")
      ->check(CLI::IsMember({"text", "markdown", "csv", "json"}));
  compare->add_option("--models", options.models_dir, "Directory of vendor presets");
  return compare;
}

int run_compare(const CompareOptions& options)
{
  LoadOptions load;
  load.models_dir = options.models_dir.empty() ? default_models_dir() : options.models_dir;
  const Scenario base = load_scenario(options.scenario, load);
  const std::vector<std::string> variants = chosen_variants(options, base);
  const std::vector<std::string>& names = options.metrics.empty() ? headline_metrics() : options.metrics;
  const auto metrics = resolve_metrics(options, variants, names, load);

  std::vector<ReplicationRequest> requests;
  for (const auto& variant : variants)
    for (int r = 0; r < options.replications; ++r) {
      const std::uint64_t seed = replication_seed(base.seed, static_cast<std::uint64_t>(r));
      requests.push_back(ReplicationRequest{options.scenario, variant == "base" ? "" : variant, seed, {}, false,
                                            "variant " + variant + " seed " + std::to_string(seed)});
    }

  std::vector<VariantValues> values(variants.size(), VariantValues(names.size()));
  ReplicationSettings settings;
  settings.jobs = options.jobs > 0 ? options.jobs : default_jobs();
  settings.models_dir = options.models_dir;
  settings.engine_args = options.engine_args;
  settings.progress_label = "compare";
  run_replications(requests, settings, [&](std::size_t index, ReplicationResult&& result) {
    const std::size_t v = index / static_cast<std::size_t>(options.replications);
    for (std::size_t m = 0; m < names.size(); ++m)
      values[v][m].push_back(read_metric(result.summary, metrics[v][m]));
  });

  const Comparison comparison = compare_variants(variants, names, values);
  write_comparison(std::cout, comparison, parse_format(options.format), base.name + " (" + options.scenario + ")");
  return exit_success;
}

} // namespace stormsim
