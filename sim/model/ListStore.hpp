// A list (a SharePoint-style list) whose item changes trigger flows, as "when an item is created or modified" does.
#pragma once

#include "core/Random.hpp"
#include "model/Lineage.hpp"
#include "scenario/Scenario.hpp"

#include <cstdint>
#include <limits>
#include <vector>

namespace stormsim {

class World;

// An item stands for one source event (a request, a registration), so a flow writing "its" item writes the item of
// the event its run serves. The store keeps no item contents: a change only notifies the flows the list triggers.
class ListStore {
public:
  // The writer of a change that no flow made: a person, such as a requester filling in a form.
  static constexpr std::uint32_t person = std::numeric_limits<std::uint32_t>::max();

  ListStore(World& world, const ListSpec& spec, std::uint32_t index);

  void add_flow(std::uint32_t flow) { flows_.push_back(flow); }
  // Creates or modifies the item of the delivery's source event. `writer` is the flow that wrote it, or `person`.
  // Each flow the list triggers starts after the list's trigger latency, unless its trigger condition skips the change.
  void write(const Delivery& delivery, std::uint32_t writer);

  const ListSpec& spec() const { return spec_; }

private:
  World& world_;
  const ListSpec& spec_;
  std::uint32_t index_;
  Rng rng_;
  std::vector<std::uint32_t> flows_;
};

} // namespace stormsim
