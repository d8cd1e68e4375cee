// The sending mailbox: an outbound queue drained under the provider's sending limits.
#pragma once

#include "core/Random.hpp"
#include "model/Lineage.hpp"
#include "scenario/Scenario.hpp"

#include <cstdint>
#include <deque>

namespace stormsim {

class World;

// Two throttle shapes, chosen by the preset:
// - window: up to `send_limit` messages leave in each window [k*W, (k+1)*W); the excess waits for the next window.
//   A backlog of 80 at 30/min leaves as 30, 30 and 20, the behaviour Exchange Online documentation describes.
// - smooth: messages leave at least W/limit seconds apart.
// Messages over the recipient limit (recipients counted over a sliding window) are rejected with a bounce.
// During an outage the mailbox sends nothing; submissions wait in the queue, which drains under the same limits once
// the outage ends.
class Mailbox {
public:
  Mailbox(World& world, const MailboxSpec& spec, std::uint32_t index, std::size_t timeline_row,
          std::size_t recipient_limit_blocker);

  // A flow hands over a message: mailbox-point guards, then the outbound queue.
  void submit(const Email& email);
  // Queues a message that passed the mailbox-point guards, or sends it at once when the throttle allows.
  void enqueue(const Email& email);
  // Continues a message that passed the transport-point guards: recipient limit, recipient guards, delivery.
  void after_transport(const Email& email);
  // Records the delivery (to every member for distribution-list mail), then lets the inboxes react to it.
  void deliver(const Email& email);
  // Sends a message past the queue and its limits, for mail that members of a distribution list send from their own
  // mailboxes: transport rules and guards, recipient limit, recipient guards, delivery.
  void send_unqueued(const Email& email);
  // Schedules the outages.
  void start();

  // Drops every queued message, as purging a mailbox does.
  void purge();
  // Drops the queued messages of one flow.
  void purge_flow(std::uint32_t flow);
  // Purges the queue and drops every later submission, as deleting the mailbox does.
  void remove();
  // A held queue keeps accepting messages but sends none until released.
  void hold();
  void release();

  std::size_t queued() const { return queue_.size(); }
  std::size_t timeline_row() const { return timeline_row_; }
  std::size_t queued_wanted() const;
  const MailboxSpec& spec() const { return spec_; }

private:
  static void on_drain(void* self, std::uint64_t);
  void drain();
  bool can_send_now(double now);
  void send(const Email& email, double now);
  bool over_recipient_limit(double now);
  void schedule_drain(double now);
  void note_queue_length(double now);
  void note_wanted_latency(const Email& email);
  static void on_outage(void* self, std::uint64_t edge);
  void set_down(bool down);

  World& world_;
  const MailboxSpec& spec_;
  std::uint32_t index_;
  std::size_t timeline_row_;
  std::size_t recipient_limit_blocker_;
  Rng rng_;
  std::deque<Email> queue_;
  bool drain_scheduled_ = false;
  bool held_ = false;
  bool deleted_ = false;
  bool down_ = false; // inside an outage
  // window mode
  std::int64_t window_index_ = -1;
  double sent_in_window_ = 0;
  // smooth mode
  double next_slot_ = 0;
  // send times within the recipient window, one per recipient (each message has one recipient)
  std::deque<double> recent_recipients_;
};

} // namespace stormsim
