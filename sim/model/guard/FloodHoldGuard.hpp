// Flood protection: a burst of more than N items within a window is held until the operator approves or discards it.
#pragma once

#include "guards/SlidingWindowLog.hpp"
#include "model/guard/Guard.hpp"

namespace stormsim {

// Once the burst is detected, every later item is held too, until the operator acts. Approval releases the held
// items at the guard's release rate (the guard set paces them); discarding drops them. Either way the guard then
// watches for the next burst with an empty window.
class FloodHoldGuard : public Guard {
public:
  FloodHoldGuard(World& world, const GuardSpec& spec, std::size_t blocker);
  Decision check(const Email& item, double now) override;
  // Ends the hold after the operator's decision.
  void reset(double now) override;

private:
  guards::SlidingWindowLog window_;
  bool holding_ = false;
};

} // namespace stormsim
