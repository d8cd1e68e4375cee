#include "model/ReplyAllStorm.hpp"

#include "model/World.hpp"
#include "model/guard/Guard.hpp"

#include <cmath>

namespace stormsim {

ReplyAllStorm::ReplyAllStorm(World& world, const MailboxSpec& spec, std::uint32_t mailbox,
                             std::size_t protection_blocker)
    : world_(world)
    , spec_(spec)
    , mailbox_(mailbox)
    , protection_blocker_(protection_blocker)
    , rng_(world.seed(), "reply-all/" + spec.id)
{
}

void ReplyAllStorm::start()
{
  const DistributionListSpec& list = spec_.distribution_list;
  for (std::uint32_t member = 0; member < list.members; ++member) {
    const std::uint32_t address = world_.add_recipient(spec_.id, member);
    if (member == 0)
      first_member_ = address;
  }
  not_replied_ = list.members;
  world_.queue().schedule(list.first_message_at, on_send, this, 0);
}

void ReplyAllStorm::on_send(void* self, std::uint64_t is_reply)
{
  static_cast<ReplyAllStorm*>(self)->send(is_reply);
}

// Argument 0 is the message that starts the thread; it is not a reply-all and protection does not count it.
// Replies are numbered in the order they are sent, so "the first replies" are the first ones members see.
void ReplyAllStorm::send(std::uint64_t is_reply)
{
  const std::uint32_t reply_number = is_reply != 0 ? ++replies_ : 0;
  const double now = world_.queue().now();
  Email email;
  email.flow = no_index;
  email.delivery.source = no_index; // no source event: people wrote it
  email.mailbox = mailbox_;
  email.recipient = first_member_;
  email.list_members = spec_.distribution_list.members;
  email.delivery.origin = reply_number == 0 ? Origin::real : Origin::loop;
  email.wanted = reply_number <= spec_.distribution_list.normal_replies;
  email.submitted_at = now;
  auto& recorder = world_.recorder();
  const std::size_t row = world_.mailbox(mailbox_).timeline_row();
  recorder.on_submitted(row, now);
  if (!email.wanted && !recorder.storm_start)
    recorder.storm_start = now;
  if (reply_number > 0) {
    ++recorder.inboxes.reply_alls;
    if (rejected_by_protection(now)) {
      ++recorder.inboxes.reply_alls_blocked;
      ++recorder.bounced;
      recorder.on_blocked(email, protection_blocker_, row, now);
      return;
    }
  }
  world_.mailbox(mailbox_).send_unqueued(email);
}

bool ReplyAllStorm::rejected_by_protection(double now)
{
  const ReplyAllProtectionSpec& protection = spec_.reply_all_protection;
  if (!protection.enabled || spec_.distribution_list.members < protection.min_recipients)
    return false;
  if (now < blocked_until_)
    return true;
  while (!recent_replies_.empty() && recent_replies_.front() <= now - protection.window)
    recent_replies_.pop_front();
  recent_replies_.push_back(now);
  // The reply that reaches the threshold is the storm's detection; it still goes out and later ones are rejected.
  if (static_cast<double>(recent_replies_.size()) >= protection.min_replies) {
    blocked_until_ = now + protection.block;
    recent_replies_.clear();
    world_.recorder().blockers[protection_blocker_].trips.push_back(now);
    world_.recorder().note_detection(now);
  }
  return false;
}

void ReplyAllStorm::on_delivered(const Email& /*email*/)
{
  const DistributionListSpec& list = spec_.distribution_list;
  const std::uint32_t answering = binomial(not_replied_, list.reply_probability);
  not_replied_ -= answering;
  auto& queue = world_.queue();
  for (std::uint32_t i = 0; i < answering; ++i)
    queue.schedule(queue.now() + list.reply_delay.sample(rng_), on_send, this, 1);
}

std::uint32_t ReplyAllStorm::binomial(std::uint32_t trials, double probability)
{
  if (probability <= 0 || trials == 0)
    return 0;
  if (probability >= 1)
    return trials;
  // The gap before the next success is geometric: floor(log(U) / log(1 - p)) failures.
  const double log_failure = std::log1p(-probability);
  std::uint32_t successes = 0;
  double position = -1;
  for (;;) {
    position += 1 + std::floor(std::log1p(-rng_.uniform()) / log_failure);
    if (position >= static_cast<double>(trials))
      return successes;
    ++successes;
  }
}

} // namespace stormsim
