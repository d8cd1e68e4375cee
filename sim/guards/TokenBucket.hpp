// Token bucket rate limiter, the usual model of a sender or API quota that allows short bursts.
#pragma once

#include <cstddef>
#include <limits>

#include "sim/guards/MonotonicTime.hpp"

namespace stormsim::guards {

// Holds up to `burst` tokens, refilled continuously at `rate_per_s` tokens per second. Refill into a full bucket is
// discarded. Each admission takes one whole token. Started full at time T, a caller that takes every token as soon
// as it is available has received burst + floor(rate_per_s * t) admissions by time T + t. Token times are moved a
// few ulps earlier to absorb the rounding of decimal rates (see kTokenTimeTolerance in TokenBucket.cpp).
class TokenBucket {
public:
  // Starts full. Throws std::invalid_argument unless rate_per_s is finite and > 0 and burst >= 1.
  TokenBucket(double rate_per_s, std::size_t burst);

  // Takes one token and returns true if a whole token is available at `now` (s), otherwise returns false.
  bool try_admit(double now);

  // Returns the earliest time >= now (s) at which try_admit would return true if nothing else is called before.
  double next_admission_time(double now) const;

  // Returns the tokens available at `now` (s), in [0, burst]. The value is fractional while the bucket refills.
  double tokens(double now) const;

  std::size_t admitted() const { return admitted_; }
  std::size_t rejected() const { return rejected_; }
  double rate_per_s() const { return rate_per_s_; }
  std::size_t burst() const { return burst_; }

private:
  double full_time() const;
  double admission_time() const;

  double rate_per_s_;
  std::size_t burst_;
  // The bucket was full at full_since_s_ and taken_ tokens were taken since, so at time t it contains
  // min(burst_, burst_ - taken_ + rate_per_s_ * (t - full_since_s_)). Deriving token times from this reference
  // instead of summing small refills keeps each token time within a few rounding errors of its exact value.
  double full_since_s_ = -std::numeric_limits<double>::infinity();
  std::size_t taken_ = 0;
  std::size_t admitted_ = 0;
  std::size_t rejected_ = 0;
  MonotonicTime time_;
};

} // namespace stormsim::guards
