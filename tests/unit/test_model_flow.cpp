#include "model/World.hpp"
#include "support/TinyScenario.hpp"

#include <catch2/catch.hpp>

using namespace stormsim;
using stormsim::testing::replay;
using stormsim::testing::tiny_scenario;

namespace {

struct ScheduledAction {
  World* world;
  PlaybookAction action;
};

void apply_action(void* context, std::uint64_t)
{
  auto* scheduled = static_cast<ScheduledAction*>(context);
  scheduled->world->apply(scheduled->action);
}

// A flow action with the loader's default stops: deleting cancels waiting runs and runs in flight.
PlaybookAction flow_action(PlaybookAction::Kind kind)
{
  PlaybookAction action;
  action.kind = kind;
  action.target = 0;
  const bool deleting = kind == PlaybookAction::Kind::delete_flow;
  action.stops = StopSet{deleting, deleting, false};
  return action;
}

} // namespace

TEST_CASE("disabled flow finishes runs in flight", "[model][flow]")
{
  // Triggers arrive at t = 0, 1, ..., 9 and each run takes 100 s. Disabling at 5.5 s leaves the six runs that
  // started at 0..5 s to finish and send; the four later triggers are ignored.
  Scenario scenario = tiny_scenario(10, 100, 1000, 60);
  scenario.faults.push_back(replay(0, 1, false));
  World world(scenario);
  ScheduledAction disable{&world, flow_action(PlaybookAction::Kind::disable_flow)};
  world.start();
  world.queue().schedule(5.5, apply_action, &disable);

  world.queue().run_all();

  const auto& runs = world.recorder().flows[0];
  CHECK(runs.total == 6);
  CHECK(runs.ignored == 4);
  CHECK(runs.cancelled == 0);
  CHECK(world.recorder().delivered == 6);
  CHECK(world.recorder().delivered_after_disable == 6);
}

TEST_CASE("deleted flow cancels runs in flight", "[model][flow]")
{
  Scenario scenario = tiny_scenario(10, 100, 1000, 60);
  scenario.faults.push_back(replay(0, 1, false));
  World world(scenario);
  ScheduledAction remove{&world, flow_action(PlaybookAction::Kind::delete_flow)};
  world.start();
  world.queue().schedule(5.5, apply_action, &remove);

  world.queue().run_all();

  const auto& runs = world.recorder().flows[0];
  CHECK(runs.total == 6);
  CHECK(runs.cancelled == 6);
  CHECK(world.recorder().submitted == 0);
}

TEST_CASE("deleted flow keeps runs when told to", "[model][flow]")
{
  Scenario scenario = tiny_scenario(10, 100, 1000, 60);
  scenario.faults.push_back(replay(0, 1, false));
  World world(scenario);
  ScheduledAction remove{&world, flow_action(PlaybookAction::Kind::delete_flow)};
  remove.action.stops = StopSet{};
  world.start();
  world.queue().schedule(5.5, apply_action, &remove);

  world.queue().run_all();

  CHECK(world.recorder().flows[0].cancelled == 0);
  CHECK(world.recorder().delivered == 6);
}

TEST_CASE("flow concurrency limit queues runs", "[model][flow]")
{
  // Ten triggers at once, two runs at a time, 10 s per run: the last run starts at 40 s and ends at 50 s.
  Scenario scenario = tiny_scenario(10, 10, 1000, 60);
  scenario.flows[0].max_parallel_runs = 2;
  scenario.faults.push_back(replay(0, 1e6, false));
  World world(scenario);

  world.start();
  world.queue().run_all();

  CHECK(world.recorder().flows[0].total == 10);
  CHECK(world.recorder().delivered == 10);
  CHECK(world.recorder().last_unwanted_delivery == Approx(50.0).margin(0.001));
}

TEST_CASE("replay runs are unwanted and real runs wanted", "[model][flow]")
{
  // One real registration at 10 s, then a replay at 20 s of everything seen so far (2 history events and it).
  Scenario scenario = tiny_scenario(2, 0, 1000, 60);
  scenario.sources[0].arrivals.kind = ArrivalSpec::Kind::schedule;
  scenario.sources[0].arrivals.times = {10};
  scenario.faults.push_back(replay(20, 1, false));
  World world(scenario);

  world.start();
  world.queue().run_all();

  const auto& runs = world.recorder().flows[0];
  CHECK(runs.total == 4);
  CHECK(runs.wanted == 1);
  CHECK(runs.unwanted == 3);
  CHECK(world.recorder().wanted_delivered == 1);
  CHECK(world.recorder().unwanted_delivered == 3);
}
