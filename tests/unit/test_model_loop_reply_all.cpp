// Reply-all on a distribution list as a branching process, and Exchange Online's Reply-all Storm Protection.
#include "model/World.hpp"

#include <catch2/catch.hpp>

using namespace stormsim;

namespace {

// A list of `members` whose first message goes out at time 0; every member replies to it after 60 s when the
// reply probability is 1, and the first 3 replies are normal.
Scenario list_thread(std::uint32_t members, double probability)
{
  Scenario scenario;
  scenario.name = "reply-all";
  scenario.start = DateTime{2026, 1, 1, 0, 0, 0};
  scenario.duration = 86400;
  scenario.seed = 1;
  scenario.max_events = 1'000'000;
  MailboxSpec mailbox;
  mailbox.id = "staff";
  mailbox.send_limit = 30;
  mailbox.send_window = 60;
  mailbox.distribution_list.present = true;
  mailbox.distribution_list.members = members;
  mailbox.distribution_list.reply_probability = probability;
  mailbox.distribution_list.reply_delay = Distribution::constant(60);
  mailbox.distribution_list.normal_replies = 3;
  scenario.mailboxes.push_back(mailbox);
  return scenario;
}

ReplyAllProtectionSpec exchange_2021_defaults()
{
  return ReplyAllProtectionSpec{true, 2500, 10, 3600, 6 * 3600};
}

void run(World& world)
{
  world.start();
  world.queue().run_all();
}

} // namespace

TEST_CASE("reply-all reaches every member per reply", "[model][loop]")
{
  // 100 members all reply once: 101 messages of 100 deliveries; the first message and 3 replies are wanted.
  const Scenario scenario = list_thread(100, 1.0);
  World world(scenario);

  run(world);

  const auto& recorder = world.recorder();
  CHECK(recorder.inboxes.reply_alls == 100);
  CHECK(recorder.delivered == 101 * 100);
  CHECK(recorder.wanted_delivered == 4 * 100);
  CHECK(recorder.max_received == 101);
}

TEST_CASE("reply-all storm protection blocks after 10 replies", "[model][loop]")
{
  // 3,000 members reply within the same minute; the 10th reply trips the protection and the other 2,990 bounce.
  Scenario scenario = list_thread(3000, 1.0);
  scenario.mailboxes[0].reply_all_protection = exchange_2021_defaults();
  World world(scenario);

  run(world);

  const auto& recorder = world.recorder();
  CHECK(recorder.inboxes.reply_alls == 3000);
  CHECK(recorder.inboxes.reply_alls_blocked == 2990);
  CHECK(recorder.delivered == 11 * 3000);
  CHECK(recorder.first_detection == Approx(60.0));
}

TEST_CASE("reply-all storm protection ignores small lists", "[model][loop]")
{
  Scenario scenario = list_thread(2000, 1.0);
  scenario.mailboxes[0].reply_all_protection = exchange_2021_defaults();
  World world(scenario);

  run(world);

  CHECK(world.recorder().inboxes.reply_alls_blocked == 0);
  CHECK(world.recorder().delivered == 2001 * 2000);
}

TEST_CASE("reply-all with no replies ends the thread", "[model][loop]")
{
  const Scenario scenario = list_thread(500, 0.0);
  World world(scenario);

  run(world);

  CHECK(world.recorder().inboxes.reply_alls == 0);
  CHECK(world.recorder().delivered == 500);
}

TEST_CASE("reply-all draws about members times probability", "[model][loop]")
{
  // 10,000 members reply with probability 0.01. A protection that trips on the first reply lets only that reply
  // through, so two messages are read: about 100 replies to the first and about 99 to the reply, 199 in all with a
  // standard deviation of about 14.
  Scenario scenario = list_thread(10000, 0.01);
  scenario.mailboxes[0].reply_all_protection = ReplyAllProtectionSpec{true, 1, 1, 3600, 86400};
  World world(scenario);

  run(world);

  const auto replies = world.recorder().inboxes.reply_alls;
  CHECK(replies >= 150);
  CHECK(replies <= 250);
  CHECK(world.recorder().delivered == 2 * 10000);
}
