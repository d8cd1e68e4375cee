// The verdict on one expectation after all replications of a variant ran, with the measured value for the report.
#pragma once

#include "check/Expectation.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace stormsim {

struct ExpectationOutcome {
  bool passed = false;
  std::string measured;                  // for people: "3", "null", "0 in all 5 runs", "0 to 7 over 5 runs",
                                         // "4.2 (p95 of 5 runs)"
  std::optional<std::size_t> first_failing;  // with Statistic::every: the first replication that failed
  std::size_t failing = 0;               // with Statistic::every: how many replications failed
};

// Measures the expectation's metric in one replication. `timeline_csv` is the run's timeline.csv and is read only
// for windowed metrics.
std::optional<double> measure(const Expectation& expectation, const nlohmann::ordered_json& summary,
                              const std::string& timeline_csv);

// Judges the values of all replications, in replication order. A statistic ignores null values and is null when
// every value is null.
ExpectationOutcome evaluate(const Expectation& expectation, const std::vector<std::optional<double>>& values);

// Formats a measured number for people: integers without a fraction, other values with up to 3 decimals.
std::string format_measured(std::optional<double> value);

} // namespace stormsim
