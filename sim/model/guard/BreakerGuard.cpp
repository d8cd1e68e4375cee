#include "model/guard/BreakerGuard.hpp"

#include "model/World.hpp"

#include <algorithm>
#include <limits>

namespace stormsim {
namespace {

guards::CircuitBreakerConfig breaker_config(const BreakerSpec& spec)
{
  guards::CircuitBreakerConfig config;
  if (spec.condition == BreakerSpec::Condition::count)
    config.event_count = guards::EventCountTrip{spec.max_events, spec.window};
  if (spec.condition == BreakerSpec::Condition::failure_ratio)
    config.failure_ratio = guards::FailureRatioTrip{spec.min_requests, spec.failure_ratio, spec.window, 10};
  config.cooldown_s = spec.close == BreakerSpec::Close::manual ? std::numeric_limits<double>::infinity() : spec.cooldown;
  return config;
}

} // namespace

BreakerGuard::BreakerGuard(World& world, const GuardSpec& spec, std::size_t blocker)
    : Guard(world, spec, blocker), breaker_(breaker_config(spec.breaker))
{
  const auto& b = spec.breaker;
  if (b.condition == BreakerSpec::Condition::anomaly) {
    anomaly_.emplace(b.anomaly_alpha, b.anomaly_k, b.anomaly_warmup, b.anomaly_bucket);
    // The guard watches from the scenario's start, so quiet minutes before a storm are part of the baseline.
    anomaly_->start(0);
  }
}

bool BreakerGuard::has_action(BreakerSpec::Action action) const
{
  const auto& actions = spec_.breaker.actions;
  return std::find(actions.begin(), actions.end(), action) != actions.end();
}

Decision BreakerGuard::check(const Email&, double now)
{
  const bool blocks = has_action(BreakerSpec::Action::block);
  if (breaker_.is_open(now))
    return blocks ? Decision{Verdict::block, 0, "breaker open"} : Decision{};
  // A failure-ratio breaker counts messages when their outcome is known, in record_outcome().
  if (spec_.breaker.condition == BreakerSpec::Condition::failure_ratio || !observe(now))
    return Decision{};
  trip(now);
  return blocks ? Decision{Verdict::block, 0, "breaker tripped"} : Decision{};
}

bool BreakerGuard::observe(double now)
{
  const guards::BreakerDecision decision = breaker_.record(now);
  if (decision.tripped())
    return true;
  if (anomaly_ && anomaly_->observe(now)) {
    breaker_.trip(now);
    return true;
  }
  return false;
}

void BreakerGuard::record_outcome(double now, bool failed)
{
  if (spec_.breaker.condition != BreakerSpec::Condition::failure_ratio)
    return;
  if (breaker_.record(now, failed ? guards::Outcome::failure : guards::Outcome::success).tripped())
    trip(now);
}

void BreakerGuard::trip(double now)
{
  ++trips_;
  auto& recorder = world_.recorder();
  recorder.blockers[blocker_].trips.push_back(now);
  recorder.note_detection(now);
  for (auto action : spec_.breaker.actions) {
    switch (action) {
      case BreakerSpec::Action::hold_queue:
        for (std::uint32_t m = 0; m < world_.mailbox_count(); ++m)
          if (spec_.mailboxes.empty() || std::count(spec_.mailboxes.begin(), spec_.mailboxes.end(), m) != 0)
            world_.mailbox(m).hold();
        break;
      case BreakerSpec::Action::disable_flow:
        for (std::uint32_t f = 0; f < world_.flow_count(); ++f)
          if (spec_.flows.empty() || std::count(spec_.flows.begin(), spec_.flows.end(), f) != 0)
            world_.flow(f).stop(FlowState::disabled, StopSet{});
        break;
      case BreakerSpec::Action::block_sender:
        world_.add_guard_rule(spec_);
        break;
      case BreakerSpec::Action::alert:
        world_.raise_alert(now);
        break;
      case BreakerSpec::Action::block:
        break;
    }
  }
  effects_active_ = true;
  if (spec_.breaker.close != BreakerSpec::Close::manual)
    world_.queue().schedule(now + spec_.breaker.cooldown, on_cooldown_end, this, trips_);
}

void BreakerGuard::on_cooldown_end(void* self, std::uint64_t trip_number)
{
  auto* guard = static_cast<BreakerGuard*>(self);
  // A later trip has its own cooldown; only the latest one undoes the effects.
  if (trip_number == guard->trips_)
    guard->undo_effects();
}

void BreakerGuard::undo_effects()
{
  if (!effects_active_)
    return;
  effects_active_ = false;
  for (auto action : spec_.breaker.actions) {
    if (action == BreakerSpec::Action::hold_queue) {
      for (std::uint32_t m = 0; m < world_.mailbox_count(); ++m)
        if (spec_.mailboxes.empty() || std::count(spec_.mailboxes.begin(), spec_.mailboxes.end(), m) != 0)
          world_.mailbox(m).release();
    } else if (action == BreakerSpec::Action::disable_flow) {
      for (std::uint32_t f = 0; f < world_.flow_count(); ++f)
        if (spec_.flows.empty() || std::count(spec_.flows.begin(), spec_.flows.end(), f) != 0)
          world_.flow(f).enable();
    }
  }
}

void BreakerGuard::reset(double now)
{
  breaker_.reset(now);
  ++trips_; // cancels a pending cooldown end
  undo_effects();
}

} // namespace stormsim
