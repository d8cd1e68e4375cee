#include "model/PollingConnector.hpp"
#include "model/World.hpp"
#include "support/TinyScenario.hpp"

#include <catch2/catch.hpp>

using namespace stormsim;
using stormsim::testing::tiny_scenario;

namespace {

// The tiny scenario with `history` earlier items, real items at `times`, and a poller every 60 s.
Scenario polling_scenario(int history, std::vector<double> times, std::size_t batch, ConnectorSpec::PollState state)
{
  Scenario scenario = tiny_scenario(history, 0, 1'000'000, 60);
  scenario.sources[0].arrivals.kind = ArrivalSpec::Kind::schedule;
  scenario.sources[0].arrivals.times = std::move(times);
  auto& connector = scenario.connectors[0];
  connector.kind = ConnectorSpec::Kind::polling;
  connector.poll_interval = 60;
  connector.batch = batch;
  connector.poll_state = state;
  return scenario;
}

FaultSpec fault_at(FaultSpec::Kind kind, double at)
{
  FaultSpec fault;
  fault.id = "fault";
  fault.kind = kind;
  fault.at = at;
  return fault;
}

const Recorder& run(World& world)
{
  world.start();
  world.queue().run_all();
  return world.recorder();
}

} // namespace

TEST_CASE("cursor poll fetches one batch per poll", "[model][connector][polling]")
{
  // Items at 10, 20 and 30 s, batch 2: the poll at 60 s fetches the first two, the poll at 120 s the third.
  Scenario scenario = polling_scenario(0, {10, 20, 30}, 2, ConnectorSpec::PollState::cursor);
  scenario.duration = 100;
  World world(scenario);

  const Recorder& recorder = run(world);

  CHECK(recorder.polls == 1);
  CHECK(recorder.delivered == 2);
  CHECK(recorder.last_delivery.value_or(0) == Approx(60));
}

TEST_CASE("cursor poll skips the history", "[model][connector][polling]")
{
  Scenario scenario = polling_scenario(5, {10}, 100, ConnectorSpec::PollState::cursor);
  scenario.duration = 1000;
  World world(scenario);

  const Recorder& recorder = run(world);

  CHECK(recorder.delivered == 1);
  CHECK(recorder.redelivered_items == 0);
}

TEST_CASE("cursor reset replays everything", "[model][connector][polling][fault]")
{
  // Five history items and one real item. The cursor returns to the first item at 90 s, so the poll at 120 s
  // fetches all six again. None of them is wanted, because the history predates the run and the real item ran.
  Scenario scenario = polling_scenario(5, {10}, 100, ConnectorSpec::PollState::cursor);
  scenario.duration = 1000;
  scenario.faults.push_back(fault_at(FaultSpec::Kind::cursor_reset, 90));
  World world(scenario);

  const Recorder& recorder = run(world);

  CHECK(recorder.redelivered_items == 6);
  CHECK(recorder.flows[0].total == 7);
  CHECK(recorder.flows[0].wanted == 1);
}

TEST_CASE("cursor reset by last N items", "[model][connector][polling][fault]")
{
  Scenario scenario = polling_scenario(5, {}, 100, ConnectorSpec::PollState::cursor);
  FaultSpec reset = fault_at(FaultSpec::Kind::cursor_reset, 90);
  reset.last = 2;
  scenario.faults.push_back(reset);
  World world(scenario);

  const Recorder& recorder = run(world);

  CHECK(recorder.redelivered_items == 2);
  CHECK(recorder.received[3] == 1);
  CHECK(recorder.received[4] == 1);
  CHECK(recorder.received[2] == 0);
}

TEST_CASE("cursor reset since a time", "[model][connector][polling][fault]")
{
  // Real items at 10, 20, 30 and 40 s are fetched at 60 s; at 90 s the cursor returns to the first item created at
  // or after 25 s, so the poll at 120 s fetches the items of 30 and 40 s again.
  Scenario scenario = polling_scenario(3, {10, 20, 30, 40}, 100, ConnectorSpec::PollState::cursor);
  FaultSpec reset = fault_at(FaultSpec::Kind::cursor_reset, 90);
  reset.since = 25;
  scenario.faults.push_back(reset);
  World world(scenario);

  const Recorder& recorder = run(world);

  CHECK(recorder.redelivered_items == 2);
  CHECK(recorder.flows[0].total == 6);
}

TEST_CASE("polling outage drains backlog in batches", "[model][connector][polling][fault]")
{
  // Ten items at 100-190 s; down from 50 to 300 s, so the polls at 60, 120, 180 and 240 s are missed. Batches of 3
  // follow at 300, 360, 420 and 480 s (3 + 3 + 3 + 1).
  std::vector<double> times;
  for (int i = 0; i < 10; ++i)
    times.push_back(100 + 10.0 * i);
  Scenario scenario = polling_scenario(0, times, 3, ConnectorSpec::PollState::cursor);
  scenario.duration = 1000;
  FaultSpec outage = fault_at(FaultSpec::Kind::outage, 50);
  outage.until = 300;
  scenario.faults.push_back(outage);
  World world(scenario);

  const Recorder& recorder = run(world);

  CHECK(recorder.missed_polls == 4);
  CHECK(recorder.delivered == 10);
  CHECK(recorder.flows[0].wanted == 10);
  CHECK(recorder.last_delivery.value_or(0) == Approx(480));
}

TEST_CASE("seen ids ignore items seen at start", "[model][connector][polling]")
{
  Scenario scenario = polling_scenario(150, {10}, 100, ConnectorSpec::PollState::seen_ids);
  scenario.duration = 1000;
  World world(scenario);

  const Recorder& recorder = run(world);

  CHECK(recorder.delivered == 1);
  CHECK(recorder.redelivered_items == 0);
}

TEST_CASE("id format change replays the visible batch", "[model][connector][polling][fault]")
{
  // 150 history items, of which a poll sees the newest 100. After the id change at 90 s the poll at 120 s takes all
  // 100 as new; later polls see them as known again.
  Scenario scenario = polling_scenario(150, {}, 100, ConnectorSpec::PollState::seen_ids);
  scenario.duration = 1000;
  scenario.faults.push_back(fault_at(FaultSpec::Kind::id_format_change, 90));
  World world(scenario);

  const Recorder& recorder = run(world);

  CHECK(recorder.redelivered_items == 100);
  CHECK(recorder.received[49] == 0);
  CHECK(recorder.received[50] == 1);
  CHECK(recorder.flows[0].wanted == 0);
}

TEST_CASE("seen ids loss replays the visible batch", "[model][connector][polling][fault]")
{
  Scenario scenario = polling_scenario(30, {}, 100, ConnectorSpec::PollState::seen_ids);
  scenario.duration = 1000;
  scenario.faults.push_back(fault_at(FaultSpec::Kind::seen_ids_loss, 90));
  World world(scenario);

  CHECK(run(world).redelivered_items == 30);
}

TEST_CASE("seen store smaller than a poll replays every poll", "[model][connector][polling]")
{
  // A store of 50 ids against a window of 80 items: each poll evicts the ids the next poll needs, so every poll
  // takes all 80 items as new. Polls at 60 and 120 s: 160 redeliveries.
  Scenario scenario = polling_scenario(80, {}, 80, ConnectorSpec::PollState::seen_ids);
  scenario.connectors[0].seen_capacity = 50;
  scenario.duration = 150;
  World world(scenario);

  CHECK(run(world).redelivered_items == 160);
}
