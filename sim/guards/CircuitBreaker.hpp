// Circuit breaker that stops an automation once it produces too many events or too many failures, the usual
// protection against mail loops and storms.
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <vector>

#include "sim/guards/MonotonicTime.hpp"
#include "sim/guards/OutcomeWindow.hpp"
#include "sim/guards/SlidingWindowLog.hpp"

namespace stormsim::guards {

enum class BreakerState { closed, open, half_open };

enum class Outcome { success, failure };

// Cause of a breaker trip.
enum class TripCause {
  none,
  event_count,   // More than max_events events in the event window.
  failure_ratio, // The failure ratio reached its threshold.
  probe_failure, // The probe event in half-open state failed.
};

// Trips on the event that makes more than `max_events` events fall in (t - window_s, t], with the window convention
// of SlidingWindowLog.
struct EventCountTrip {
  std::size_t max_events = 1;
  double window_s = 1.0;
};

// Trips on the event after which at least `min_requests` requests were recorded in the window and
// failures >= min_failure_ratio * requests. The window is bucketed as OutcomeWindow describes.
struct FailureRatioTrip {
  std::size_t min_requests = 1;
  double min_failure_ratio = 0.5;
  double window_s = 1.0;
  std::size_t bucket_count = 10;
};

// Conditions that open the breaker on their own. With neither set, only trip() opens it, for example on behalf of
// an external detector. cooldown_s is the time from opening to half-open and may be +infinity, in which case only
// reset() closes the breaker.
struct CircuitBreakerConfig {
  std::optional<EventCountTrip> event_count;
  std::optional<FailureRatioTrip> failure_ratio;
  double cooldown_s = 60.0;
};

// Result of recording one event.
struct BreakerDecision {
  bool counted = false; // False when the breaker was open and ignored the event.
  TripCause trip = TripCause::none;

  // True only for the event that moved the breaker to open, so that actions on a trip fire once.
  bool tripped() const { return trip != TripCause::none; }
};

// State machine closed -> open -> half-open -> closed or open. While closed, every recorded event counts towards
// the conditions, and the event that meets one opens the breaker, as does a call of trip(). While open, events are
// ignored until cooldown_s has passed since the trip, and then the breaker is half-open. The next event is the probe: a
// success closes the breaker, clears both windows and counts as the first event of the new closed period. A failure
// opens the breaker again and restarts the cooldown. Every opening is a trip and is listed in trip_times().
class CircuitBreaker {
public:
  // Throws std::invalid_argument if a setting is out of range.
  explicit CircuitBreaker(const CircuitBreakerConfig& config);

  // Records an event at `now` (s) with its outcome. The event counts unless the breaker is open. Returns whether it
  // counted and whether it tripped the breaker.
  BreakerDecision record(double now, Outcome outcome = Outcome::success);

  // Returns the state at `now` (s). An open breaker whose cooldown has passed is half-open.
  BreakerState state(double now) const;

  bool is_open(double now) const { return state(now) == BreakerState::open; }

  // Returns the earliest time >= now (s) at which the breaker is not open: now, or the end of the cooldown.
  double next_admission_time(double now) const;

  // Opens the breaker at `now` (s) unless it is already open, as an external detector or an operator does. Returns
  // whether this call opened it, in which case `now` is added to trip_times() and the cooldown starts.
  bool trip(double now);

  // Closes the breaker and clears both windows, as an operator re-enabling the automation does.
  void reset(double now);

  // Times (s) at which the breaker opened, in order, including re-openings after a failed probe.
  const std::vector<double>& trip_times() const { return trip_times_; }

  // Events recorded while open and therefore not counted.
  std::size_t ignored() const { return ignored_; }

private:
  TripCause count_event(double now, Outcome outcome);
  void open(double now);
  void close();

  std::optional<SlidingWindowLog> recent_events_;
  std::optional<OutcomeWindow> outcomes_;
  std::optional<FailureRatioTrip> failure_ratio_;
  double cooldown_s_;
  BreakerState state_ = BreakerState::closed;
  // End of the cooldown of the latest trip. Meaningful only while state_ is open.
  double open_until_s_ = -std::numeric_limits<double>::infinity();
  std::vector<double> trip_times_;
  std::size_t ignored_ = 0;
  MonotonicTime time_;
};

} // namespace stormsim::guards
