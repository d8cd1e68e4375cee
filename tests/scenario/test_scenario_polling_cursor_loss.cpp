// Runs scenarios/polling-cursor-loss.json through the binary: pollers that forget their state replay history.
#include "support/ScenarioRun.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace stormsim::testing;
using nlohmann::json;

namespace {

json run_variant(const std::string& variant)
{
  return run_shipped("polling-cursor-loss", variant);
}

} // namespace

TEST_CASE("lost poller state replays history", "[scenario][polling]")
{
  const json summary = run_variant("");

  // The id change replays the 100 items a Zapier poll sees; the cursor reset replays all 1,500 sheet rows and the
  // real sign-ups before 13:00.
  CHECK(summary["runs"]["welcome-contact"]["unwanted"].get<int>() >= 95);
  CHECK(summary["runs"]["welcome-contact"]["unwanted"].get<int>() <= 100);
  CHECK(summary["runs"]["welcome-signup"]["unwanted"].get<int>() >= 1500);
  CHECK(summary["emails"]["unwanted_delivered"].get<int>() >= 1600);
  CHECK(summary["connectors"]["missed_polls"].get<int>() == 0);
}

TEST_CASE("low flood threshold holds the replay", "[scenario][polling]")
{
  const json plain = run_variant("");
  const json summary = run_variant("flood-hold-10");

  // Each flow's guard lets 10 triggers through in the burst, then holds the rest for an approval that never comes,
  // so the wanted triggers after the trip wait too.
  CHECK(summary["emails"]["unwanted_delivered"].get<int>() <= 20);
  CHECK(summary["emails"]["wanted_delivered"].get<int>() < plain["emails"]["wanted_delivered"].get<int>() / 2);
  CHECK(summary["guards"]["sheet-flood"]["held_at_end"].get<int>() >= 1400);
  CHECK(summary["guards"]["crm-flood"]["trips"].size() == 1);
}

TEST_CASE("item dedup misses a history replay", "[scenario][polling]")
{
  const json summary = run_variant("dedup-item-id");

  CHECK(summary["runs"]["welcome-signup"]["unwanted"].get<int>() >= 1500);
}
