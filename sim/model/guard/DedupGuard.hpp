// Drops an item whose key was seen before within a TTL, with a bounded store that a long enough replay outruns.
#pragma once

#include "guards/DedupStore.hpp"
#include "model/guard/Guard.hpp"

#include <vector>

namespace stormsim {

class DedupGuard : public Guard {
public:
  DedupGuard(World& world, const GuardSpec& spec, std::size_t blocker, std::size_t flow_count);
  Decision check(const Email& item, double now) override;
  // Forgets every key, as a restart of a dedup service without persistent storage does.
  void reset(double now) override;

private:
  std::vector<guards::DedupStore> stores_; // one per flow, or one shared store
};

} // namespace stormsim
