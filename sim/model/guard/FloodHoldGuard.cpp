#include "model/guard/FloodHoldGuard.hpp"

#include "model/World.hpp"

namespace stormsim {

FloodHoldGuard::FloodHoldGuard(World& world, const GuardSpec& spec, std::size_t blocker)
    : Guard(world, spec, blocker), window_(spec.flood_threshold, spec.flood_window)
{
}

Decision FloodHoldGuard::check(const Email&, double now)
{
  if (holding_)
    return Decision{Verdict::hold, 0, "held for approval"};
  if (window_.try_admit(now))
    return Decision{};
  holding_ = true;
  world_.recorder().blockers[blocker_].trips.push_back(now);
  world_.recorder().note_detection(now);
  world_.raise_alert(now);
  return Decision{Verdict::hold, 0, "burst over the flood threshold"};
}

void FloodHoldGuard::reset(double)
{
  holding_ = false;
  window_.clear();
}

} // namespace stormsim
