#include "support/GuardScenario.hpp"

#include <catch2/catch.hpp>

using namespace stormsim;
using namespace stormsim::testing;

TEST_CASE("breaker holds the queue and probes after cooldown", "[model][guards]")
{
  // Twenty messages, one a second from t = 0. The breaker trips on the 6th in 60 s (t = 5) and holds the queue;
  // each cooldown end (t = 105, 205) releases the queue, the first message is a probe that closes the breaker,
  // and the 6th message after it trips it again. Six messages leave per round, the last two at t = 305.
  Scenario scenario = tiny_scenario(20, 0, 1000, 60);
  scenario.faults.push_back(replay(0, 1, false));
  GuardSpec breaker = count_breaker(5, 60, {BreakerSpec::Action::hold_queue});
  breaker.breaker.close = BreakerSpec::Close::half_open;
  breaker.breaker.cooldown = 100;
  scenario.guards.push_back(breaker);
  World world(scenario);

  world.start();
  world.queue().run_all();

  const auto& trips = world.recorder().blockers[world.guards().blocker_of(0)].trips;
  REQUIRE(trips.size() == 3);
  CHECK(trips[0] == Approx(5));
  CHECK(trips[1] == Approx(105));
  CHECK(trips[2] == Approx(205));
  CHECK(world.recorder().delivered == 20);
  CHECK(world.recorder().last_delivery == Approx(305));
}

TEST_CASE("manual breaker blocks until reset", "[model][guards]")
{
  Scenario scenario = tiny_scenario(20, 0, 1000, 60);
  scenario.faults.push_back(replay(0, 1, false));
  scenario.guards.push_back(count_breaker(5, 60, {BreakerSpec::Action::block, BreakerSpec::Action::alert}));
  World world(scenario);
  world.start();
  world.queue().run_until(9.5);
  REQUIRE(world.alert_raised());
  REQUIRE(world.recorder().delivered == 5);

  world.apply(action(PlaybookAction::Kind::reset_guard, 0));
  world.queue().run_all();

  // Blocked: the tripping message at t = 5 and those at 6..9. After the reset at 9.5, t = 10..14 pass and the 6th
  // of them (t = 15) trips the breaker again.
  CHECK(world.recorder().unwanted_blocked == 5 + 5);
  CHECK(world.recorder().delivered == 10);
}

TEST_CASE("breaker disables flows and adds a rule", "[model][guards]")
{
  Scenario scenario = tiny_scenario(20, 0, 1000, 60);
  scenario.faults.push_back(replay(0, 1, false));
  scenario.rule_activation_delay = Distribution::constant(3.5);
  scenario.guards.push_back(
      count_breaker(5, 60, {BreakerSpec::Action::disable_flow, BreakerSpec::Action::block_sender}));
  World world(scenario);

  world.start();
  world.queue().run_all();

  // Trip at t = 5: runs stop at once, so t = 6..19 are ignored triggers; the rule would take effect at 8.5.
  CHECK(world.flow(0).state() == FlowState::disabled);
  CHECK(world.recorder().flows[0].total == 6);
  CHECK(world.recorder().flows[0].ignored == 14);
  CHECK(world.transport().rule_count() == 1);
}

TEST_CASE("anomaly breaker trips on a burst", "[model][guards]")
{
  // One message a minute for an hour teaches a baseline of 1 per bucket; then the replay sends 30 in a minute.
  Scenario scenario = tiny_scenario(30, 0, 1000, 60);
  scenario.sources[0].arrivals.kind = ArrivalSpec::Kind::schedule;
  for (int minute = 0; minute < 60; ++minute)
    scenario.sources[0].arrivals.times.push_back(minute * 60.0 + 1);
  scenario.faults.push_back(replay(3600, 1, false));
  GuardSpec breaker = count_breaker(0, 0, {BreakerSpec::Action::alert});
  breaker.breaker.condition = BreakerSpec::Condition::anomaly;
  breaker.breaker.anomaly_bucket = 60;
  breaker.breaker.anomaly_warmup = 10;
  scenario.guards.push_back(breaker);
  World world(scenario);

  world.start();
  world.queue().run_all();

  const auto& trips = world.recorder().blockers[world.guards().blocker_of(0)].trips;
  REQUIRE(trips.size() == 1);
  CHECK(trips[0] > 3600);
  CHECK(trips[0] < 3660);
  CHECK(world.alert_raised());
}

TEST_CASE("failure-ratio breaker trips on rejections", "[model][guards]")
{
  // Fifteen messages a second apart against a recipient limit of 5 per 100 s: messages 6..15 are rejected. With at
  // least 10 outcomes and half of them failures, the breaker trips on the 10th message (t = 9 s, 5 of 10 failed).
  Scenario scenario = tiny_scenario(15, 0, 1000, 60);
  scenario.mailboxes[0].recipient_limit = 5;
  scenario.mailboxes[0].recipient_window = 100;
  scenario.faults.push_back(replay(0, 1, false));
  GuardSpec breaker = count_breaker(0, 0, {BreakerSpec::Action::alert});
  breaker.breaker.condition = BreakerSpec::Condition::failure_ratio;
  breaker.breaker.failure_ratio = 0.5;
  breaker.breaker.min_requests = 10;
  breaker.breaker.window = 100;
  scenario.guards.push_back(breaker);
  World world(scenario);

  world.start();
  world.queue().run_all();

  const auto& trips = world.recorder().blockers[world.guards().blocker_of(0)].trips;
  REQUIRE(trips.size() == 1);
  CHECK(trips[0] == Approx(9));
  CHECK(world.alert_raised());
}
