// A flow triggered by changes to a list that it updates itself: the feedback loop and the trigger condition.
#include "model/World.hpp"
#include "support/TinyScenario.hpp"

#include <catch2/catch.hpp>

using namespace stormsim;
using stormsim::testing::tiny_scenario;

namespace {

// A requester creates one item at 0 s. The flow runs on each change of the list: it sends an email after 10 s, then
// updates the same item after 10 s more, so each run starts the next one 20 s later. The scenario lasts 1000 s.
Scenario update_loop()
{
  Scenario scenario = tiny_scenario(0, 10, 1000, 60);
  scenario.duration = 1000;
  scenario.sources[0].arrivals.kind = ArrivalSpec::Kind::schedule;
  scenario.sources[0].arrivals.times = {0};
  ListSpec list;
  list.id = "requests";
  list.source = 0;
  list.trigger_latency = Distribution::constant(0);
  scenario.lists.push_back(list);
  auto& flow = scenario.flows[0];
  flow.trigger_list = 0;
  flow.account = "flow";
  flow.steps.push_back(StepSpec{StepSpec::Kind::write_list_item, Distribution::constant(10), 0});
  return scenario;
}

} // namespace

TEST_CASE("list update retriggers its own flow", "[model][list]")
{
  // Runs start at 0, 20, ..., 980 s: 50 runs and 50 emails, of which the first of each is wanted. The update of
  // the last run falls on the end date and starts nothing.
  const Scenario scenario = update_loop();
  World world(scenario);

  world.start();
  world.queue().run_all();

  const auto& recorder = world.recorder();
  CHECK(recorder.flows[0].total == 50);
  CHECK(recorder.flows[0].wanted == 1);
  CHECK(recorder.flows[0].unwanted == 49);
  CHECK(recorder.wanted_delivered == 1);
  CHECK(recorder.unwanted_delivered == 49);
  CHECK(recorder.list_items_written == 1 + 49);
}

TEST_CASE("trigger condition skips the flow's own change", "[model][list]")
{
  Scenario scenario = update_loop();
  scenario.flows[0].skip_own_changes = true;
  World world(scenario);

  world.start();
  world.queue().run_all();

  const auto& recorder = world.recorder();
  CHECK(recorder.flows[0].total == 1);
  CHECK(recorder.flows[0].skipped_by_condition == 1);
  CHECK(recorder.wanted_delivered == 1);
  CHECK(recorder.unwanted_delivered == 0);
}

TEST_CASE("trigger condition sees another account's change", "[model][list]")
{
  // A second flow with its own account updates the item once per requester trigger; the condition lets that change
  // through, so the first flow runs twice for the item and only once wanted.
  Scenario scenario = update_loop();
  scenario.flows[0].skip_own_changes = true;
  FlowSpec other;
  other.id = "other";
  other.account = "other";
  other.trigger = 0;
  other.steps.push_back(StepSpec{StepSpec::Kind::write_list_item, Distribution::constant(5), 0});
  scenario.flows.push_back(other);
  scenario.sources[0].arrivals.times = {};
  scenario.faults.push_back(stormsim::testing::replay(0, 1, false));
  scenario.sources[0].history = 1;
  World world(scenario);

  world.start();
  world.queue().run_all();

  // The replay delivers the history event to "other" at 0 s; its update at 5 s starts the listening flow.
  CHECK(world.recorder().flows[1].total == 1);
  CHECK(world.recorder().flows[0].total == 1);
  CHECK(world.recorder().flows[0].skipped_by_condition == 1);
}
