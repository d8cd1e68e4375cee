// Measures expectations in replications and combines the replications into a verdict.
#include "check/ExpectationOutcome.hpp"

#include "check/TimelineWindow.hpp"
#include "stats/Percentile.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace stormsim {
namespace {

std::string statistic_name(const Statistic& statistic)
{
  switch (statistic.kind) {
    case Statistic::Kind::mean:
      return "mean";
    case Statistic::Kind::min:
      return "min";
    case Statistic::Kind::max:
      return "max";
    case Statistic::Kind::percentile:
      return "p" + format_measured(statistic.percentile);
    case Statistic::Kind::every:
      break;
  }
  return "every";
}

std::optional<double> reduce(const Statistic& statistic, const std::vector<double>& values)
{
  if (values.empty())
    return std::nullopt;
  switch (statistic.kind) {
    case Statistic::Kind::mean: {
      double sum = 0;
      for (double value : values)
        sum += value;
      return sum / static_cast<double>(values.size());
    }
    case Statistic::Kind::min:
      return *std::min_element(values.begin(), values.end());
    case Statistic::Kind::max:
      return *std::max_element(values.begin(), values.end());
    case Statistic::Kind::percentile:
      return nearest_rank(values, statistic.percentile);
    case Statistic::Kind::every:
      break;
  }
  return std::nullopt;
}

std::string runs_text(std::size_t n)
{
  return std::to_string(n) + (n == 1 ? " run" : " runs");
}

ExpectationOutcome evaluate_every(const Expectation& expectation, const std::vector<std::optional<double>>& values)
{
  ExpectationOutcome outcome;
  std::vector<double> numbers;
  std::size_t nulls = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i])
      numbers.push_back(*values[i]);
    else
      ++nulls;
    if (!expectation.condition.holds(values[i])) {
      ++outcome.failing;
      if (!outcome.first_failing)
        outcome.first_failing = i;
    }
  }
  outcome.passed = outcome.failing == 0;
  if (values.size() == 1) {
    outcome.measured = format_measured(values.front());
    return outcome;
  }
  if (numbers.empty()) {
    outcome.measured = "null in all " + runs_text(values.size());
  } else {
    const auto [low, high] = std::minmax_element(numbers.begin(), numbers.end());
    if (*low == *high && nulls == 0)
      outcome.measured = format_measured(*low) + " in all " + runs_text(values.size());
    else
      outcome.measured = format_measured(*low) + " to " + format_measured(*high) + " over " + runs_text(values.size());
    if (nulls > 0)
      outcome.measured += ", " + std::to_string(nulls) + " null";
  }
  return outcome;
}

} // namespace

std::optional<double> measure(const Expectation& expectation, const nlohmann::ordered_json& summary,
                              const std::string& timeline_csv)
{
  if (expectation.metric.kind == ExpectationMetric::Kind::summary)
    return read_metric(summary, expectation.metric.summary);
  const auto& window = expectation.metric.window;
  return static_cast<double>(max_in_window(timeline_csv, window.column, window.minutes));
}

ExpectationOutcome evaluate(const Expectation& expectation, const std::vector<std::optional<double>>& values)
{
  if (expectation.statistic.kind == Statistic::Kind::every)
    return evaluate_every(expectation, values);

  std::vector<double> numbers;
  for (const auto& value : values)
    if (value)
      numbers.push_back(*value);
  const std::optional<double> result = reduce(expectation.statistic, numbers);
  ExpectationOutcome outcome;
  outcome.passed = expectation.condition.holds(result);
  outcome.measured = format_measured(result) + " (" + statistic_name(expectation.statistic) + " of " +
                     runs_text(values.size());
  if (numbers.size() < values.size())
    outcome.measured += ", " + std::to_string(values.size() - numbers.size()) + " null";
  outcome.measured += ")";
  return outcome;
}

std::string format_measured(std::optional<double> value)
{
  if (!value)
    return "null";
  if (*value == std::floor(*value) && std::fabs(*value) < 1e15) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f", *value);
    return buffer;
  }
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.3f", *value);
  std::string text = buffer;
  while (text.back() == '0')
    text.pop_back();
  if (text.back() == '.')
    text.pop_back();
  return text;
}

} // namespace stormsim
