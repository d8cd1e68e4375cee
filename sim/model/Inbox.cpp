#include "model/Inbox.hpp"

#include "model/World.hpp"
#include "model/guard/Guard.hpp"

#include <algorithm>

namespace stormsim {

Inbox::Inbox(World& world, const MailboxSpec& spec, std::uint32_t mailbox, std::uint32_t address)
    : world_(world), spec_(spec), mailbox_(mailbox), address_(address), rng_(world.seed(), "inbox/" + spec.id)
{
}

void Inbox::start()
{
  for (std::uint32_t stream = 0; stream < spec_.human_mail.size(); ++stream)
    schedule_human_mail(stream, 0);
}

// The argument packs the stream index (high 32 bits) and the position within the stream's schedule.
void Inbox::schedule_human_mail(std::uint32_t stream, std::uint32_t position)
{
  const HumanMailSpec& mail = spec_.human_mail[stream];
  auto& queue = world_.queue();
  const std::uint64_t packed = (static_cast<std::uint64_t>(stream) << 32) | position;
  if (position < mail.times.size())
    queue.schedule(mail.times[position], on_human_mail, this, packed);
  else if (mail.rate_per_s > 0)
    queue.schedule(queue.now() + rng_.exponential(1.0 / mail.rate_per_s), on_human_mail, this, packed);
}

void Inbox::on_human_mail(void* self, std::uint64_t packed)
{
  static_cast<Inbox*>(self)->send_human_mail(packed);
}

void Inbox::send_human_mail(std::uint64_t packed)
{
  const auto stream = static_cast<std::uint32_t>(packed >> 32);
  const auto position = static_cast<std::uint32_t>(packed & 0xffffffffULL);
  Email email;
  email.flow = no_index;
  email.delivery.source = no_index; // no source event: people wrote it
  email.mailbox = mailbox_;
  email.recipient = world_.inboxes().address_of(static_cast<std::uint32_t>(spec_.human_mail[stream].to));
  email.wanted = true;
  email.submitted_at = world_.queue().now();
  world_.recorder().on_submitted(world_.mailbox(mailbox_).timeline_row(), email.submitted_at);
  world_.mailbox(mailbox_).submit(email);
  schedule_human_mail(stream, position + 1);
}

void Inbox::receive(const Email& email, std::uint32_t sender_address)
{
  if (spec_.mail_trigger.source)
    trigger(email, sender_address, false);
  if (spec_.auto_reply.enabled)
    auto_reply(email, sender_address);
}

void Inbox::on_sent(const Email& email)
{
  // Gmail's "new email" trigger without an "in:inbox" search also matches the account's own sent mail; a reply to a
  // sent message goes to that message's recipient.
  if (spec_.mail_trigger.source && spec_.mail_trigger.matches_sent_mail)
    trigger(email, email.recipient, true);
}

void Inbox::trigger(const Email& email, std::uint32_t reply_to, bool own_mail)
{
  const MailTriggerSpec& condition = spec_.mail_trigger;
  auto& counters = world_.recorder().inboxes;
  const auto& skip = condition.skip_senders;
  if ((condition.skip_auto_replies && email.auto_hops > 0) ||
      std::find(skip.begin(), skip.end(), email.mailbox) != skip.end()) {
    ++counters.mail_triggers_skipped;
    return;
  }
  ++counters.mail_triggers;
  const bool real = email.wanted && email.auto_hops == 0 && !own_mail && email.mailbox != mailbox_;
  world_.source(static_cast<std::uint32_t>(*condition.source)).add_mail_event(reply_to, real);
}

void Inbox::auto_reply(const Email& email, std::uint32_t sender_address)
{
  auto& counters = world_.recorder().inboxes;
  // Exchange Online generates no auto-reply to a message that already went through its hop limit of auto-replies.
  if (spec_.auto_reply_hop_limit > 0 && email.auto_hops >= spec_.auto_reply_hop_limit) {
    ++counters.loop_prevented;
    return;
  }
  const bool first = replied_to_.insert(sender_address).second;
  if (spec_.auto_reply.once_per_sender && !first) {
    ++counters.auto_replies_once_skipped;
    return;
  }
  Email reply;
  reply.flow = no_index;
  reply.mailbox = mailbox_;
  reply.recipient = sender_address;
  reply.delivery = email.delivery;
  reply.delivery.origin = Origin::loop;
  reply.auto_hops = static_cast<std::uint8_t>(std::min(email.auto_hops + 1, 255));
  reply.wanted = email.wanted && email.auto_hops == 0 && first;

  std::uint64_t slot;
  if (free_pending_.empty()) {
    slot = pending_.size();
    pending_.push_back(reply);
  } else {
    slot = free_pending_.back();
    free_pending_.pop_back();
    pending_[slot] = reply;
  }
  auto& queue = world_.queue();
  queue.schedule(queue.now() + spec_.auto_reply.latency.sample(rng_), on_reply_due, this, slot);
}

void Inbox::on_reply_due(void* self, std::uint64_t slot)
{
  auto& inbox = *static_cast<Inbox*>(self);
  Email reply = inbox.pending_[slot];
  inbox.free_pending_.push_back(slot);
  auto& world = inbox.world_;
  reply.submitted_at = world.queue().now();
  ++world.recorder().inboxes.auto_replies;
  // Loop traffic has no unwanted run to mark the storm's start, so its first unwanted message does.
  if (!reply.wanted && !world.recorder().storm_start)
    world.recorder().storm_start = reply.submitted_at;
  world.recorder().on_submitted(world.mailbox(inbox.mailbox_).timeline_row(), reply.submitted_at);
  world.mailbox(inbox.mailbox_).submit(reply);
}

} // namespace stormsim
