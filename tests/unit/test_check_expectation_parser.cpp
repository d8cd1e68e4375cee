// Checks how expectation keys and conditions parse, and that unknown metrics are errors.
#include "check/ExpectationParser.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace stormsim;
using Catch::Matchers::Contains;

namespace {

// Metrics of a scenario with one flow "flow-a" and one guard "cap".
std::vector<SummaryMetric> metrics()
{
  return {SummaryMetric{"recipients.max", {"recipients", "max"}},
          SummaryMetric{"recipients.p99", {"recipients", "p99"}},
          SummaryMetric{"emails.wanted_blocked", {"emails", "wanted_blocked"}},
          SummaryMetric{"storm.time_to_contain_s", {"storm", "time_to_contain_s"}},
          SummaryMetric{"runs.flow-a.total", {"runs", "flow-a", "total"}},
          SummaryMetric{"guards.cap.blocked", {"guards", "cap", "blocked"}}};
}

std::string parse_error(const std::string& expression, const std::string& condition)
{
  try {
    parse_expectation(expression, condition, metrics());
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "(no error)";
}

} // namespace

TEST_CASE("plain metric expectation", "[check][parser]")
{
  const Expectation e = parse_expectation("recipients.max", "<= 3", metrics());

  CHECK(e.statistic.kind == Statistic::Kind::every);
  CHECK(e.metric.kind == ExpectationMetric::Kind::summary);
  CHECK(e.metric.summary.keys == std::vector<std::string>{"recipients", "max"});
  CHECK(e.condition.op == Condition::Operator::less_equal);
  CHECK(*e.condition.threshold == 3);
  CHECK(e.describe() == "recipients.max <= 3");
}

TEST_CASE("statistics over replications", "[check][parser]")
{
  CHECK(parse_expectation("mean(recipients.max)", "< 2", metrics()).statistic.kind == Statistic::Kind::mean);
  CHECK(parse_expectation("min(recipients.max)", "> 0", metrics()).statistic.kind == Statistic::Kind::min);
  CHECK(parse_expectation("max( recipients.max )", "<= 9", metrics()).statistic.kind == Statistic::Kind::max);
  const Expectation p95 = parse_expectation("p95(recipients.max)", "<= 5", metrics());
  CHECK(p95.statistic.kind == Statistic::Kind::percentile);
  CHECK(p95.statistic.percentile == 95);
  CHECK(parse_expectation("p99.9(recipients.max)", "<= 5", metrics()).statistic.percentile == Approx(99.9));
}

TEST_CASE("windowed timeline count", "[check][parser]")
{
  const Expectation e = parse_expectation("max_in_window(unwanted_delivered, 10m)", "<= 5", metrics());

  CHECK(e.metric.kind == ExpectationMetric::Kind::window);
  CHECK(e.metric.window.column == "unwanted_delivered");
  CHECK(e.metric.window.minutes == 10);
  CHECK(e.statistic.kind == Statistic::Kind::every);
  const Expectation wrapped = parse_expectation("p95(max_in_window(emails_delivered, 1h))", "<= 50", metrics());
  CHECK(wrapped.statistic.kind == Statistic::Kind::percentile);
  CHECK(wrapped.metric.window.minutes == 60);
}

TEST_CASE("metric ids with dots resolve", "[check][parser]")
{
  std::vector<SummaryMetric> known = metrics();
  known.push_back(SummaryMetric{"runs.flow.v2.total", {"runs", "flow.v2", "total"}});

  const Expectation e = parse_expectation("runs.flow.v2.total", "> 0", known);

  CHECK(e.metric.summary.keys == std::vector<std::string>{"runs", "flow.v2", "total"});
}

TEST_CASE("conditions", "[check][parser]")
{
  CHECK(parse_condition("== 0").op == Condition::Operator::equal);
  CHECK(parse_condition("!=0").op == Condition::Operator::not_equal);
  CHECK(parse_condition(">= 1.5").op == Condition::Operator::greater_equal);
  CHECK(*parse_condition(">= 1.5").threshold == 1.5);
  CHECK(parse_condition("> -2").op == Condition::Operator::greater);
  CHECK(parse_condition(" < 10 ").op == Condition::Operator::less);
  CHECK_FALSE(parse_condition("== null").threshold.has_value());
  CHECK(parse_condition("<= 600 or null").accept_null);
}

TEST_CASE("condition errors", "[check][parser]")
{
  CHECK_THROWS_WITH(parse_condition("3"), Contains("invalid condition \"3\""));
  CHECK_THROWS_WITH(parse_condition("<= three"), Contains("such as \"<= 3\""));
  CHECK_THROWS_WITH(parse_condition("<="), Contains("invalid condition"));
  CHECK_THROWS_WITH(parse_condition("< null"), Contains("null compares only with == or !="));
  CHECK_THROWS_WITH(parse_condition("<= inf"), Contains("invalid condition"));
}

TEST_CASE("unknown metric lists its section", "[check][parser]")
{
  const std::string message = parse_error("recipients.maxx", "<= 3");

  CHECK_THAT(message, Contains("unknown metric \"recipients.maxx\""));
  CHECK_THAT(message, Contains("recipients.max, recipients.p99"));
}

TEST_CASE("unknown flow or guard is an error", "[check][parser]")
{
  CHECK_THAT(parse_error("runs.flow-z.total", "> 0"), Contains("expected one of: runs.flow-a.total"));
  CHECK_THAT(parse_error("guards.missing.blocked", "> 0"), Contains("expected one of: guards.cap.blocked"));
  CHECK_THAT(parse_error("nonsense", "> 0"), Contains("recipients.*"));
}

TEST_CASE("expression errors", "[check][parser]")
{
  CHECK_THAT(parse_error("median(recipients.max)", "<= 3"), Contains("unknown function \"median\""));
  CHECK_THAT(parse_error("p0(recipients.max)", "<= 3"), Contains("invalid percentile"));
  CHECK_THAT(parse_error("p101(recipients.max)", "<= 3"), Contains("invalid percentile"));
  CHECK_THAT(parse_error("mean(max(recipients.max))", "<= 3"), Contains("not to another statistic"));
  CHECK_THAT(parse_error("mean(recipients.max", "<= 3"), Contains("closing parenthesis"));
  CHECK_THAT(parse_error("max_in_window(unwanted, 10m)", "<= 3"), Contains("unknown timeline column"));
  CHECK_THAT(parse_error("max_in_window(unwanted_delivered, 90s)", "<= 3"), Contains("whole number of minutes"));
  CHECK_THAT(parse_error("max_in_window(unwanted_delivered)", "<= 3"), Contains("max_in_window(COLUMN, DURATION)"));
  CHECK_THAT(parse_error("max_in_window(unwanted_delivered, ten)", "<= 3"), Contains("invalid duration"));
  CHECK_THAT(parse_error("", "<= 3"), Contains("expected a metric"));
}
