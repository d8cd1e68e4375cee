// Tests of SlidingWindowLog (exact) and SlidingWindowCounter (two-window estimate), including adversarial arrival
// sequences checked by brute force.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

#include "sim/guards/SlidingWindowCounter.hpp"
#include "sim/guards/SlidingWindowLog.hpp"

using stormsim::guards::SlidingWindowCounter;
using stormsim::guards::SlidingWindowLog;

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Checks on copies of `limiter` that try_admit succeeds at next_admission_time(now) and fails one double earlier.
template <typename Limiter> void check_next_admission(const Limiter& limiter, double now) {
  const double next = limiter.next_admission_time(now);
  REQUIRE(next >= now);

  Limiter at_next = limiter;
  CHECK(at_next.try_admit(next));
  if (next > now) {
    Limiter just_before = limiter;
    CHECK_FALSE(just_before.try_admit(std::nextafter(next, -kInfinity)));
  }
}

// Arrival times on a grid of 1 / ticks_per_s seconds, computed as ticks / ticks_per_s. The gaps come from a
// fixed-seed std::mt19937_64, whose output the standard fixes, through a distribution written here, because the
// standard distributions may differ between library implementations. The gap mix targets window edges: 3/8 of the
// gaps are 0 (bursts at one instant), 3/8 are 1 to 7 ticks, 1/8 are up to two windows, and 1/8 are exactly one
// window, or one tick less or more.
class EdgeHeavyArrivals {
public:
  EdgeHeavyArrivals(std::uint64_t seed, std::uint64_t ticks_per_s, std::uint64_t window_ticks)
      : engine_(seed), ticks_per_s_(ticks_per_s), window_ticks_(window_ticks) {}

  double next() {
    const std::uint64_t bits = engine_();
    const std::uint64_t kind = bits & 7;
    const std::uint64_t magnitude = bits >> 3;
    if (kind < 3) {
      // Same instant as the previous arrival.
    } else if (kind < 6) {
      ticks_ += 1 + magnitude % 7;
    } else if (kind == 6) {
      ticks_ += magnitude % (2 * window_ticks_);
    } else {
      ticks_ += window_ticks_ - 1 + magnitude % 3;
    }
    return static_cast<double>(ticks_) / static_cast<double>(ticks_per_s_);
  }

private:
  std::mt19937_64 engine_;
  std::uint64_t ticks_per_s_;
  std::uint64_t window_ticks_;
  std::uint64_t ticks_ = 0;
};

// Number of admissions that count at time t under the SlidingWindowLog convention: s <= t < s + window_s.
// `admissions` is sorted, and only the entries up to `end` are considered.
std::size_t count_in_window(const std::vector<double>& admissions, std::size_t end, double t, double window_s) {
  std::size_t count = 0;
  for (std::size_t j = end; j > 0 && admissions[j - 1] + window_s > t; --j) {
    if (admissions[j - 1] <= t) {
      ++count;
    }
  }
  return count;
}

// Feeds 20 000 edge-heavy arrivals to a SlidingWindowLog and checks by brute force that no window contains more than
// `limit` admissions and that every rejection happened with exactly `limit` admissions in the window.
void check_log_against_brute_force(std::size_t limit, std::uint64_t ticks_per_s, std::uint64_t window_ticks,
                                   std::uint64_t seed) {
  const double window_s = static_cast<double>(window_ticks) / static_cast<double>(ticks_per_s);
  SlidingWindowLog log(limit, window_s);
  EdgeHeavyArrivals arrivals(seed, ticks_per_s, window_ticks);
  std::vector<double> admissions;
  std::size_t max_in_window = 0;
  std::size_t rejections = 0;

  for (int i = 0; i < 20000; ++i) {
    const double now = arrivals.next();
    check_next_admission(log, now);
    if (log.try_admit(now)) {
      admissions.push_back(now);
      max_in_window = std::max(max_in_window, count_in_window(admissions, admissions.size(), now, window_s));
    } else {
      ++rejections;
      REQUIRE(count_in_window(admissions, admissions.size(), now, window_s) == limit);
    }
  }

  CHECK(max_in_window == limit);
  CHECK(rejections > 100);
  CHECK(log.admitted() == admissions.size());
  CHECK(log.rejected() == rejections);
}

} // namespace

TEST_CASE("sliding log admits limit per window", "[guards]") {
  SlidingWindowLog log(3, 10.0);
  CHECK(log.try_admit(0.0));
  CHECK(log.try_admit(1.0));
  CHECK(log.try_admit(2.0));
  CHECK_FALSE(log.try_admit(3.0));
  CHECK_FALSE(log.try_admit(9.999));

  // The admission at 0 s counts in (t - 10, t] for t < 10 s and stops counting at exactly 10 s.
  CHECK(log.try_admit(10.0));
  CHECK_FALSE(log.try_admit(10.0));
  CHECK(log.next_admission_time(10.0) == 11.0);
  CHECK(log.admitted() == 4);
  CHECK(log.rejected() == 3);
}

TEST_CASE("sliding log blocks burst at window edge", "[guards]") {
  // A fixed window of 1 s would admit 4 more at 1.0 s. The sliding log waits until the burst at 0.999 s expires.
  SlidingWindowLog log(4, 1.0);
  for (int i = 0; i < 4; ++i) {
    CHECK(log.try_admit(0.999));
  }
  CHECK_FALSE(log.try_admit(1.0));
  CHECK(log.next_admission_time(1.0) == 0.999 + 1.0);
  check_next_admission(log, 1.0);

  for (int i = 0; i < 4; ++i) {
    CHECK(log.try_admit(0.999 + 1.0));
  }
  CHECK_FALSE(log.try_admit(0.999 + 1.0));
}

TEST_CASE("sliding log interleaved bursts stay under limit", "[guards]") {
  // Limit 4 per 1 s: 2 at 0.5 s, 2 at 1.25 s, then at 1.375 s the window (0.375, 1.375] is full. At 1.5 s the pair
  // from 0.5 s has expired, so 2 more pass, and the window (0.5, 1.5] contains exactly 4.
  SlidingWindowLog log(4, 1.0);
  CHECK(log.try_admit(0.5));
  CHECK(log.try_admit(0.5));
  CHECK(log.try_admit(1.25));
  CHECK(log.try_admit(1.25));
  CHECK_FALSE(log.try_admit(1.375));
  CHECK(log.try_admit(1.5));
  CHECK(log.try_admit(1.5));
  CHECK_FALSE(log.try_admit(1.5));
  CHECK(log.next_admission_time(1.5) == 2.25);
}

TEST_CASE("sliding log matches brute force on decimal grid", "[guards]") {
  // Window 0.1 s on a 1 ms grid, where neither the times nor the window are exact doubles.
  check_log_against_brute_force(5, 1000, 100, 1);
  check_log_against_brute_force(1, 1000, 100, 2);
}

TEST_CASE("sliding log matches brute force on binary grid", "[guards]") {
  // Window 1 s on a 1/64 s grid, where every time is exact and arrivals land exactly on expiry times.
  check_log_against_brute_force(3, 64, 64, 3);
  check_log_against_brute_force(17, 64, 64, 4);
}

TEST_CASE("sliding log clear forgets admissions", "[guards]") {
  SlidingWindowLog log(2, 10.0);
  CHECK(log.try_admit(0.0));
  CHECK(log.try_admit(0.0));
  CHECK_FALSE(log.try_admit(1.0));

  log.clear();
  CHECK(log.try_admit(1.0));
  CHECK(log.try_admit(1.0));
  CHECK_FALSE(log.try_admit(1.0));
}

TEST_CASE("sliding log infinite window is lifetime cap", "[guards]") {
  SlidingWindowLog log(2, kInfinity);
  CHECK(log.try_admit(0.0));
  CHECK(log.try_admit(1e9));
  CHECK_FALSE(log.try_admit(2e9));
  CHECK(log.next_admission_time(2e9) == kInfinity);
}

TEST_CASE("sliding log rejects invalid parameters", "[guards]") {
  CHECK_THROWS_AS(SlidingWindowLog(0, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(SlidingWindowLog(1, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(SlidingWindowLog(1, std::nan("")), std::invalid_argument);
}

TEST_CASE("sliding counter weights previous window", "[guards]") {
  // Limit 10 per 1 s. Window [0, 1) takes 10 admissions. At 1.25 s the previous count has weight 0.75, so the
  // estimate is 7.5 + current: 7.5, 8.5 and 9.5 admit, 10.5 rejects.
  SlidingWindowCounter counter(10, 1.0);
  for (int i = 0; i < 10; ++i) {
    CHECK(counter.try_admit(0.5));
  }
  CHECK_FALSE(counter.try_admit(0.75));

  CHECK(counter.estimated_count(1.25) == 7.5);
  CHECK(counter.try_admit(1.25));
  CHECK(counter.try_admit(1.25));
  CHECK(counter.try_admit(1.25));
  CHECK_FALSE(counter.try_admit(1.25));
  CHECK(counter.estimated_count(1.25) == 10.5);
  CHECK(counter.admitted() == 13);
  CHECK(counter.rejected() == 2);
}

TEST_CASE("sliding counter overshoots exact window", "[guards]") {
  // 10 admissions at 0.875 s, then at 1.5 s the estimate is 10 * 0.5 = 5, so 5 more pass: 15 admissions fall in
  // (0.5, 1.5], where an exact log would allow 10. This is the approximation error of the two-window estimate.
  SlidingWindowCounter counter(10, 1.0);
  for (int i = 0; i < 10; ++i) {
    CHECK(counter.try_admit(0.875));
  }
  int admitted_at_boundary = 0;
  while (counter.try_admit(1.5)) {
    ++admitted_at_boundary;
  }
  CHECK(admitted_at_boundary == 5);
}

TEST_CASE("sliding counter next admission after full window", "[guards]") {
  // 10 admissions in window [0, 1). At 1.0 s the estimate is 10 * (1 - 0) = 10, not below the limit, and it drops
  // below 10 at the first double after 1.0.
  SlidingWindowCounter counter(10, 1.0);
  for (int i = 0; i < 10; ++i) {
    CHECK(counter.try_admit(0.5));
  }
  CHECK(counter.next_admission_time(1.0) == std::nextafter(1.0, 2.0));
  check_next_admission(counter, 1.0);

  // In the same window the counter waits for the next window.
  CHECK(counter.next_admission_time(0.75) == std::nextafter(1.0, 2.0));
}

TEST_CASE("sliding counter next admission inside window", "[guards]") {
  // After 10 admissions in [0, 1) and 3 at 1.25 s, admission needs 10 (1 - f) + 3 < 10, that is f > 0.3, so the
  // next admission is just after 1.3 s.
  SlidingWindowCounter counter(10, 1.0);
  for (int i = 0; i < 10; ++i) {
    CHECK(counter.try_admit(0.5));
  }
  for (int i = 0; i < 3; ++i) {
    CHECK(counter.try_admit(1.25));
  }
  const double next = counter.next_admission_time(1.25);
  CHECK(next > 1.3 - 1e-12);
  CHECK(next < 1.3 + 1e-12);
  check_next_admission(counter, 1.25);
}

TEST_CASE("sliding counter forgets after two windows", "[guards]") {
  SlidingWindowCounter counter(2, 1.0);
  CHECK(counter.try_admit(0.0));
  CHECK(counter.try_admit(0.0));
  CHECK_FALSE(counter.try_admit(0.5));
  CHECK(counter.estimated_count(2.0) == 0.0);
  CHECK(counter.try_admit(2.0));
  CHECK(counter.try_admit(2.0));
}

TEST_CASE("sliding counter next admission matches try_admit", "[guards]") {
  SlidingWindowCounter counter(5, 0.1);
  EdgeHeavyArrivals arrivals(5, 1000, 100);
  for (int i = 0; i < 20000; ++i) {
    const double now = arrivals.next();
    check_next_admission(counter, now);
    counter.try_admit(now);
  }
  CHECK(counter.rejected() > 1000);
}

TEST_CASE("sliding counter rejects invalid parameters", "[guards]") {
  CHECK_THROWS_AS(SlidingWindowCounter(0, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(SlidingWindowCounter(1, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(SlidingWindowCounter(1, kInfinity), std::invalid_argument);
}
