// Runs scenarios/list-item-loop.json through the real binary and checks its headline numbers.
#include "support/ScenarioRun.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace stormsim::testing;
using nlohmann::json;

namespace {

json run_loop(const std::string& variant)
{
  return run_shipped("list-item-loop", variant);
}

} // namespace

TEST_CASE("list update loop floods requesters", "[scenario][list]")
{
  // Each item loops from its request until the end: 11 + 10 + ... + 2 = 65 item-hours. A cycle is the trigger's
  // polling delay (2.5 minutes on average) plus about 5 s of steps, about 23 runs an hour: roughly 1,500 runs.
  const json summary = run_loop("");
  const auto& runs = summary["runs"]["notify-on-change"];
  CHECK(runs["wanted"].get<int>() == 10);
  CHECK(runs["unwanted"].get<int>() >= 1200);
  CHECK(runs["unwanted"].get<int>() <= 1800);
  // The 01:00 request loops for 11 hours: about 250 emails.
  CHECK(summary["recipients"]["max"].get<int>() >= 200);
}

TEST_CASE("trigger condition contains list loop", "[scenario][list]")
{
  const json summary = run_loop("trigger-condition");
  const auto& runs = summary["runs"]["notify-on-change"];
  CHECK(runs["total"].get<int>() == 10);
  CHECK(runs["skipped_by_condition"].get<int>() == 10);
  CHECK(summary["emails"]["unwanted_delivered"].get<int>() == 0);
  CHECK(summary["emails"]["wanted_delivered"].get<int>() == 10);
}

TEST_CASE("item dedup contains list loop", "[scenario][list]")
{
  const json summary = run_loop("dedup-item");
  CHECK(summary["emails"]["unwanted_delivered"].get<int>() == 0);
  CHECK(summary["emails"]["wanted_blocked"].get<int>() == 0);
}
