#include "model/World.hpp"
#include "support/TinyScenario.hpp"

#include <catch2/catch.hpp>

using namespace stormsim;
using stormsim::testing::tiny_scenario;

namespace {

// The tiny scenario with real arrivals at `times` and a mailbox that never throttles.
Scenario webhook_scenario(std::vector<double> times)
{
  Scenario scenario = tiny_scenario(0, 0, 1'000'000, 60);
  scenario.sources[0].arrivals.kind = ArrivalSpec::Kind::schedule;
  scenario.sources[0].arrivals.times = std::move(times);
  scenario.connectors[0].ack_latency = Distribution::constant(0);
  return scenario;
}

const Recorder& run(World& world)
{
  world.start();
  world.queue().run_all();
  return world.recorder();
}

} // namespace

TEST_CASE("slow receiver gets retries after timeout", "[model][connector]")
{
  // The receiver acknowledges after 40 s against a 30 s timeout, so every attempt runs the flow and fails for the
  // sender: attempts at 0, 0 + 30 + 300 = 330 and 330 + 30 + 600 = 960 s, then the sender gives up.
  Scenario scenario = webhook_scenario({0});
  auto& connector = scenario.connectors[0];
  connector.timeout = 30;
  connector.ack_latency = Distribution::constant(40);
  connector.retry.delays = {300, 600};
  World world(scenario);

  const Recorder& recorder = run(world);

  CHECK(recorder.flows[0].total == 3);
  CHECK(recorder.flows[0].wanted == 1);
  CHECK(recorder.webhook_timeouts == 3);
  CHECK(recorder.webhook_retries == 2);
  CHECK(recorder.webhook_abandoned == 1);
  CHECK(recorder.last_delivery.value_or(0) == Approx(960));
}

TEST_CASE("fast receiver gets no retries", "[model][connector]")
{
  Scenario scenario = webhook_scenario({0});
  auto& connector = scenario.connectors[0];
  connector.timeout = 30;
  connector.ack_latency = Distribution::constant(10);
  connector.retry.delays = {300, 600};
  World world(scenario);

  const Recorder& recorder = run(world);

  CHECK(recorder.flows[0].total == 1);
  CHECK(recorder.webhook_attempts == 1);
  CHECK(recorder.webhook_retries == 0);
}

TEST_CASE("retry backoff doubles up to its cap", "[model][connector]")
{
  RetrySpec retry;
  retry.count = 4;
  retry.first = 60;
  retry.factor = 2;
  retry.max_interval = 180;

  CHECK(retry.retries() == 4);
  CHECK(retry.delay(0) == Approx(60));
  CHECK(retry.delay(1) == Approx(120));
  CHECK(retry.delay(2) == Approx(180));
  CHECK(retry.delay(3) == Approx(180));
}

TEST_CASE("outage sends deliveries to retries", "[model][connector][fault]")
{
  // Down from 0 to 1000 s. The event at 50 s is refused at 50, 150, 350 and 750 s (delays 100, 200, 400), and the
  // fourth retry at 750 + 800 = 1550 s gets through: one run, and it is wanted because it is the first.
  Scenario scenario = webhook_scenario({50});
  scenario.connectors[0].retry.delays = {100, 200, 400, 800};
  FaultSpec outage;
  outage.id = "down";
  outage.kind = FaultSpec::Kind::outage;
  outage.at = 0;
  outage.until = 1000;
  scenario.faults.push_back(outage);
  World world(scenario);

  const Recorder& recorder = run(world);

  CHECK(recorder.webhook_refused == 4);
  CHECK(recorder.flows[0].total == 1);
  CHECK(recorder.flows[0].wanted == 1);
  CHECK(recorder.last_delivery.value_or(0) == Approx(1550));
}

TEST_CASE("outage backlog arrives as a burst", "[model][connector][fault]")
{
  // Ten events during a 0-600 s outage, each retried 600 s after its refusal: all ten arrive between 610 and 700 s.
  std::vector<double> times;
  for (int i = 1; i <= 10; ++i)
    times.push_back(i * 10.0);
  Scenario scenario = webhook_scenario(times);
  scenario.connectors[0].retry.delays = {600};
  FaultSpec outage;
  outage.id = "down";
  outage.kind = FaultSpec::Kind::outage;
  outage.at = 0;
  outage.until = 600;
  scenario.faults.push_back(outage);
  scenario.duration = 700.5;
  World world(scenario);

  const Recorder& recorder = run(world);

  CHECK(recorder.delivered == 10);
  CHECK(recorder.webhook_abandoned == 0);
  CHECK(recorder.last_delivery.value_or(0) == Approx(700));
}

TEST_CASE("latency spike multiplies delivery latency", "[model][connector][fault]")
{
  // Latency 2 s times 10 during 0-100 s, so the event at 50 s reaches the flow at 70 s. After the spike, an event
  // at 150 s reaches it at 152 s.
  Scenario scenario = webhook_scenario({50});
  scenario.connectors[0].latency = Distribution::constant(2);
  FaultSpec spike;
  spike.id = "slow";
  spike.kind = FaultSpec::Kind::latency_spike;
  spike.at = 0;
  spike.until = 100;
  spike.factor = 10;
  scenario.faults.push_back(spike);
  World world(scenario);

  CHECK(run(world).last_delivery.value_or(0) == Approx(70));

  scenario.sources[0].arrivals.times = {150};
  World later(scenario);
  CHECK(run(later).last_delivery.value_or(0) == Approx(152));
}

TEST_CASE("every event duplicated once", "[model][connector][duplicate]")
{
  Scenario scenario = webhook_scenario({10, 20, 30});
  auto& duplicates = scenario.connectors[0].duplicates;
  duplicates.probability = 1;
  duplicates.spread = 60;
  World world(scenario);

  const Recorder& recorder = run(world);

  CHECK(recorder.duplicate_copies == 3);
  CHECK(recorder.flows[0].total == 6);
  CHECK(recorder.flows[0].wanted == 3);
  CHECK(recorder.last_delivery.value_or(0) <= 90);
}

TEST_CASE("duplicate copies follow a heavy tail", "[model][connector][duplicate]")
{
  // P(K >= n) = n^-1.5: P(K = 1) = 1 - 2^-1.5 = 0.646, P(K >= 10) = 0.032; the mean of K capped at 60 is
  // sum of n^-1.5 for n = 1..60, about 2.36. Each event has its own recipient, who receives 1 + K emails.
  std::vector<double> times;
  for (int i = 0; i < 4000; ++i)
    times.push_back(i * 1.0);
  Scenario scenario = webhook_scenario(times);
  auto& duplicates = scenario.connectors[0].duplicates;
  duplicates.probability = 1;
  duplicates.tail = 1.5;
  duplicates.max_copies = 60;
  duplicates.spread = 3600;
  World world(scenario);

  const Recorder& recorder = run(world);

  int one_copy = 0;
  int ten_or_more = 0;
  std::uint32_t most = 0;
  for (std::uint32_t received : recorder.received) {
    one_copy += received == 2 ? 1 : 0;
    ten_or_more += received >= 11 ? 1 : 0;
    most = std::max(most, received);
  }
  CHECK(one_copy / 4000.0 == Approx(0.646).margin(0.03));
  CHECK(ten_or_more / 4000.0 == Approx(0.032).margin(0.012));
  CHECK(most <= 61);
  CHECK(most >= 20);
  CHECK(recorder.duplicate_copies / 4000.0 == Approx(2.36).margin(0.25));
}

TEST_CASE("random outages cover the expected share", "[model][connector][fault]")
{
  // Outages start as a Poisson process at 1 per hour and last 10 minutes, so the connector is down at a given time
  // with probability 1 - exp(-1/6) = 0.154. A poller checks every minute for 1,000 hours.
  Scenario scenario = tiny_scenario(0, 0, 1000, 60);
  scenario.duration = 1000 * 3600.0;
  scenario.connectors[0].kind = ConnectorSpec::Kind::polling;
  scenario.connectors[0].poll_interval = 60;
  FaultSpec outage;
  outage.id = "flaky";
  outage.kind = FaultSpec::Kind::outage;
  outage.has_at = false;
  outage.random = RandomOccurrences{1.0 / 3600, 600};
  scenario.faults.push_back(outage);
  World world(scenario);

  const Recorder& recorder = run(world);

  const double all = static_cast<double>(recorder.polls + recorder.missed_polls);
  CHECK(all == Approx(60'000).margin(1));
  CHECK(recorder.missed_polls / all == Approx(0.154).margin(0.025));
}
