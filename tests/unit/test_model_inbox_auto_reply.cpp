// Out-of-office auto-replies between two simulated mailboxes: the loop and the rules that stop it.
#include "model/World.hpp"

#include <catch2/catch.hpp>

using namespace stormsim;

namespace {

// Mailbox "alice" writes one message to "bob" at time 0; both auto-reply 60 s after each delivery.
Scenario two_out_of_office_inboxes(double duration)
{
  Scenario scenario;
  scenario.name = "auto-reply";
  scenario.start = DateTime{2026, 1, 1, 0, 0, 0};
  scenario.duration = duration;
  scenario.seed = 1;
  scenario.max_events = 1'000'000;
  for (const char* id : {"alice", "bob"}) {
    MailboxSpec mailbox;
    mailbox.id = id;
    mailbox.send_limit = 1000;
    mailbox.send_window = 60;
    mailbox.auto_reply.enabled = true;
    mailbox.auto_reply.latency = Distribution::constant(60);
    scenario.mailboxes.push_back(mailbox);
  }
  HumanMailSpec first;
  first.to = 1;
  first.times = {0};
  scenario.mailboxes[0].human_mail.push_back(first);
  return scenario;
}

void run(World& world)
{
  world.start();
  world.queue().run_all();
}

} // namespace

TEST_CASE("auto-replies loop without prevention", "[model][inbox]")
{
  // Replies leave at 60, 120, ..., 3600 s: 60 auto-replies, and the human message makes 61 deliveries.
  const Scenario scenario = two_out_of_office_inboxes(3600.5);
  World world(scenario);

  run(world);

  const auto& recorder = world.recorder();
  CHECK(recorder.inboxes.auto_replies == 60);
  CHECK(recorder.delivered == 61);
  // The human message and Bob's first auto-reply to Alice are wanted; the rest reply to auto-replies.
  CHECK(recorder.wanted_delivered == 2);
  CHECK(recorder.unwanted_delivered == 59);
}

TEST_CASE("auto-reply once per sender ends the loop", "[model][inbox]")
{
  Scenario scenario = two_out_of_office_inboxes(3600.5);
  for (auto& mailbox : scenario.mailboxes)
    mailbox.auto_reply.once_per_sender = true;
  World world(scenario);

  run(world);

  // Bob replies to Alice, Alice replies to Bob once, and Bob does not reply to Alice again.
  const auto& recorder = world.recorder();
  CHECK(recorder.inboxes.auto_replies == 2);
  CHECK(recorder.inboxes.auto_replies_once_skipped == 1);
  CHECK(recorder.wanted_delivered == 2);
  CHECK(recorder.unwanted_delivered == 1);
}

TEST_CASE("auto-reply hop limit drops the answer to an auto-reply", "[model][inbox]")
{
  Scenario scenario = two_out_of_office_inboxes(3600.5);
  for (auto& mailbox : scenario.mailboxes)
    mailbox.auto_reply_hop_limit = 1;
  World world(scenario);

  run(world);

  const auto& recorder = world.recorder();
  CHECK(recorder.inboxes.auto_replies == 1);
  CHECK(recorder.inboxes.loop_prevented == 1);
  CHECK(recorder.unwanted_delivered == 0);
  CHECK(recorder.wanted_delivered == 2);
}

TEST_CASE("mailbox outage holds mail then drains under its limit", "[model][inbox][mailbox]")
{
  // 80 messages submitted at 10 s during an outage until 120 s, at 30 per minute: 30 leave at 120 s, 30 at 180 s
  // and 20 at 240 s.
  Scenario scenario = two_out_of_office_inboxes(86400);
  scenario.mailboxes[1].auto_reply.enabled = false;
  scenario.mailboxes[0].auto_reply.enabled = false;
  scenario.mailboxes[0].send_limit = 30;
  scenario.mailboxes[0].human_mail[0].times.assign(80, 10.0);
  scenario.mailboxes[0].outages.push_back(OutageSpec{0, 120});
  World world(scenario);
  world.start();

  world.queue().run_until(119);
  CHECK(world.mailbox(0).queued() == 80);
  CHECK(world.recorder().delivered == 0);

  world.queue().run_all();
  auto& timeline = world.recorder().timeline;
  CHECK(timeline.at(0, 121).emails_delivered == 30);
  CHECK(timeline.at(0, 181).emails_delivered == 30);
  CHECK(timeline.at(0, 241).emails_delivered == 20);
  CHECK(world.recorder().delivered == 80);
}
