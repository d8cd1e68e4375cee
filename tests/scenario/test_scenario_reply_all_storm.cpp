// Runs scenarios/reply-all-storm.json through the binary: the storm on a 3,000-member list, and Exchange Online's
// Reply-all Storm Protection with its 2021 and 2020 thresholds.
#include "support/ScenarioRun.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace stormsim::testing;
using nlohmann::json;

namespace {

json run_variant(const std::string& variant)
{
  return run_shipped("reply-all-storm", variant);
}

} // namespace

TEST_CASE("reply-all storm reaches most members", "[scenario][loops]")
{
  const json summary = run_variant("");

  // With about 3 replies per message, most of the 3,000 members reply and each reply goes to all of them.
  const int replies = summary["inboxes"]["reply_alls"].get<int>();
  CHECK(replies >= 2000);
  CHECK(summary["emails"]["delivered"].get<long long>() == (replies + 1) * 3000LL);
  CHECK(summary["emails"]["wanted_delivered"].get<int>() == 4 * 3000);
}

TEST_CASE("reply-all storm protection passes 10 replies", "[scenario][loops]")
{
  const json summary = run_variant("storm-protection");

  CHECK(summary["emails"]["delivered"].get<int>() == 11 * 3000);
  CHECK(summary["inboxes"]["reply_alls_blocked"].get<int>() > 0);
  CHECK(summary["emails"]["wanted_blocked"].get<int>() == 0);
  CHECK(summary["recipients"]["max"].get<int>() == 11);
}

TEST_CASE("reply-all storm protection of 2020 misses the list", "[scenario][loops]")
{
  const json summary = run_variant("storm-protection-2020");

  CHECK(summary["inboxes"]["reply_alls_blocked"].get<int>() == 0);
  CHECK(summary["inboxes"]["reply_alls"].get<int>() >= 2000);
}
