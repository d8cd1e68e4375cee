#include "model/World.hpp"
#include "support/TinyScenario.hpp"

#include <catch2/catch.hpp>

using namespace stormsim;
using stormsim::testing::replay;
using stormsim::testing::tiny_scenario;

namespace {

// Timeline row of the single mailbox: rows list the flows first, then the mailboxes.
constexpr std::size_t mailbox_row = 1;

std::uint64_t delivered_in_minute(World& world, int minute)
{
  return world.recorder().timeline.at(mailbox_row, minute * 60.0 + 1).emails_delivered;
}

} // namespace

TEST_CASE("mailbox window drains a backlog at exactly its limit", "[model][mailbox]")
{
  // 80 messages submitted at the start of minute 1 against 30 per minute leave as 30, 30 and 20.
  Scenario scenario = tiny_scenario(80, 0, 30, 60);
  scenario.faults.push_back(replay(60, 10000, false));
  World world(scenario);

  world.start();
  world.queue().run_all();

  CHECK(delivered_in_minute(world, 1) == 30);
  CHECK(delivered_in_minute(world, 2) == 30);
  CHECK(delivered_in_minute(world, 3) == 20);
  CHECK(delivered_in_minute(world, 4) == 0);
  CHECK(world.recorder().delivered == 80);
  CHECK(world.mailbox(0).queued() == 0);
}

TEST_CASE("mailbox smooth throttle spaces messages evenly", "[model][mailbox]")
{
  // 30 per minute spread evenly is one message every 2 s: the 80th leaves 158 s after the first.
  Scenario scenario = tiny_scenario(80, 0, 30, 60);
  scenario.mailboxes[0].smooth = true;
  scenario.faults.push_back(replay(0, 10000, false));
  scenario.duration = 158.5;
  World world(scenario);

  world.start();
  world.queue().run_all();

  CHECK(world.recorder().delivered == 80);
  CHECK(world.recorder().last_unwanted_delivery == Approx(158.0));
}

TEST_CASE("mailbox rejects mail over its recipient limit", "[model][mailbox]")
{
  // 10 recipients per 100 s: of 15 one-recipient messages sent a second apart, 10 are delivered and 5 rejected.
  Scenario scenario = tiny_scenario(15, 0, 1000, 60);
  scenario.mailboxes[0].recipient_limit = 10;
  scenario.mailboxes[0].recipient_window = 100;
  scenario.faults.push_back(replay(0, 1, false));
  World world(scenario);

  world.start();
  world.queue().run_all();

  CHECK(world.recorder().delivered == 10);
  CHECK(world.recorder().rejected == 5);
}

TEST_CASE("mailbox purge drops its queue", "[model][mailbox]")
{
  Scenario scenario = tiny_scenario(80, 0, 30, 60);
  scenario.faults.push_back(replay(0, 10000, false));
  World world(scenario);
  world.start();
  world.queue().run_until(1);
  REQUIRE(world.mailbox(0).queued() == 50);

  world.mailbox(0).purge();
  world.queue().run_all();

  CHECK(world.recorder().purged == 50);
  CHECK(world.recorder().delivered == 30);
}
