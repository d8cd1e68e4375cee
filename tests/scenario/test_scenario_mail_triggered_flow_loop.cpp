// Runs scenarios/mail-triggered-flow-loop.json through the binary: the flow replying to its own mail, and the trigger
// condition that stops it.
#include "support/ScenarioRun.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace stormsim::testing;
using nlohmann::json;

namespace {

json run_variant(const std::string& variant)
{
  return run_shipped("mail-triggered-flow-loop", variant);
}

} // namespace

TEST_CASE("mail-triggered flow loops up to the Gmail limit", "[scenario][loops]")
{
  const json summary = run_variant("");

  // 8 customer messages start 8 endless chains; Gmail's 2,000 per day, evenly spaced, lets about 1,000 leave in
  // 12 hours, so the rest waits in the queue.
  const auto& runs = summary["runs"]["auto-acknowledge"];
  CHECK(runs["wanted"].get<int>() == 8);
  CHECK(runs["unwanted"].get<int>() >= 900);
  CHECK(summary["emails"]["unwanted_delivered"].get<int>() >= 900);
  CHECK(summary["emails"]["wanted_delivered"].get<int>() == 16);
}

TEST_CASE("mail-triggered flow contained by sender condition", "[scenario][loops]")
{
  const json summary = run_variant("trigger-condition-sender");

  CHECK(summary["runs"]["auto-acknowledge"]["total"].get<int>() == 8);
  CHECK(summary["emails"]["unwanted_delivered"].get<int>() == 0);
  CHECK(summary["emails"]["wanted_delivered"].get<int>() == 16);
  CHECK(summary["inboxes"]["mail_triggers_skipped"].get<int>() == 8);
}

TEST_CASE("mail-triggered flow outage delays without loss", "[scenario][loops]")
{
  const json summary = run_variant("trigger-condition-with-outage");

  CHECK(summary["emails"]["wanted_delivered"].get<int>() == 16);
  CHECK(summary["emails"]["queued_at_end"].get<int>() == 0);
  CHECK(summary["emails"]["unwanted_delivered"].get<int>() == 0);
}
