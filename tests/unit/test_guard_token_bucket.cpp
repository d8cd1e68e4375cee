// Tests of TokenBucket: the initial burst, exact refill counts, decimal rates and next_admission_time.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>

#include "sim/guards/TokenBucket.hpp"

using stormsim::guards::TokenBucket;

namespace {

// Calls try_admit at `now` until it fails and returns the number of admissions.
std::size_t drain(TokenBucket& bucket, double now) {
  std::size_t admitted = 0;
  while (bucket.try_admit(now)) {
    ++admitted;
  }
  return admitted;
}

// Checks on copies of `bucket` that try_admit succeeds at next_admission_time(now) and fails one double earlier.
void check_next_admission(const TokenBucket& bucket, double now) {
  const double next = bucket.next_admission_time(now);
  REQUIRE(next >= now);

  TokenBucket at_next = bucket;
  CHECK(at_next.try_admit(next));
  if (next > now) {
    TokenBucket just_before = bucket;
    CHECK_FALSE(just_before.try_admit(std::nextafter(next, -std::numeric_limits<double>::infinity())));
  }
}

} // namespace

TEST_CASE("token bucket starts with full burst", "[guards]") {
  TokenBucket bucket(1.0, 5);

  CHECK(drain(bucket, 0.0) == 5);
  CHECK(bucket.admitted() == 5);
  CHECK(bucket.rejected() == 1);
}

TEST_CASE("token bucket greedy count is exact", "[guards]") {
  // Rate 7/s, burst 3, drained at every t = i / 1000 s. Refill token k arrives at k / 7 s, so by time t the bucket
  // has admitted 3 + floor(7 t) = 3 + 7 i / 1000 in integer arithmetic. 7 i / 1000 is either an integer (i a
  // multiple of 1000, where t is exact) or at least 0.001 away from one, far beyond rounding errors near 1e-15.
  TokenBucket bucket(7.0, 3);
  std::size_t total = 0;
  for (std::size_t i = 0; i <= 5000; ++i) {
    total += drain(bucket, static_cast<double>(i) / 1000.0);
    REQUIRE(total == 3 + 7 * i / 1000);
  }
}

TEST_CASE("token bucket count is exact on binary grid", "[guards]") {
  // Rate 3/s, burst 5, drained at every t = i / 8 s, where 3 t is exact: 5 + floor(3 i / 8) admissions by time t.
  TokenBucket bucket(3.0, 5);
  std::size_t total = 0;
  for (std::size_t i = 0; i <= 800; ++i) {
    total += drain(bucket, static_cast<double>(i) / 8.0);
    REQUIRE(total == 5 + 3 * i / 8);
  }
}

TEST_CASE("token bucket decimal rate admits on time", "[guards]") {
  // Rate 0.7/s, burst 2, drained at every t = i / 100 s: 2 + floor(0.7 t) = 2 + 7 i / 1000 admissions by time t.
  // Token 21 is due at 30 s, but 21 / 0.7 evaluates to 30.000000000000004, so without the tolerance in TokenBucket
  // the count at t = 30 s would be one short. The same holds for token 42 at 60 s. The burst of 2 keeps the bucket
  // from filling up between two drains, which would discard refill.
  TokenBucket bucket(0.7, 2);
  std::size_t total = 0;
  for (std::size_t i = 0; i <= 6000; ++i) {
    total += drain(bucket, static_cast<double>(i) / 100.0);
    REQUIRE(total == 2 + 7 * i / 1000);
  }
  CHECK(total == 44);
}

TEST_CASE("token bucket discards refill when full", "[guards]") {
  // Burst 1 at 1/s: the token due at 1 s fills the bucket, and the refill from 1 s to 1.5 s is lost. After that
  // token is taken at 1.5 s, the next one is due at 2.5 s, not at 2 s. The tolerance moves it about 2e-15 s earlier.
  TokenBucket bucket(1.0, 1);
  CHECK(drain(bucket, 0.0) == 1);
  CHECK(drain(bucket, 1.5) == 1);
  CHECK(drain(bucket, 2.25) == 0);
  CHECK(bucket.next_admission_time(2.25) <= 2.5);
  CHECK(bucket.next_admission_time(2.25) >= 2.5 * (1.0 - 1e-15));
}

TEST_CASE("token bucket refill stops at burst", "[guards]") {
  TokenBucket bucket(1.0, 5);
  CHECK(drain(bucket, 0.0) == 5);

  // 100 s of refill at 1/s would be 100 tokens, but the bucket contains at most 5.
  CHECK(bucket.tokens(100.0) == 5.0);
  CHECK(drain(bucket, 100.0) == 5);

  // The bucket was full at 100 s, so the next token is due 1 s after the last drain.
  CHECK(drain(bucket, 100.5) == 0);
  CHECK(drain(bucket, 101.0) == 1);
}

TEST_CASE("token bucket reports fractional tokens", "[guards]") {
  TokenBucket bucket(2.0, 4);
  CHECK(bucket.tokens(0.0) == 4.0);
  CHECK(drain(bucket, 0.0) == 4);

  CHECK(bucket.tokens(0.0) == 0.0);
  CHECK(bucket.tokens(0.25) == 0.5);
  CHECK(bucket.tokens(1.5) == 3.0);
  CHECK(bucket.tokens(3.0) == 4.0);
}

TEST_CASE("token bucket next admission after drain", "[guards]") {
  TokenBucket bucket(4.0, 2);
  CHECK(bucket.next_admission_time(0.0) == 0.0);
  CHECK(drain(bucket, 0.0) == 2);

  // One token refills in 0.25 s. The returned time is a few ulps earlier because of the tolerance, which is about
  // 9e-16 of the time.
  const double next = bucket.next_admission_time(0.0);
  CHECK(next <= 0.25);
  CHECK(next >= 0.25 * (1.0 - 1e-15));
  CHECK(bucket.next_admission_time(0.3) == 0.3);
  check_next_admission(bucket, 0.0);
  check_next_admission(bucket, 0.1);
}

TEST_CASE("token bucket next admission matches try_admit", "[guards]") {
  // Arrivals 0 to 9 ms apart from a fixed-seed generator, at a rate of 3/s with burst 4, so most arrivals are
  // rejected and next_admission_time is checked both right after admissions and in the middle of waits.
  std::mt19937_64 engine(20240611);
  TokenBucket bucket(3.0, 4);
  double now = 0.0;
  for (int i = 0; i < 5000; ++i) {
    now += static_cast<double>(engine() % 10) / 1000.0;
    check_next_admission(bucket, now);
    bucket.try_admit(now);
  }
  CHECK(bucket.admitted() > 4);
  CHECK(bucket.rejected() > 0);
}

TEST_CASE("token bucket rejects invalid parameters", "[guards]") {
  CHECK_THROWS_AS(TokenBucket(0.0, 1), std::invalid_argument);
  CHECK_THROWS_AS(TokenBucket(-1.0, 1), std::invalid_argument);
  CHECK_THROWS_AS(TokenBucket(std::nan(""), 1), std::invalid_argument);
  CHECK_THROWS_AS(TokenBucket(std::numeric_limits<double>::infinity(), 1), std::invalid_argument);
  CHECK_THROWS_AS(TokenBucket(1.0, 0), std::invalid_argument);
  CHECK_THROWS_WITH(TokenBucket(-2.0, 1), "TokenBucket rate_per_s must be finite and greater than 0, got -2");
}
