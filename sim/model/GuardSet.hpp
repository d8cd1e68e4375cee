// The scenario's guards, grouped by their point in the pipeline, and the routing of items through them.
#pragma once

#include "model/Lineage.hpp"
#include "model/guard/Guard.hpp"
#include "scenario/Scenario.hpp"

#include <array>
#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace stormsim {

class BreakerGuard;
class World;

// Each `at_*` call runs the item through the guards at that point in scenario order and, when all pass, hands it to
// the next stage of the pipeline. A delayed item waits in a parking slot and is checked again at its date. A held item
// waits in its guard's hold list for the operator.
class GuardSet {
public:
  GuardSet(World& world, const std::vector<GuardSpec>& specs);

  void at_connector(std::uint32_t connector, const Delivery& delivery);
  void at_flow_trigger(std::uint32_t flow, const Delivery& delivery);
  void at_flow_step(std::uint32_t run_slot, const Email& email);
  void at_mailbox(const Email& email);
  void at_transport(const Email& email);
  void at_recipient(const Email& email);

  // Tells failure-ratio breakers in scope whether a message was rejected or bounced, or accepted for delivery.
  void report_outcome(const Email& email, bool failed);

  // Operator actions on a guard, by index in the scenario's guard list.
  void release_held(std::size_t guard);
  void discard_held(std::size_t guard);
  void reset(std::size_t guard);

  std::size_t blocker_of(std::size_t guard) const { return guards_[guard]->blocker(); }
  std::size_t held(std::size_t guard) const { return held_[guard].size(); }
  // Items still waiting in a delay or a hold, and how many of them are wanted, for the end-of-run summary.
  struct Waiting {
    std::uint64_t emails = 0;
    std::uint64_t wanted_emails = 0;
    std::uint64_t triggers = 0;
    std::uint64_t wanted_triggers = 0;
  };
  Waiting waiting() const;

private:
  struct Item {
    GuardPoint point;
    std::uint32_t owner = 0; // connector index, flow index or run slot, as the point needs
    Email email;
    double stopped_at = -1;  // when a guard first delayed or held it, -1 if never
  };
  struct Parked {
    Item item;
    std::size_t position = 0; // index in the point's chain of the guard that delayed it
    bool in_use = true;
  };

  void evaluate(Item item, std::size_t position);
  void forward(const Item& item);
  void block(const Item& item, const Guard& guard, const char* reason);
  void park(Item item, std::size_t position, double until);
  void passed(Item& item, const Guard& guard);
  static void on_unpark(void* self, std::uint64_t slot);
  static void on_release(void* self, std::uint64_t guard);
  Email trigger_item(std::uint32_t flow, const Delivery& delivery) const;

  World& world_;
  std::vector<std::unique_ptr<Guard>> guards_;
  std::vector<BreakerGuard*> outcome_breakers_; // failure-ratio breakers, informed of each message's outcome
  std::array<std::vector<std::size_t>, 6> chains_; // guard indices per GuardPoint
  std::vector<std::deque<Parked>> held_;           // per guard
  std::vector<std::size_t> releasing_;             // per guard: items still to release after an approval
  std::vector<Parked> parking_;
  std::vector<std::uint64_t> free_parking_;
};

} // namespace stormsim
