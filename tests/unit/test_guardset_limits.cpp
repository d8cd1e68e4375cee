#include "support/GuardScenario.hpp"

#include <catch2/catch.hpp>

using namespace stormsim;
using namespace stormsim::testing;

TEST_CASE("rate limit delays mail behind the limit", "[model][guards]")
{
  // Ten real confirmations submitted at t = 0 through a 1/s bucket with burst 1: they leave at t = 0, 1, ..., 9,
  // so the nine delayed ones wait 1..9 s, 5 s on average.
  Scenario scenario = tiny_scenario(0, 0, 1000, 60);
  real_arrivals(scenario, 10, 0);
  scenario.guards.push_back(rate_limit(GuardPoint::mailbox, 1, 1, GuardSpec::OnExceed::delay));
  World world(scenario);

  world.start();
  world.queue().run_all();

  const auto& counters = world.recorder().blockers[world.guards().blocker_of(0)];
  CHECK(world.recorder().wanted_delivered == 10);
  CHECK(counters.wanted_delayed == 9);
  CHECK(counters.wanted_delay_sum_s / 9 == Approx(5.0));
  CHECK(counters.wanted_delay_max_s == Approx(9.0));
  CHECK(world.recorder().last_delivery == Approx(9.0));
}

TEST_CASE("rate limit drops mail over the limit", "[model][guards]")
{
  Scenario scenario = tiny_scenario(0, 0, 1000, 60);
  real_arrivals(scenario, 10, 0);
  scenario.guards.push_back(rate_limit(GuardPoint::mailbox, 1, 1, GuardSpec::OnExceed::drop));
  World world(scenario);

  world.start();
  world.queue().run_all();

  CHECK(world.recorder().wanted_delivered == 1);
  CHECK(world.recorder().wanted_blocked == 9);
}

TEST_CASE("rate limit at the flow trigger stops runs", "[model][guards]")
{
  Scenario scenario = tiny_scenario(0, 0, 1000, 60);
  real_arrivals(scenario, 10, 0);
  scenario.guards.push_back(rate_limit(GuardPoint::flow_trigger, 1, 1, GuardSpec::OnExceed::drop));
  World world(scenario);

  world.start();
  world.queue().run_all();

  CHECK(world.recorder().flows[0].total == 1);
  CHECK(world.recorder().flows[0].blocked == 9);
  CHECK(world.recorder().wanted_blocked == 9);
}

TEST_CASE("recipient cap limits each person", "[model][guards]")
{
  // Three people replayed in a loop once a second for 30 s: each would get 10 emails; the cap lets 2 through.
  Scenario scenario = tiny_scenario(3, 0, 1000, 60);
  scenario.duration = 29.5;
  scenario.faults.push_back(replay(0, 1, true));
  GuardSpec cap = rate_limit(GuardPoint::recipient, 2, 3600, GuardSpec::OnExceed::drop);
  cap.kind = GuardSpec::Kind::recipient_cap;
  cap.key = GuardKey::recipient;
  cap.rate.algorithm = RateSpec::Algorithm::sliding_log;
  cap.rate.burst = 0;
  scenario.guards.push_back(cap);
  World world(scenario);

  world.start();
  world.queue().run_all();

  CHECK(world.recorder().received == std::vector<std::uint32_t>{2, 2, 2});
  CHECK(world.recorder().unwanted_blocked == 24);
}

TEST_CASE("dedup store smaller than the replay is outrun", "[model][guards]")
{
  // Three history events replayed in a loop: a store of 2 keys evicts each key before it comes back, a store of
  // 3 keys remembers them all, so only the first round gets through.
  for (std::size_t capacity : {2, 3}) {
    Scenario scenario = tiny_scenario(3, 0, 1000, 60);
    scenario.duration = 29.5;
    scenario.faults.push_back(replay(0, 1, true));
    GuardSpec dedup;
    dedup.id = "dedup";
    dedup.kind = GuardSpec::Kind::dedup;
    dedup.point = GuardPoint::flow_trigger;
    dedup.key = GuardKey::registration_id;
    dedup.capacity = capacity;
    scenario.guards.push_back(dedup);
    World world(scenario);

    world.start();
    world.queue().run_all();

    INFO("capacity " << capacity);
    CHECK(world.recorder().delivered == (capacity == 2 ? 30u : 3u));
  }
}
