// Step failures, retry policies, sends that time out after committing, group sends and flow outages.
#include "model/RetryPolicy.hpp"
#include "model/World.hpp"
#include "support/TinyScenario.hpp"

#include <catch2/catch.hpp>

using namespace stormsim;
using stormsim::testing::tiny_scenario;

namespace {

// One real event at `at` seconds, a send step with no latency and a mailbox that never throttles these tests.
Scenario one_event_at(double at)
{
  Scenario scenario = tiny_scenario(0, 0, 1000, 60);
  scenario.sources[0].arrivals.kind = ArrivalSpec::Kind::schedule;
  scenario.sources[0].arrivals.times = {at};
  return scenario;
}

StepRetrySpec fixed_retry(int count, double interval)
{
  StepRetrySpec retry;
  retry.kind = StepRetrySpec::Kind::fixed;
  retry.count = count;
  retry.interval = interval;
  return retry;
}

} // namespace

TEST_CASE("exponential retry waits double up to the cap", "[model][step]")
{
  // Power Automate's low profile: 2 retries scaled by 5 minutes, the last wait 10 minutes.
  StepRetrySpec low;
  low.kind = StepRetrySpec::Kind::exponential;
  low.count = 2;
  low.interval = 300;
  low.max_interval = 600;
  CHECK(retry_interval(low, 1) == Approx(300));
  CHECK(retry_interval(low, 2) == Approx(600));

  // Medium and high profiles: 8 retries scaled by 7 seconds, the last wait 7 * 2^7 = 896 s.
  StepRetrySpec premium = low;
  premium.count = 8;
  premium.interval = 7;
  premium.max_interval = 900;
  CHECK(retry_interval(premium, 1) == Approx(7));
  CHECK(retry_interval(premium, 4) == Approx(56));
  CHECK(retry_interval(premium, 8) == Approx(896));

  premium.max_interval = 100;
  premium.min_interval = 20;
  CHECK(retry_interval(premium, 1) == Approx(20));
  CHECK(retry_interval(premium, 8) == Approx(100));
  CHECK(retry_interval(fixed_retry(3, 45), 3) == Approx(45));
}

TEST_CASE("timeout after commit duplicates the send", "[model][step]")
{
  // Every attempt commits and times out: attempts at 10, 70 and 130 s each send one copy, then the run fails.
  Scenario scenario = one_event_at(10);
  scenario.flows[0].steps[0].timeout_after_commit = 1;
  scenario.flows[0].steps[0].retry = fixed_retry(2, 60);
  World world(scenario);

  world.start();
  world.queue().run_all();

  const auto& recorder = world.recorder();
  CHECK(recorder.flows[0].total == 1);
  CHECK(recorder.flows[0].retries == 2);
  CHECK(recorder.flows[0].failed == 1);
  CHECK(recorder.submitted == 3);
  CHECK(recorder.wanted_delivered == 1);
  CHECK(recorder.unwanted_delivered == 2);
  CHECK(recorder.last_unwanted_delivery == Approx(130));
}

TEST_CASE("failed step sends nothing and fails the run", "[model][step]")
{
  // Attempts at 0, 300 and 900 s (waits 300 and 600 s) all fail before sending.
  Scenario scenario = one_event_at(0);
  auto& step = scenario.flows[0].steps[0];
  step.failure_probability = 1;
  step.retry.kind = StepRetrySpec::Kind::exponential;
  step.retry.count = 2;
  step.retry.interval = 300;
  step.retry.max_interval = 600;
  World world(scenario);

  world.start();
  world.queue().run_all();

  CHECK(world.recorder().flows[0].retries == 2);
  CHECK(world.recorder().flows[0].failed == 1);
  CHECK(world.recorder().submitted == 0);
}

TEST_CASE("step without retry policy fails at once", "[model][step]")
{
  Scenario scenario = one_event_at(0);
  scenario.flows[0].steps[0].timeout_after_commit = 1;
  World world(scenario);

  world.start();
  world.queue().run_all();

  CHECK(world.recorder().flows[0].retries == 0);
  CHECK(world.recorder().flows[0].failed == 1);
  CHECK(world.recorder().wanted_delivered == 1);
  CHECK(world.recorder().unwanted_delivered == 0);
}

TEST_CASE("dedup guard ends retry of committed send", "[model][step]")
{
  // The retry's copy is dropped at the flow step, so it never reaches the send call, cannot time out, and the step
  // ends: one retry, no failed run, one wanted email.
  Scenario scenario = one_event_at(10);
  scenario.flows[0].steps[0].timeout_after_commit = 1;
  scenario.flows[0].steps[0].retry = fixed_retry(5, 60);
  GuardSpec dedup;
  dedup.id = "content-dedup";
  dedup.kind = GuardSpec::Kind::dedup;
  dedup.point = GuardPoint::flow_step;
  dedup.key = GuardKey::content;
  scenario.guards.push_back(dedup);
  World world(scenario);

  world.start();
  world.queue().run_all();

  const auto& recorder = world.recorder();
  CHECK(recorder.flows[0].retries == 1);
  CHECK(recorder.flows[0].failed == 0);
  CHECK(recorder.wanted_delivered == 1);
  CHECK(recorder.unwanted_delivered == 0);
  CHECK(recorder.unwanted_blocked == 1);
}

TEST_CASE("group send with invalid address resends batch", "[model][step]")
{
  // 5 members, 1 invalid: each attempt sends to the 4 valid members and fails. One retry: 8 emails, 4 of them
  // wanted, each member gets 2, and the run fails.
  Scenario scenario = one_event_at(0);
  scenario.flows[0].steps[0].group = GroupSpec{"team", 5, 1};
  scenario.flows[0].steps[0].retry = fixed_retry(1, 60);
  World world(scenario);

  world.start();
  world.queue().run_all();

  const auto& recorder = world.recorder();
  CHECK(recorder.delivered == 8);
  CHECK(recorder.wanted_delivered == 4);
  CHECK(recorder.unwanted_delivered == 4);
  CHECK(recorder.max_received == 2);
  CHECK(recorder.flows[0].failed == 1);
  // The four valid members, then the requester of the event.
  REQUIRE(world.recipient_names().size() == 5);
  CHECK(world.recipient_names()[3] == "team-0004@example.org");
}

TEST_CASE("group send without invalid address succeeds", "[model][step]")
{
  Scenario scenario = one_event_at(0);
  scenario.flows[0].steps[0].group = GroupSpec{"team", 5, 0};
  scenario.flows[0].steps[0].retry = fixed_retry(1, 60);
  World world(scenario);

  world.start();
  world.queue().run_all();

  CHECK(world.recorder().delivered == 5);
  CHECK(world.recorder().wanted_delivered == 5);
  CHECK(world.recorder().flows[0].retries == 0);
  CHECK(world.recorder().flows[0].failed == 0);
}

TEST_CASE("flow outage defers sends to a burst", "[model][step]")
{
  // Ten events at 100..109 s during an outage from 0 to 1000 s. Each attempt fails at t, t+300 and t+600, and the
  // retry at t+900 (after 1000 s) succeeds: all ten wanted emails leave between 1000 and 1009 s.
  Scenario scenario = tiny_scenario(0, 0, 1000, 60);
  scenario.sources[0].arrivals.kind = ArrivalSpec::Kind::schedule;
  for (int i = 0; i < 10; ++i)
    scenario.sources[0].arrivals.times.push_back(100 + i);
  scenario.flows[0].steps[0].retry = fixed_retry(5, 300);
  scenario.flows[0].outages.push_back(FlowOutageSpec{0, 1000});
  World world(scenario);

  world.start();
  world.queue().run_all();

  const auto& recorder = world.recorder();
  CHECK(recorder.flows[0].retries == 30);
  CHECK(recorder.flows[0].failed == 0);
  CHECK(recorder.wanted_delivered == 10);
  REQUIRE(recorder.last_delivery);
  CHECK(*recorder.last_delivery == Approx(1009));
}
