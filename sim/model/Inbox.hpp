// A simulated mailbox's inbox: what the account does with the mail it receives, which is how mail makes more mail.
#pragma once

#include "core/Random.hpp"
#include "model/Lineage.hpp"
#include "scenario/Scenario.hpp"

#include <cstdint>
#include <unordered_set>
#include <vector>

namespace stormsim {

class World;

// Ground truth for the mail an inbox produces (the scenario's declaration of what is normal):
// - an auto-reply is wanted when it replies to a wanted message that is not itself an auto-reply and it is the inbox's
//   first auto-reply to that sender, because an out-of-office notice is useful once and every later one is loop
//   traffic;
// - a mail trigger event is real (its flow's first run and first email are wanted) when the message is wanted, is
//   not an auto-reply and was not sent by this mailbox itself: a person's message gets one automated answer.
class Inbox {
public:
  Inbox(World& world, const MailboxSpec& spec, std::uint32_t mailbox, std::uint32_t address);

  // Schedules the mail people write from this mailbox.
  void start();
  // A message addressed to this inbox was delivered.
  void receive(const Email& email, std::uint32_t sender_address);
  // Feeds a message this mailbox delivered to a trigger that also searches sent mail.
  void on_sent(const Email& email);

  std::uint32_t address() const { return address_; }

private:
  static void on_reply_due(void* self, std::uint64_t slot);
  static void on_human_mail(void* self, std::uint64_t packed);
  void auto_reply(const Email& email, std::uint32_t sender_address);
  void trigger(const Email& email, std::uint32_t reply_to, bool own_mail);
  void send_human_mail(std::uint64_t packed);
  void schedule_human_mail(std::uint32_t stream, std::uint32_t position);

  World& world_;
  const MailboxSpec& spec_;
  std::uint32_t mailbox_;
  std::uint32_t address_;
  Rng rng_;
  std::unordered_set<std::uint32_t> replied_to_; // senders that already got an auto-reply
  std::vector<Email> pending_;                   // auto-replies waiting for their latency; slots are reused
  std::vector<std::uint64_t> free_pending_;
};

} // namespace stormsim
