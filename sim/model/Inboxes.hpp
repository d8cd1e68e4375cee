// The simulated mailboxes' inboxes and reply-all threads, and the routing of delivered mail to them.
#pragma once

#include "model/Inbox.hpp"
#include "model/Lineage.hpp"
#include "model/ReplyAllStorm.hpp"
#include "scenario/Scenario.hpp"

#include <cstdint>
#include <deque>
#include <vector>

namespace stormsim {

class World;

// Mailboxes get addresses only when the scenario uses inboxes at all, so scenarios without them keep their
// recipients unchanged.
class Inboxes {
public:
  explicit Inboxes(World& world);

  // Creates the addresses, inboxes and threads, then schedules their first events and the mailboxes' outages.
  void start();
  // Called for every delivered message after it is recorded.
  void on_delivered(const Email& email);

  // The address of a mailbox, as a global recipient index.
  std::uint32_t address_of(std::uint32_t mailbox) const { return addresses_[mailbox]; }

private:
  World& world_;
  bool active_ = false;
  std::vector<std::uint32_t> addresses_;       // per mailbox
  std::vector<std::int64_t> inbox_of_mailbox_; // index into inboxes_, -1 for none
  std::vector<std::int64_t> thread_of_mailbox_;
  std::deque<Inbox> inboxes_;
  std::deque<ReplyAllStorm> threads_;
  std::uint32_t first_address_ = 0;
};

} // namespace stormsim
