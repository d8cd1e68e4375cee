// Tests of CircuitBreaker: the tripping event for both conditions, cooldown, half-open probes, reset and trip times.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "sim/guards/CircuitBreaker.hpp"

using stormsim::guards::BreakerDecision;
using stormsim::guards::BreakerState;
using stormsim::guards::CircuitBreaker;
using stormsim::guards::CircuitBreakerConfig;
using stormsim::guards::EventCountTrip;
using stormsim::guards::FailureRatioTrip;
using stormsim::guards::Outcome;
using stormsim::guards::TripCause;

namespace {

// More than 3 events in 10 s trips, with a cooldown of 5 s.
CircuitBreakerConfig event_count_config() {
  CircuitBreakerConfig config;
  config.event_count = EventCountTrip{3, 10.0};
  config.cooldown_s = 5.0;
  return config;
}

// At least 4 requests and a failure ratio of at least 0.5 in 10 s, in 10 buckets of 1 s, trips.
CircuitBreakerConfig failure_ratio_config() {
  CircuitBreakerConfig config;
  config.failure_ratio = FailureRatioTrip{4, 0.5, 10.0, 10};
  config.cooldown_s = 5.0;
  return config;
}

} // namespace

TEST_CASE("breaker trips on event over count", "[guards]") {
  CircuitBreaker breaker(event_count_config());
  CHECK_FALSE(breaker.record(0.0).tripped());
  CHECK_FALSE(breaker.record(1.0).tripped());
  CHECK_FALSE(breaker.record(2.0).tripped());
  CHECK(breaker.state(2.0) == BreakerState::closed);

  // The fourth event in (-7, 3] is the one over the limit of 3.
  const BreakerDecision decision = breaker.record(3.0);
  CHECK(decision.counted);
  CHECK(decision.trip == TripCause::event_count);
  CHECK(breaker.is_open(3.0));
  CHECK(breaker.trip_times() == std::vector<double>{3.0});
}

TEST_CASE("breaker ignores events spread over window", "[guards]") {
  // Events at 0, 4, 8 and 10 s: at 10 s the window (0, 10] contains 4, 8 and 10, because the event at 0 s stopped
  // counting at exactly 10 s. A second event at 10 s makes 4 and trips.
  CircuitBreaker breaker(event_count_config());
  CHECK_FALSE(breaker.record(0.0).tripped());
  CHECK_FALSE(breaker.record(4.0).tripped());
  CHECK_FALSE(breaker.record(8.0).tripped());
  CHECK_FALSE(breaker.record(10.0).tripped());
  CHECK(breaker.record(10.0).tripped());
}

TEST_CASE("breaker ignores events while open", "[guards]") {
  CircuitBreaker breaker(event_count_config());
  for (int i = 0; i < 4; ++i) {
    breaker.record(0.0);
  }
  REQUIRE(breaker.is_open(0.0));

  const BreakerDecision decision = breaker.record(4.0);
  CHECK_FALSE(decision.counted);
  CHECK_FALSE(decision.tripped());
  CHECK(breaker.ignored() == 1);
  CHECK(breaker.trip_times().size() == 1);
}

TEST_CASE("breaker half open after cooldown", "[guards]") {
  // Tripped at 0 s with a 5 s cooldown: open until just before 5 s.
  CircuitBreaker breaker(event_count_config());
  for (int i = 0; i < 4; ++i) {
    breaker.record(0.0);
  }
  const double before_end = std::nextafter(5.0, 0.0);
  CHECK(breaker.state(before_end) == BreakerState::open);
  CHECK(breaker.next_admission_time(before_end) == 5.0);
  CHECK(breaker.state(5.0) == BreakerState::half_open);
  CHECK_FALSE(breaker.is_open(5.0));
  CHECK(breaker.next_admission_time(5.0) == 5.0);
}

TEST_CASE("breaker probe success closes", "[guards]") {
  CircuitBreaker breaker(event_count_config());
  for (int i = 0; i < 4; ++i) {
    breaker.record(0.0);
  }

  const BreakerDecision probe = breaker.record(5.0, Outcome::success);
  CHECK(probe.counted);
  CHECK_FALSE(probe.tripped());
  CHECK(breaker.state(5.0) == BreakerState::closed);

  // The windows restarted with the probe as first event, so 2 more events are fine and the third trips.
  CHECK_FALSE(breaker.record(5.0).tripped());
  CHECK_FALSE(breaker.record(5.0).tripped());
  CHECK(breaker.record(5.0).tripped());
}

TEST_CASE("breaker probe failure reopens", "[guards]") {
  CircuitBreaker breaker(event_count_config());
  for (int i = 0; i < 4; ++i) {
    breaker.record(0.0);
  }

  const BreakerDecision probe = breaker.record(6.0, Outcome::failure);
  CHECK(probe.counted);
  CHECK(probe.trip == TripCause::probe_failure);
  CHECK(breaker.is_open(6.0));

  // The cooldown restarted at 6 s.
  CHECK(breaker.is_open(10.5));
  CHECK(breaker.state(11.0) == BreakerState::half_open);
  CHECK(breaker.trip_times() == std::vector<double>{0.0, 6.0});
}

TEST_CASE("breaker manual reset closes", "[guards]") {
  CircuitBreaker breaker(event_count_config());
  for (int i = 0; i < 4; ++i) {
    breaker.record(0.0);
  }
  REQUIRE(breaker.is_open(1.0));

  breaker.reset(1.0);
  CHECK(breaker.state(1.0) == BreakerState::closed);
  // The reset cleared the event window, so 3 events are fine again.
  CHECK_FALSE(breaker.record(1.0).tripped());
  CHECK_FALSE(breaker.record(1.0).tripped());
  CHECK_FALSE(breaker.record(1.0).tripped());
  CHECK(breaker.record(1.0).tripped());
}

TEST_CASE("breaker trips once per storm cycle", "[guards]") {
  // An event every 0.25 s for 20 s, more than 3 in 1 s trips, cooldown 5 s. Cycle: trip at the 4th event 0.75 s,
  // probe at 0.75 + 5 = 5.75 s closes, 5.75, 6.0 and 6.25 s count, 6.5 s trips. The period is 5.75 s, so the trips
  // are at 0.75, 6.5, 12.25 and 18.0 s.
  CircuitBreakerConfig config;
  config.event_count = EventCountTrip{3, 1.0};
  config.cooldown_s = 5.0;
  CircuitBreaker breaker(config);

  std::vector<double> tripped_at;
  for (int i = 0; i < 80; ++i) {
    const double now = 0.25 * i;
    if (breaker.record(now).tripped()) {
      tripped_at.push_back(now);
    }
  }
  CHECK(tripped_at == std::vector<double>{0.75, 6.5, 12.25, 18.0});
  CHECK(breaker.trip_times() == tripped_at);
}

TEST_CASE("breaker trips on failure ratio", "[guards]") {
  // Success, failure, failure: 3 requests are below the minimum of 4. The 4th request brings 2 failures in 4, a
  // ratio of 0.5, which meets the threshold.
  CircuitBreaker breaker(failure_ratio_config());
  CHECK_FALSE(breaker.record(0.0, Outcome::success).tripped());
  CHECK_FALSE(breaker.record(1.0, Outcome::failure).tripped());
  CHECK_FALSE(breaker.record(2.0, Outcome::failure).tripped());
  const BreakerDecision decision = breaker.record(3.0, Outcome::success);
  CHECK(decision.trip == TripCause::failure_ratio);
  CHECK(breaker.trip_times() == std::vector<double>{3.0});
}

TEST_CASE("breaker failure ratio below threshold", "[guards]") {
  // 1 failure in 4 requests is a ratio of 0.25, below 0.5.
  CircuitBreaker breaker(failure_ratio_config());
  CHECK_FALSE(breaker.record(0.0, Outcome::failure).tripped());
  CHECK_FALSE(breaker.record(1.0, Outcome::success).tripped());
  CHECK_FALSE(breaker.record(2.0, Outcome::success).tripped());
  CHECK_FALSE(breaker.record(3.0, Outcome::success).tripped());
  CHECK(breaker.state(3.0) == BreakerState::closed);
}

TEST_CASE("breaker failure ratio spans whole window", "[guards]") {
  // Failures at 0.5 and 1.5 s and successes at 9.5 and 9.75 s all fall in the buckets [0, 10), so the 4th request
  // brings 2 failures in 4 and trips.
  CircuitBreaker breaker(failure_ratio_config());
  CHECK_FALSE(breaker.record(0.5, Outcome::failure).tripped());
  CHECK_FALSE(breaker.record(1.5, Outcome::failure).tripped());
  CHECK_FALSE(breaker.record(9.5, Outcome::success).tripped());
  CHECK(breaker.record(9.75, Outcome::success).trip == TripCause::failure_ratio);
}

TEST_CASE("breaker failure ratio forgets old buckets", "[guards]") {
  // Failures at 0.5 and 1.5 s. From 11 s on the window covers the buckets [2, 12) or later, so both have left it.
  // Success at 11, failure at 11.5 and successes at 12 and 12.5 s make 1 failure in 4 requests, a ratio of 0.25.
  // Counting the old failures would make 3 in 6 and trip.
  CircuitBreaker breaker(failure_ratio_config());
  CHECK_FALSE(breaker.record(0.5, Outcome::failure).tripped());
  CHECK_FALSE(breaker.record(1.5, Outcome::failure).tripped());
  CHECK_FALSE(breaker.record(11.0, Outcome::success).tripped());
  CHECK_FALSE(breaker.record(11.5, Outcome::failure).tripped());
  CHECK_FALSE(breaker.record(12.0, Outcome::success).tripped());
  CHECK_FALSE(breaker.record(12.5, Outcome::success).tripped());
  CHECK(breaker.state(12.5) == BreakerState::closed);
}

TEST_CASE("breaker reports first condition met", "[guards]") {
  // Both conditions set: the event count is checked first.
  CircuitBreakerConfig config;
  config.event_count = EventCountTrip{1, 10.0};
  config.failure_ratio = FailureRatioTrip{2, 0.5, 10.0, 10};
  CircuitBreaker breaker(config);
  CHECK_FALSE(breaker.record(0.0, Outcome::failure).tripped());
  CHECK(breaker.record(0.0, Outcome::failure).trip == TripCause::event_count);
}

TEST_CASE("breaker infinite cooldown needs reset", "[guards]") {
  CircuitBreakerConfig config = event_count_config();
  config.cooldown_s = std::numeric_limits<double>::infinity();
  CircuitBreaker breaker(config);
  for (int i = 0; i < 4; ++i) {
    breaker.record(0.0);
  }
  CHECK(breaker.is_open(1e12));
  CHECK(breaker.next_admission_time(1e12) == std::numeric_limits<double>::infinity());
  breaker.reset(1e12);
  CHECK_FALSE(breaker.is_open(1e12));
}

TEST_CASE("breaker manual trip opens once", "[guards]") {
  // No condition set, so only trip() opens the breaker, as for a breaker driven by an anomaly detector.
  CircuitBreakerConfig config;
  config.cooldown_s = 5.0;
  CircuitBreaker breaker(config);
  for (int i = 0; i < 100; ++i) {
    CHECK_FALSE(breaker.record(0.0).tripped());
  }

  CHECK(breaker.trip(1.0));
  CHECK(breaker.is_open(1.0));
  CHECK_FALSE(breaker.trip(2.0));
  CHECK_FALSE(breaker.record(3.0).counted);

  // Half-open from 6 s: trip() opens it again and restarts the cooldown.
  CHECK(breaker.trip(6.0));
  CHECK(breaker.is_open(10.0));
  CHECK_FALSE(breaker.record(11.0).tripped());
  CHECK(breaker.state(11.0) == BreakerState::closed);
  CHECK(breaker.trip_times() == std::vector<double>{1.0, 6.0});
}

TEST_CASE("breaker rejects invalid config", "[guards]") {
  CircuitBreakerConfig zero_events;
  zero_events.event_count = EventCountTrip{0, 1.0};
  CHECK_THROWS_WITH(CircuitBreaker(zero_events), "EventCountTrip max_events must be at least 1, got 0");

  CircuitBreakerConfig bad_ratio;
  bad_ratio.failure_ratio = FailureRatioTrip{1, 1.5, 1.0, 10};
  CHECK_THROWS_AS(CircuitBreaker(bad_ratio), std::invalid_argument);

  CircuitBreakerConfig negative_cooldown = event_count_config();
  negative_cooldown.cooldown_s = -1.0;
  CHECK_THROWS_AS(CircuitBreaker(negative_cooldown), std::invalid_argument);
}
