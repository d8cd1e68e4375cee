// Checks how expectations judge replication values, null values and windowed timeline counts.
#include "check/ExpectationOutcome.hpp"
#include "check/ExpectationParser.hpp"
#include "check/GuardActivity.hpp"
#include "check/TimelineWindow.hpp"

#include <catch2/catch.hpp>

using namespace stormsim;

namespace {

std::vector<SummaryMetric> metrics()
{
  return {SummaryMetric{"recipients.max", {"recipients", "max"}},
          SummaryMetric{"storm.time_to_contain_s", {"storm", "time_to_contain_s"}},
          SummaryMetric{"guards.cap.trips", {"guards", "cap", "trips"}},
          SummaryMetric{"emails.blocked_by.rule/late", {"emails", "blocked_by", "rule/late"}}};
}

Expectation expect(const std::string& expression, const std::string& condition)
{
  return parse_expectation(expression, condition, metrics());
}

// Two flows and one mailbox over four minutes. Mailbox deliveries per minute: 1, 5, 0, 4.
const char* const timeline =
    "time,t_s,component,kind,runs_started,runs_unwanted,emails_submitted,emails_delivered,wanted_delivered,"
    "unwanted_delivered,blocked,rejected,queued\n"
    "2020-01-01T00:00:00,0,a,flow,3,2,3,0,0,0,0,0,0\n"
    "2020-01-01T00:00:00,0,b,flow,1,1,1,0,0,0,0,0,0\n"
    "2020-01-01T00:00:00,0,m,mailbox,0,0,0,1,1,0,0,0,3\n"
    "2020-01-01T00:01:00,60,a,flow,0,0,0,0,0,0,0,0,0\n"
    "2020-01-01T00:01:00,60,b,flow,0,0,0,0,0,0,0,0,0\n"
    "2020-01-01T00:01:00,60,m,mailbox,0,0,0,5,0,5,0,0,0\n"
    "2020-01-01T00:02:00,120,a,flow,0,0,0,0,0,0,0,0,0\n"
    "2020-01-01T00:02:00,120,b,flow,0,0,0,0,0,0,0,0,0\n"
    "2020-01-01T00:02:00,120,m,mailbox,0,0,0,0,0,0,2,0,0\n"
    "2020-01-01T00:03:00,180,a,flow,0,0,0,0,0,0,0,0,0\n"
    "2020-01-01T00:03:00,180,b,flow,0,0,0,0,0,0,0,0,0\n"
    "2020-01-01T00:03:00,180,m,mailbox,0,0,0,4,0,4,0,0,0\n";

} // namespace

TEST_CASE("every replication must pass by default", "[check][evaluate]")
{
  const Expectation e = expect("recipients.max", "<= 3");

  const ExpectationOutcome pass = evaluate(e, {1.0, 3.0, 2.0});
  const ExpectationOutcome fail = evaluate(e, {1.0, 4.0, 7.0});

  CHECK(pass.passed);
  CHECK(pass.measured == "1 to 3 over 3 runs");
  CHECK_FALSE(fail.passed);
  CHECK(fail.failing == 2);
  CHECK(*fail.first_failing == 1);
}

TEST_CASE("single replication shows its value", "[check][evaluate]")
{
  CHECK(evaluate(expect("recipients.max", "<= 3"), {2.0}).measured == "2");
  CHECK(evaluate(expect("storm.time_to_contain_s", "<= 600"), {58.439}).measured == "58.439");
}

TEST_CASE("statistics reduce replications", "[check][evaluate]")
{
  const std::vector<std::optional<double>> values{1.0, 2.0, 3.0, 4.0, 10.0};

  CHECK(evaluate(expect("mean(recipients.max)", "== 4"), values).passed);
  CHECK(evaluate(expect("min(recipients.max)", "== 1"), values).passed);
  CHECK(evaluate(expect("max(recipients.max)", "== 10"), values).passed);
  CHECK(evaluate(expect("p80(recipients.max)", "== 4"), values).passed);
  CHECK(evaluate(expect("p95(recipients.max)", "== 10"), values).passed);
  CHECK(evaluate(expect("p95(recipients.max)", "<= 5"), values).measured == "10 (p95 of 5 runs)");
}

TEST_CASE("null fails numeric conditions", "[check][evaluate]")
{
  CHECK_FALSE(evaluate(expect("storm.time_to_contain_s", "<= 600"), {std::nullopt}).passed);
  CHECK(evaluate(expect("storm.time_to_contain_s", "<= 600 or null"), {std::nullopt}).passed);
  CHECK(evaluate(expect("storm.time_to_contain_s", "== null"), {std::nullopt}).passed);
  CHECK_FALSE(evaluate(expect("storm.time_to_contain_s", "== null"), {5.0}).passed);
  CHECK(evaluate(expect("storm.time_to_contain_s", "!= null"), {5.0}).passed);
  CHECK(evaluate(expect("storm.time_to_contain_s", "<= 600"), {std::nullopt}).measured == "null");
}

TEST_CASE("statistics skip null values", "[check][evaluate]")
{
  const ExpectationOutcome outcome = evaluate(expect("mean(storm.time_to_contain_s)", "<= 20"), {10.0, std::nullopt, 20.0});

  CHECK(outcome.passed);
  CHECK(outcome.measured == "15 (mean of 3 runs, 1 null)");
  CHECK_FALSE(evaluate(expect("mean(storm.time_to_contain_s)", "<= 20"), {std::nullopt, std::nullopt}).passed);
}

TEST_CASE("metrics read from a summary", "[check][evaluate]")
{
  const nlohmann::ordered_json summary = nlohmann::ordered_json::parse(
      R"({"recipients": {"max": 4}, "storm": {"time_to_contain_s": null},
          "guards": {"cap": {"trips": [10.5, 99.0]}}, "emails": {"blocked_by": {}}})");

  CHECK(*measure(expect("recipients.max", "<= 3"), summary, "") == 4);
  CHECK_FALSE(measure(expect("storm.time_to_contain_s", "<= 3"), summary, "").has_value());
  CHECK(*measure(expect("guards.cap.trips", ">= 1"), summary, "") == 2);
  CHECK(*measure(expect("emails.blocked_by.rule/late", "== 0"), summary, "") == 0);
}

TEST_CASE("missing summary metric is an internal error", "[check][evaluate]")
{
  const nlohmann::ordered_json summary = nlohmann::ordered_json::parse(R"({"recipients": {}})");

  CHECK_THROWS_AS(measure(expect("recipients.max", "<= 3"), summary, ""), std::runtime_error);
}

TEST_CASE("window sums mailbox rows", "[check][window]")
{
  CHECK(max_in_window(timeline, "emails_delivered", 1) == 5);
  CHECK(max_in_window(timeline, "emails_delivered", 2) == 6);
  CHECK(max_in_window(timeline, "emails_delivered", 3) == 9);
  CHECK(max_in_window(timeline, "emails_delivered", 10) == 10);
  CHECK(max_in_window(timeline, "unwanted_delivered", 3) == 9);
  CHECK(max_in_window(timeline, "blocked", 1) == 2);
}

TEST_CASE("window sums flow rows for runs", "[check][window]")
{
  CHECK(max_in_window(timeline, "runs_started", 1) == 4);
  CHECK(max_in_window(timeline, "runs_unwanted", 2) == 3);
  CHECK(max_in_window(timeline, "emails_submitted", 1) == 4);
}

TEST_CASE("windowed expectation measures the timeline", "[check][window]")
{
  const Expectation e = expect("max_in_window(unwanted_delivered, 2m)", "<= 5");

  CHECK(*measure(e, nlohmann::ordered_json::object(), timeline) == 5);
}

TEST_CASE("every window column exists in the timeline", "[check][window]")
{
  for (const auto& column : window_columns()) {
    INFO(column);
    CHECK_NOTHROW(max_in_window(timeline, column, 1));
  }
}

TEST_CASE("idle guards never acted", "[check][vacuous]")
{
  const auto summary = [](const char* guards) {
    return nlohmann::ordered_json::parse(std::string(R"({"guards": )") + guards + "}");
  };
  const std::vector<nlohmann::ordered_json> summaries{
      summary(R"({"idle": {"blocked": 0, "delayed": 0, "trips": []},
                  "blocker": {"blocked": 0, "trips": []},
                  "holder": {"blocked": 0, "held": 2, "trips": []},
                  "tripper": {"blocked": 0, "trips": [5.0]}})"),
      summary(R"({"idle": {"blocked": 0, "delayed": 0, "trips": []},
                  "blocker": {"blocked": 3, "trips": []},
                  "holder": {"blocked": 0, "held": 0, "trips": []},
                  "tripper": {"blocked": 0, "trips": []}})")};

  CHECK(idle_guards({"idle", "blocker", "holder", "tripper"}, summaries) == std::vector<std::string>{"idle"});
}
