// State transitions and trip conditions of the circuit breaker.
#include "sim/guards/CircuitBreaker.hpp"

#include <algorithm>

#include "sim/guards/ConfigCheck.hpp"

namespace stormsim::guards {

namespace {

std::optional<SlidingWindowLog> make_event_log(const std::optional<EventCountTrip>& condition) {
  if (!condition) {
    return std::nullopt;
  }
  require_parameter(condition->max_events >= 1, "EventCountTrip max_events", static_cast<double>(condition->max_events),
                    "at least 1");
  require_parameter(condition->window_s > 0.0, "EventCountTrip window_s", condition->window_s, "greater than 0");
  // The log admits max_events events per window, so it rejects exactly the event that makes one too many.
  return SlidingWindowLog(condition->max_events, condition->window_s);
}

std::optional<OutcomeWindow> make_outcome_window(const std::optional<FailureRatioTrip>& condition) {
  if (!condition) {
    return std::nullopt;
  }
  require_parameter(condition->min_requests >= 1, "FailureRatioTrip min_requests",
                    static_cast<double>(condition->min_requests), "at least 1");
  require_parameter(condition->min_failure_ratio > 0.0 && condition->min_failure_ratio <= 1.0,
                    "FailureRatioTrip min_failure_ratio", condition->min_failure_ratio, "in (0, 1]");
  return OutcomeWindow(condition->window_s, condition->bucket_count);
}

} // namespace

CircuitBreaker::CircuitBreaker(const CircuitBreakerConfig& config)
    : recent_events_(make_event_log(config.event_count)), outcomes_(make_outcome_window(config.failure_ratio)),
      failure_ratio_(config.failure_ratio), cooldown_s_(config.cooldown_s) {
  require_parameter(config.cooldown_s >= 0.0, "CircuitBreakerConfig cooldown_s", config.cooldown_s, "at least 0");
}

BreakerDecision CircuitBreaker::record(double now, Outcome outcome) {
  time_.advance(now);

  switch (state(now)) {
  case BreakerState::open:
    ++ignored_;
    return {false, TripCause::none};
  case BreakerState::half_open:
    if (outcome == Outcome::failure) {
      open(now);
      return {true, TripCause::probe_failure};
    }
    close();
    break;
  case BreakerState::closed:
    break;
  }

  const TripCause cause = count_event(now, outcome);
  if (cause != TripCause::none) {
    open(now);
  }
  return {true, cause};
}

BreakerState CircuitBreaker::state(double now) const {
  time_.check(now);
  if (state_ == BreakerState::open && now >= open_until_s_) {
    return BreakerState::half_open;
  }
  return state_;
}

double CircuitBreaker::next_admission_time(double now) const {
  return state(now) == BreakerState::open ? std::max(now, open_until_s_) : now;
}

bool CircuitBreaker::trip(double now) {
  time_.advance(now);
  if (state(now) == BreakerState::open) {
    return false;
  }
  open(now);
  return true;
}

void CircuitBreaker::reset(double now) {
  time_.advance(now);
  close();
}

// Adds the event to both windows and returns the condition it meets, if any.
TripCause CircuitBreaker::count_event(double now, Outcome outcome) {
  TripCause cause = TripCause::none;
  if (recent_events_ && !recent_events_->try_admit(now)) {
    cause = TripCause::event_count;
  }

  if (outcomes_) {
    outcomes_->record(now, outcome == Outcome::failure);
    const auto requests = static_cast<double>(outcomes_->requests());
    const auto failures = static_cast<double>(outcomes_->failures());
    const bool ratio_met = outcomes_->requests() >= failure_ratio_->min_requests &&
                           failures >= failure_ratio_->min_failure_ratio * requests;
    if (cause == TripCause::none && ratio_met) {
      cause = TripCause::failure_ratio;
    }
  }
  return cause;
}

void CircuitBreaker::open(double now) {
  state_ = BreakerState::open;
  open_until_s_ = now + cooldown_s_;
  trip_times_.push_back(now);
}

void CircuitBreaker::close() {
  state_ = BreakerState::closed;
  if (recent_events_) {
    recent_events_->clear();
  }
  if (outcomes_) {
    outcomes_->clear();
  }
}

} // namespace stormsim::guards
