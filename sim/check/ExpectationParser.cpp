// Parses expectation keys and conditions, and checks metric names against the scenario's summary.
#include "check/ExpectationParser.hpp"

#include "core/Units.hpp"

#include <cmath>
#include <cstdlib>
#include <stdexcept>

namespace stormsim {
namespace {

constexpr const char* kConditionForm =
    R"(expected an operator (<, <=, ==, !=, >=, >) and a number or null, optionally followed by "or null", )"
    R"(such as "<= 3" or "<= 600 or null")";

std::string trim(const std::string& text)
{
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos)
    return "";
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

[[noreturn]] void reject_expression(const std::string& expression, const std::string& what)
{
  throw std::invalid_argument("invalid expectation \"" + expression + "\": " + what);
}

// Lists the metrics that share the first key of `name`, or all sections when none does, for the error message.
std::string suggest_metrics(const std::string& name, const std::vector<SummaryMetric>& metrics)
{
  const std::string section = name.substr(0, name.find('.'));
  std::string same_section;
  std::string sections;
  for (const auto& metric : metrics) {
    if (metric.keys.front() == section)
      same_section += (same_section.empty() ? "" : ", ") + metric.name;
    if (sections.find(metric.keys.front() + ".") == std::string::npos)
      sections += (sections.empty() ? "" : ", ") + metric.keys.front() + ".*";
  }
  if (!same_section.empty())
    return "expected one of: " + same_section;
  if (section == "runs" || section == "guards")
    return "this scenario has no " + std::string(section == "runs" ? "flows" : "guards");
  return "expected a numeric metric of the summary in one of: " + sections;
}

SummaryMetric resolve_metric(const std::string& expression, const std::string& name,
                             const std::vector<SummaryMetric>& metrics)
{
  if (auto metric = find_metric(metrics, name))
    return *metric;
  reject_expression(expression, "unknown metric \"" + name + "\", " + suggest_metrics(name, metrics));
}

Statistic parse_statistic(const std::string& expression, const std::string& name)
{
  Statistic statistic;
  if (name == "mean") {
    statistic.kind = Statistic::Kind::mean;
  } else if (name == "min") {
    statistic.kind = Statistic::Kind::min;
  } else if (name == "max") {
    statistic.kind = Statistic::Kind::max;
  } else if (name.size() > 1 && name[0] == 'p') {
    const std::string digits = name.substr(1);
    char* end = nullptr;
    const double p = std::strtod(digits.c_str(), &end);
    if (end != digits.c_str() + digits.size() || !(p > 0 && p <= 100) || digits.find_first_of("eE+-") != digits.npos)
      reject_expression(expression, "invalid percentile \"" + name + "\", expected p followed by a number in (0, 100] "
                                                                     "such as p95 or p99.9");
    statistic.kind = Statistic::Kind::percentile;
    statistic.percentile = p;
  } else {
    reject_expression(expression, "unknown function \"" + name +
                                      "\", expected mean, min, max, pNN such as p95, or max_in_window");
  }
  return statistic;
}

WindowMetric parse_window(const std::string& expression, const std::string& arguments)
{
  const auto comma = arguments.find(',');
  if (comma == std::string::npos)
    reject_expression(expression, "expected max_in_window(COLUMN, DURATION) such as "
                                  "max_in_window(unwanted_delivered, 10m)");
  WindowMetric window;
  window.column = trim(arguments.substr(0, comma));
  bool known = false;
  std::string columns;
  for (const auto& column : window_columns()) {
    known = known || column == window.column;
    columns += (columns.empty() ? "" : ", ") + column;
  }
  if (!known)
    reject_expression(expression, "unknown timeline column \"" + window.column + "\", expected one of: " + columns);

  const std::string width = trim(arguments.substr(comma + 1));
  double seconds = 0;
  try {
    seconds = parse_duration(width);
  } catch (const std::invalid_argument& error) {
    reject_expression(expression, error.what());
  }
  const double minutes = seconds / 60.0;
  if (minutes < 1 || minutes != std::floor(minutes) || minutes > 1e6)
    reject_expression(expression, "invalid window \"" + width +
                                      "\", expected a whole number of minutes such as 10m, because the timeline has "
                                      "one row per minute");
  window.minutes = static_cast<int>(minutes);
  return window;
}

// Parses "PATH" or "max_in_window(COLUMN, DURATION)", the part that a statistic may wrap.
ExpectationMetric parse_metric(const std::string& expression, const std::string& text,
                               const std::vector<SummaryMetric>& metrics)
{
  ExpectationMetric metric;
  const auto open = text.find('(');
  if (open == std::string::npos) {
    if (text.empty())
      reject_expression(expression, "expected a metric such as recipients.max");
    metric.summary = resolve_metric(expression, text, metrics);
    return metric;
  }
  if (trim(text.substr(0, open)) != "max_in_window" || text.back() != ')')
    reject_expression(expression, "expected a metric such as recipients.max or max_in_window(COLUMN, DURATION)");
  metric.kind = ExpectationMetric::Kind::window;
  metric.window = parse_window(expression, text.substr(open + 1, text.size() - open - 2));
  return metric;
}

Condition::Operator parse_operator(const std::string& text, std::size_t& length)
{
  static const std::pair<const char*, Condition::Operator> operators[] = {
      {"<=", Condition::Operator::less_equal}, {">=", Condition::Operator::greater_equal},
      {"==", Condition::Operator::equal},      {"!=", Condition::Operator::not_equal},
      {"<", Condition::Operator::less},        {">", Condition::Operator::greater}};
  for (const auto& [symbol, op] : operators) {
    const std::string token(symbol);
    if (text.compare(0, token.size(), token) == 0) {
      length = token.size();
      return op;
    }
  }
  throw std::invalid_argument("invalid condition \"" + text + "\", " + kConditionForm);
}

} // namespace

const std::vector<std::string>& window_columns()
{
  static const std::vector<std::string> columns{"runs_started",       "runs_unwanted",    "emails_submitted",
                                                "emails_delivered",   "wanted_delivered", "unwanted_delivered",
                                                "blocked",            "rejected"};
  return columns;
}

Condition parse_condition(const std::string& text)
{
  const std::string condition = trim(text);
  Condition result;
  std::size_t length = 0;
  result.op = parse_operator(condition, length);
  std::string operand = trim(condition.substr(length));

  const std::string null_suffix = " or null";
  if (operand.size() > null_suffix.size() &&
      operand.compare(operand.size() - null_suffix.size(), null_suffix.size(), null_suffix) == 0) {
    result.accept_null = true;
    operand = trim(operand.substr(0, operand.size() - null_suffix.size()));
  }
  if (operand == "null") {
    if (result.accept_null || (result.op != Condition::Operator::equal && result.op != Condition::Operator::not_equal))
      throw std::invalid_argument("invalid condition \"" + condition + "\", null compares only with == or !=");
    return result;
  }
  char* end = nullptr;
  const double threshold = std::strtod(operand.c_str(), &end);
  if (operand.empty() || end != operand.c_str() + operand.size() || !std::isfinite(threshold))
    throw std::invalid_argument("invalid condition \"" + condition + "\", " + kConditionForm);
  result.threshold = threshold;
  return result;
}

Expectation parse_expectation(const std::string& expression, const std::string& condition,
                              const std::vector<SummaryMetric>& metrics)
{
  Expectation expectation;
  expectation.expression = expression;
  expectation.condition_text = trim(condition);
  expectation.condition = parse_condition(condition);

  const std::string text = trim(expression);
  const auto open = text.find('(');
  const std::string function = open == std::string::npos ? "" : trim(text.substr(0, open));
  if (function.empty() || function == "max_in_window") {
    expectation.metric = parse_metric(expression, text, metrics);
    return expectation;
  }
  if (text.back() != ')')
    reject_expression(expression, "expected a closing parenthesis at the end");
  expectation.statistic = parse_statistic(expression, function);
  const std::string inner = trim(text.substr(open + 1, text.size() - open - 2));
  const auto inner_open = inner.find('(');
  if (inner_open != std::string::npos && trim(inner.substr(0, inner_open)) != "max_in_window")
    reject_expression(expression, "a statistic applies to a metric or to max_in_window(...), not to another "
                                  "statistic");
  expectation.metric = parse_metric(expression, inner, metrics);
  return expectation;
}

} // namespace stormsim
