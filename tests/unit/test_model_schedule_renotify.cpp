// A recurring source that re-delivers every real event at each tick, as a scheduled flow without a sent marker does.
#include "model/World.hpp"
#include "support/TinyScenario.hpp"

#include <catch2/catch.hpp>

using namespace stormsim;
using stormsim::testing::tiny_scenario;

TEST_CASE("hourly tick renotifies every pending person", "[model][schedule]")
{
  // 3 pending people, a tick every hour from 0 s, 4 hours: ticks at 0, 1, 2 and 3 h (the one at 4 h is the end).
  // A new request at 5000 s waits for the ticks at 2 and 3 h. Runs: 4 * 3 + 2 = 14, of which 4 are wanted.
  Scenario scenario = tiny_scenario(2, 0, 1000, 60);
  scenario.duration = 4 * 3600;
  auto& source = scenario.sources[0];
  source.pending = 3;
  source.every = 3600;
  source.arrivals.kind = ArrivalSpec::Kind::schedule;
  source.arrivals.times = {5000};
  World world(scenario);

  world.start();
  world.queue().run_all();

  const auto& recorder = world.recorder();
  CHECK(recorder.scheduled_events == 14);
  CHECK(recorder.real_events == 4);
  CHECK(recorder.flows[0].total == 14);
  CHECK(recorder.flows[0].wanted == 4);
  CHECK(recorder.wanted_delivered == 4);
  CHECK(recorder.unwanted_delivered == 10);
  CHECK(recorder.max_received == 4);
}

TEST_CASE("dedup guard acts as sent marker", "[model][schedule]")
{
  Scenario scenario = tiny_scenario(0, 0, 1000, 60);
  scenario.duration = 4 * 3600;
  scenario.sources[0].pending = 3;
  scenario.sources[0].every = 3600;
  GuardSpec dedup;
  dedup.id = "sent-marker";
  dedup.kind = GuardSpec::Kind::dedup;
  dedup.point = GuardPoint::flow_trigger;
  dedup.key = GuardKey::registration_id;
  scenario.guards.push_back(dedup);
  World world(scenario);

  world.start();
  world.queue().run_all();

  CHECK(world.recorder().flows[0].total == 3);
  CHECK(world.recorder().delivered == 3);
  CHECK(world.recorder().wanted_blocked == 0);
}
