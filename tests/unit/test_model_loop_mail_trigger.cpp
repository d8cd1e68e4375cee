// A flow triggered by mail in a mailbox that also matches the mailbox's own sent mail: the loop and its trigger
// condition.
#include "model/World.hpp"

#include <catch2/catch.hpp>

using namespace stormsim;

namespace {

// A customer mailbox writes once to "support" at time 0. Support's trigger feeds a flow that replies after 10 s;
// the connector and the mailboxes add no delay.
Scenario acknowledging_flow(double duration)
{
  Scenario scenario;
  scenario.name = "mail-trigger";
  scenario.start = DateTime{2026, 1, 1, 0, 0, 0};
  scenario.duration = duration;
  scenario.seed = 1;
  scenario.max_events = 1'000'000;
  scenario.sources.push_back(SourceSpec{});
  scenario.sources[0].id = "support-mail";
  scenario.sources[0].recipient_prefix = "support-mail";
  scenario.connectors.push_back(ConnectorSpec{});
  scenario.connectors[0].id = "trigger";
  scenario.connectors[0].source = 0;
  scenario.connectors[0].latency = Distribution::constant(0);
  FlowSpec flow;
  flow.id = "acknowledge";
  flow.trigger = 0;
  StepSpec step;
  step.kind = StepSpec::Kind::send_email;
  step.latency = Distribution::constant(10);
  step.target = 0;
  flow.steps.push_back(step);
  scenario.flows.push_back(flow);
  for (const char* id : {"support", "customer"}) {
    MailboxSpec mailbox;
    mailbox.id = id;
    mailbox.send_limit = 1000;
    mailbox.send_window = 60;
    scenario.mailboxes.push_back(mailbox);
  }
  scenario.mailboxes[0].mail_trigger.source = 0;
  scenario.mailboxes[0].mail_trigger.matches_sent_mail = true;
  HumanMailSpec first;
  first.to = 0;
  first.times = {0};
  scenario.mailboxes[1].human_mail.push_back(first);
  return scenario;
}

void run(World& world)
{
  world.start();
  world.queue().run_all();
}

} // namespace

TEST_CASE("mail trigger matching sent mail loops", "[model][loop]")
{
  // Runs start at 0, 10, ..., 100 s and acknowledgements leave 10 s later, each one triggering the next run.
  // The run started at 100 s has not sent its acknowledgement by the end.
  const Scenario scenario = acknowledging_flow(100.5);
  World world(scenario);

  run(world);

  const auto& recorder = world.recorder();
  CHECK(recorder.flows[0].total == 11);
  CHECK(recorder.flows[0].wanted == 1);
  CHECK(recorder.flows[0].unwanted == 10);
  // The customer's message, then 10 acknowledgements of which only the first is wanted.
  CHECK(recorder.delivered == 11);
  CHECK(recorder.wanted_delivered == 2);
  CHECK(recorder.inboxes.mail_triggers == 11);
}

TEST_CASE("mail trigger condition on sender contains the loop", "[model][loop]")
{
  Scenario scenario = acknowledging_flow(100.5);
  scenario.mailboxes[0].mail_trigger.skip_senders = {0};
  World world(scenario);

  run(world);

  const auto& recorder = world.recorder();
  CHECK(recorder.flows[0].total == 1);
  CHECK(recorder.flows[0].unwanted == 0);
  CHECK(recorder.delivered == 2);
  CHECK(recorder.wanted_delivered == 2);
  CHECK(recorder.inboxes.mail_triggers_skipped == 1);
}

TEST_CASE("mail trigger without sent mail answers once", "[model][loop]")
{
  Scenario scenario = acknowledging_flow(100.5);
  scenario.mailboxes[0].mail_trigger.matches_sent_mail = false;
  World world(scenario);

  run(world);

  CHECK(world.recorder().flows[0].total == 1);
  CHECK(world.recorder().delivered == 2);
}
