// A reply-all storm on a distribution list: every reply goes to all members and draws more replies, a branching
// process that Exchange Online's Reply-all Storm Protection is built to stop.
#pragma once

#include "core/Random.hpp"
#include "model/Lineage.hpp"
#include "scenario/Scenario.hpp"

#include <cstdint>
#include <deque>

namespace stormsim {

class World;

// Every member who has not replied yet reads each delivered message to the list. Each of them replies to all with
// the list's reply probability, after the reply delay. Members reply at most once, so the thread ends
// when no member is left or the expected number of new replies per message falls below one.
// Ground truth: the first message and the first `normal_replies` replies are wanted, every later reply is unwanted.
// Members send from their own mailboxes, one message each, so no sending limit applies; the list's mailbox spec
// supplies the transport settings (storm protection) and the timeline row.
class ReplyAllStorm {
public:
  ReplyAllStorm(World& world, const MailboxSpec& spec, std::uint32_t mailbox, std::size_t protection_blocker);

  // Creates the members' addresses and schedules the first message.
  void start();
  // Draws which members reply to a message of this thread that reached every member.
  void on_delivered(const Email& email);

  std::uint32_t replies_sent() const { return replies_; }

private:
  static void on_send(void* self, std::uint64_t is_reply);
  void send(std::uint64_t is_reply);
  // Applies Reply-all Storm Protection to a reply at `now`; true when the reply is rejected.
  bool rejected_by_protection(double now);
  // The number of successes in `trials` Bernoulli trials, drawn by skipping over failures.
  std::uint32_t binomial(std::uint32_t trials, double probability);

  World& world_;
  const MailboxSpec& spec_;
  std::uint32_t mailbox_;
  std::size_t protection_blocker_;
  Rng rng_;
  std::uint32_t first_member_ = 0;
  std::uint32_t not_replied_ = 0; // members who may still reply
  std::uint32_t replies_ = 0;     // reply-alls sent so far, blocked ones included
  std::deque<double> recent_replies_; // send times within the protection window
  double blocked_until_ = -1;
};

} // namespace stormsim
