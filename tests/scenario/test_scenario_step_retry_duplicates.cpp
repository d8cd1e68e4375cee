// Runs scenarios/step-retry-duplicates.json through the real binary and checks its headline numbers.
#include "support/ScenarioRun.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace stormsim::testing;
using nlohmann::json;

namespace {

json run_duplicates(const std::string& variant)
{
  return run_shipped("step-retry-duplicates", variant);
}

} // namespace

TEST_CASE("step retry duplicates confirmations", "[scenario][step-retry]")
{
  // About 600 orders; with half of the sends timing out after committing, a customer gets 1/(1-0.5) = 2 copies on
  // average, so about as many unwanted copies as orders, and at most 9 (8 retries).
  const json summary = run_duplicates("");
  const auto& emails = summary["emails"];
  const auto wanted = emails["wanted_delivered"].get<int>();
  CHECK(wanted >= 500);
  CHECK(wanted <= 700);
  CHECK(emails["unwanted_delivered"].get<int>() >= wanted * 8 / 10);
  CHECK(emails["unwanted_delivered"].get<int>() <= wanted * 12 / 10);
  CHECK(summary["recipients"]["max"].get<int>() >= 6);
  CHECK(summary["recipients"]["max"].get<int>() <= 9);
}

TEST_CASE("low profile caps copies at three", "[scenario][step-retry]")
{
  // Two retries: at most 3 copies; a run fails when all 3 attempts time out, probability 1/8.
  const json summary = run_duplicates("low-profile");
  CHECK(summary["recipients"]["max"].get<int>() == 3);
  const auto runs = summary["runs"]["confirm-order"]["total"].get<int>();
  const auto failed = summary["runs"]["confirm-order"]["failed"].get<int>();
  CHECK(failed >= runs / 16);
  CHECK(failed <= runs / 5);
}

TEST_CASE("content dedup stops retry copies", "[scenario][step-retry]")
{
  const json summary = run_duplicates("dedup-content");
  CHECK(summary["emails"]["unwanted_delivered"].get<int>() == 0);
  CHECK(summary["emails"]["wanted_blocked"].get<int>() == 0);
  CHECK(summary["recipients"]["max"].get<int>() == 1);
  CHECK(summary["runs"]["confirm-order"]["failed"].get<int>() == 0);
}

TEST_CASE("invalid flow options are rejected", "[scenario][step-retry]")
{
  const std::string file = "'" + source_path("scenarios/step-retry-duplicates.json") + "'";
  const struct {
    const char* override_text;
    const char* message;
  } cases[] = {
      {"/flows/0/trigger_condition=skip_own_changes", "applies to a flow with a \"trigger_list\""},
      {"'/flows/0/steps/0/retry={\"type\":\"fixed\",\"count\":2}'", "missing required key \"interval\""},
      {"/flows/0/model=exchange-online", "expected a flow preset"},
      {"/flows/0/steps/0/timeout_after_commit=1.5", "/flows/0/steps/0/timeout_after_commit"},
  };
  for (const auto& bad : cases) {
    INFO(bad.override_text);
    const CommandResult result = run_stormsim("run " + file + " --set " + bad.override_text);
    CHECK(result.exit_code == 2);
    CHECK(result.err.find(bad.message) != std::string::npos);
  }
}
