// The scenario's guards, attached at their points of the pipeline, with their state for one run.
#pragma once

#include "guards/DedupStore.hpp"
#include "guards/SlidingWindowLog.hpp"
#include "model/Lineage.hpp"
#include "scenario/Scenario.hpp"

#include <optional>
#include <string>
#include <vector>

namespace stormsim {

class World;

class GuardSet {
public:
  GuardSet(World& world, const std::vector<GuardSpec>& specs);

  // Flow trigger point: false when a guard drops the trigger before a run starts.
  bool admit_trigger(std::uint32_t flow, const Delivery& delivery, double now);

  // Mailbox send point: the recorder's blocker index of the guard that blocks this message, if any.
  std::optional<std::size_t> block_send(const Email& email, double now);

  std::size_t blocker_of(const std::string& guard_id) const;

private:
  struct Dedup {
    const GuardSpec* spec;
    std::size_t blocker;
    std::vector<guards::DedupStore> stores; // one per flow, or a single shared one
  };
  struct Threshold {
    const GuardSpec* spec;
    std::size_t blocker;
    std::vector<guards::SlidingWindowLog> windows; // one per mailbox
    std::vector<bool> blocking;                     // per mailbox: latched after a trip with block_mailbox
    std::vector<double> last_trip;                  // per mailbox, seconds; -infinity before the first trip
  };

  static bool applies(const std::vector<std::size_t>& scope, std::size_t index);
  bool check_dedup(Dedup& guard, std::uint32_t flow, const Delivery& delivery, double now);
  bool check_threshold(Threshold& guard, const Email& email, double now);
  void trip(Threshold& guard, std::uint32_t mailbox, double now);

  World& world_;
  std::vector<Dedup> dedups_;
  std::vector<Threshold> thresholds_;
  std::vector<std::pair<std::string, std::size_t>> blockers_;
};

} // namespace stormsim
