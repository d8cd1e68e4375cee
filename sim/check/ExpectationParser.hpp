// Parses the text of expectations: "p95(recipients.max)": "<= 5", "max_in_window(unwanted_delivered, 10m)": "<= 5".
#pragma once

#include "check/Expectation.hpp"

#include <string>
#include <vector>

namespace stormsim {

// Parses one expectation. `metrics` lists the summary metrics that exist for the scenario (see summary_metrics()),
// and a name outside it, such as a misspelt metric or a flow or guard the scenario lacks, is rejected. Throws
// std::invalid_argument with a one-line message that quotes the rejected text and states what was expected.
Expectation parse_expectation(const std::string& expression, const std::string& condition,
                              const std::vector<SummaryMetric>& metrics);

// Parses a condition such as "<= 3", "== 0", "> 0.5", "== null" or "<= 600 or null".
Condition parse_condition(const std::string& text);

// The timeline columns that max_in_window() accepts, in the order of timeline.csv.
const std::vector<std::string>& window_columns();

} // namespace stormsim
