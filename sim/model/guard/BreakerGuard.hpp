// A circuit breaker on a point of the pipeline: when its condition is met it trips and takes actions.
#pragma once

#include "guards/CircuitBreaker.hpp"
#include "guards/EwmaAnomalyDetector.hpp"
#include "model/guard/Guard.hpp"

#include <optional>

namespace stormsim {

// Conditions: more than N items in a sliding window, a share of rejected or bounced messages over a window, or a
// per-bucket count far above a learned EWMA baseline.
// Actions on a trip: block items at the guard's point while open, hold the mailbox queues in scope, disable the flows
// in scope, add a transport rule that blocks the mailboxes in scope, alert the operator. With close "half_open" the
// breaker undoes the hold and the disable after its cooldown and lets the next item through as a probe, which
// closes it. With close "manual" only the operator's reset_guard action closes it. A transport rule stays.
class BreakerGuard : public Guard {
public:
  BreakerGuard(World& world, const GuardSpec& spec, std::size_t blocker);
  Decision check(const Email& item, double now) override;
  void reset(double now) override;
  // Counts a message whose fate is known: rejected or bounced (failed), or accepted for delivery.
  void record_outcome(double now, bool failed);

private:
  static void on_cooldown_end(void* self, std::uint64_t trip_number);
  bool observe(double now);
  void trip(double now);
  void undo_effects();
  bool has_action(BreakerSpec::Action action) const;

  guards::CircuitBreaker breaker_;
  std::optional<guards::EwmaAnomalyDetector> anomaly_;
  bool effects_active_ = false;
  std::uint64_t trips_ = 0;
};

} // namespace stormsim
