// The numeric metrics of a run's summary that expectations, `compare` and `sweep` can name, derived from a scenario.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace stormsim {

struct Scenario;

// One numeric value of the summary. `name` joins the keys with dots ("runs.flow-a.total"); `keys` keeps them apart
// because component ids may contain dots themselves.
struct SummaryMetric {
  std::string name;
  std::vector<std::string> keys;
};

// Lists every numeric metric that the summary of `scenario` contains, in the summary's own order. Arrays count as
// their number of elements (guards.<id>.trips is the number of trips). Strings (sim.scenario, sim.stopped_by) and
// the operator's list of actions are left out.
//
// NOTE: this mirrors build_summary() in metrics/Summary.cpp and must change with it; the unit test
// "summary metrics match build_summary" fails when they drift apart.
std::vector<SummaryMetric> summary_metrics(const Scenario& scenario);

// Returns the metric named `name`, or nullopt when `metrics` has none of that name.
std::optional<SummaryMetric> find_metric(const std::vector<SummaryMetric>& metrics, const std::string& name);

// Reads a metric from a run's summary: a number, the length of an array, or nullopt for null (a time that never
// came). A blocker missing from emails.blocked_by reads as 0, because a transport rule that the operator never added
// blocked nothing. Throws std::runtime_error when the summary lacks any other metric, which is a bug in stormsim.
std::optional<double> read_metric(const nlohmann::ordered_json& summary, const SummaryMetric& metric);

} // namespace stormsim
