#include "support/GuardScenario.hpp"

#include <catch2/catch.hpp>

using namespace stormsim;
using namespace stormsim::testing;

namespace {

GuardSpec flood_hold(std::size_t threshold, double within, double release_per_s)
{
  GuardSpec guard;
  guard.id = "flood";
  guard.kind = GuardSpec::Kind::flood_hold;
  guard.point = GuardPoint::connector;
  guard.flood_threshold = threshold;
  guard.flood_window = within;
  guard.release_rate_per_s = release_per_s;
  return guard;
}

} // namespace

TEST_CASE("flood hold keeps a burst until approval", "[model][guards]")
{
  // Ten replayed events at once; three pass, seven are held. Approval at t = 100 releases them at 1 per second.
  Scenario scenario = tiny_scenario(10, 0, 1000, 60);
  scenario.faults.push_back(replay(0, 1e6, false));
  scenario.guards.push_back(flood_hold(3, 60, 1));
  World world(scenario);
  world.start();
  world.queue().run_until(100);
  REQUIRE(world.guards().held(0) == 7);
  REQUIRE(world.recorder().delivered == 3);

  world.apply(action(PlaybookAction::Kind::release_held, 0));
  world.queue().run_all();

  CHECK(world.guards().held(0) == 0);
  CHECK(world.recorder().delivered == 10);
  CHECK(world.recorder().last_delivery == Approx(106));
}

TEST_CASE("flood hold discard drops the burst", "[model][guards]")
{
  Scenario scenario = tiny_scenario(10, 0, 1000, 60);
  scenario.faults.push_back(replay(0, 1e6, false));
  scenario.guards.push_back(flood_hold(3, 60, 1));
  World world(scenario);
  world.start();
  world.queue().run_until(100);

  world.apply(action(PlaybookAction::Kind::discard_held, 0));
  world.queue().run_all();

  CHECK(world.recorder().delivered == 3);
  CHECK(world.recorder().blockers[world.guards().blocker_of(0)].blocked == 7);
}

TEST_CASE("quarantine waits for release", "[model][transport]")
{
  Scenario scenario = tiny_scenario(5, 0, 1000, 60);
  scenario.faults.push_back(replay(0, 1, false));
  RuleSpec rule;
  rule.id = "review";
  rule.action = RuleSpec::Action::quarantine;
  rule.effective_at = 0;
  scenario.rules.push_back(rule);
  World world(scenario);
  world.start();
  world.queue().run_until(10);
  REQUIRE(world.transport().quarantined() == 5);
  REQUIRE(world.recorder().delivered == 0);

  world.apply(action(PlaybookAction::Kind::release_quarantine));
  world.queue().run_all();

  CHECK(world.transport().quarantined() == 0);
  CHECK(world.recorder().delivered == 5);
}

TEST_CASE("reject rule bounces mail", "[model][transport]")
{
  Scenario scenario = tiny_scenario(5, 0, 1000, 60);
  scenario.faults.push_back(replay(0, 1, false));
  RuleSpec rule;
  rule.id = "reject";
  rule.action = RuleSpec::Action::reject;
  rule.effective_at = 0;
  scenario.rules.push_back(rule);
  World world(scenario);

  world.start();
  world.queue().run_all();

  CHECK(world.recorder().bounced == 5);
  CHECK(world.recorder().delivered == 0);
}

TEST_CASE("disable that stops queued mail purges it", "[model][flow]")
{
  // 80 messages at once against 30 per minute: 30 leave, 50 wait. Disabling at t = 1 with queued_mail purges them.
  Scenario scenario = tiny_scenario(80, 0, 30, 60);
  scenario.faults.push_back(replay(0, 1e6, false));
  World world(scenario);
  world.start();
  world.queue().run_until(1);
  PlaybookAction disable = action(PlaybookAction::Kind::disable_flow);
  disable.stops.queued_mail = true;

  world.apply(disable);
  world.queue().run_all();

  CHECK(world.recorder().delivered == 30);
  CHECK(world.recorder().purged == 50);
}
