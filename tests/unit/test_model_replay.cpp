#include "model/World.hpp"
#include "support/TinyScenario.hpp"

#include <catch2/catch.hpp>

using namespace stormsim;
using stormsim::testing::replay;
using stormsim::testing::tiny_scenario;

TEST_CASE("replay loop re-emits history in order", "[model][replay]")
{
  // Three history events replayed once a second from t = 0 in a loop; the run ends at 7.5 s, after eight
  // emissions: persons 1, 2, 3, 1, 2, 3, 1, 2.
  Scenario scenario = tiny_scenario(3, 0, 1000, 60);
  scenario.duration = 7.5;
  scenario.faults.push_back(replay(0, 1, true));
  World world(scenario);

  world.start();
  world.queue().run_all();

  const auto& received = world.recorder().received;
  REQUIRE(received.size() == 3);
  CHECK(received[0] == 3);
  CHECK(received[1] == 3);
  CHECK(received[2] == 2);
  CHECK(world.recorder().replayed_events == 8);
}

TEST_CASE("replay without loop emits each event once", "[model][replay]")
{
  Scenario scenario = tiny_scenario(3, 0, 1000, 60);
  scenario.faults.push_back(replay(0, 1, false));
  World world(scenario);

  world.start();
  world.queue().run_all();

  CHECK(world.recorder().replayed_events == 3);
  CHECK(world.recorder().delivered == 3);
}

TEST_CASE("replay of the last events skips older ones", "[model][replay]")
{
  Scenario scenario = tiny_scenario(5, 0, 1000, 60);
  FaultSpec fault = replay(0, 1, false);
  fault.last = 2;
  scenario.faults.push_back(fault);
  World world(scenario);

  world.start();
  world.queue().run_all();

  const auto& received = world.recorder().received;
  CHECK(received[0] == 0);
  CHECK(received[2] == 0);
  CHECK(received[3] == 1);
  CHECK(received[4] == 1);
}

TEST_CASE("replay stops at its end time", "[model][replay]")
{
  Scenario scenario = tiny_scenario(3, 0, 1000, 60);
  FaultSpec fault = replay(0, 1, true);
  fault.until = 4.5;
  scenario.faults.push_back(fault);
  World world(scenario);

  world.start();
  world.queue().run_all();

  CHECK(world.recorder().replayed_events == 5);
}
