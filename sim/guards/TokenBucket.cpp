// Token bucket arithmetic, with token times computed from the last time the bucket was full.
#include "sim/guards/TokenBucket.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "sim/guards/ConfigCheck.hpp"

namespace stormsim::guards {

namespace {

// A decimal rate such as 0.7 tokens/s is stored rounded, so the time of token k, computed as k / rate, can land a
// few ulps after the decimal value the caller expects: 21 / 0.7 evaluates to 30.000000000000004. Token times are
// moved earlier by this relative tolerance, which covers the rounding of the rate, the division and the addition.
// 4 * DBL_EPSILON is about 9e-16 of the time, which at t = 1e6 s is under 1 ns.
constexpr double kTokenTimeTolerance = 4.0 * DBL_EPSILON;

} // namespace

TokenBucket::TokenBucket(double rate_per_s, std::size_t burst) : rate_per_s_(rate_per_s), burst_(burst) {
  require_parameter(std::isfinite(rate_per_s) && rate_per_s > 0.0, "TokenBucket rate_per_s", rate_per_s,
                    "finite and greater than 0");
  require_parameter(burst >= 1, "TokenBucket burst", static_cast<double>(burst), "at least 1");
}

bool TokenBucket::try_admit(double now) {
  time_.advance(now);

  // A full bucket discards further refill, so the reference moves to now and the rounding error starts afresh.
  if (now >= full_time()) {
    full_since_s_ = now;
    taken_ = 0;
  }

  if (now < admission_time()) {
    ++rejected_;
    return false;
  }
  ++taken_;
  ++admitted_;
  return true;
}

double TokenBucket::next_admission_time(double now) const {
  time_.check(now);
  return std::max(now, admission_time());
}

double TokenBucket::tokens(double now) const {
  time_.check(now);
  if (now >= full_time()) {
    return static_cast<double>(burst_);
  }
  const double refilled = rate_per_s_ * (now - full_since_s_);
  return std::max(0.0, static_cast<double>(burst_) - static_cast<double>(taken_) + refilled);
}

// Time at which the bucket is full again if nothing more is taken.
double TokenBucket::full_time() const { return full_since_s_ + static_cast<double>(taken_) / rate_per_s_; }

// Earliest time at which one whole token is available. try_admit() and next_admission_time() both use it, so
// try_admit(next_admission_time(t)) succeeds and any earlier time fails.
double TokenBucket::admission_time() const {
  if (taken_ < burst_) {
    return -std::numeric_limits<double>::infinity();
  }
  const auto tokens_to_refill = static_cast<double>(taken_ + 1 - burst_);
  const double exact_time = full_since_s_ + tokens_to_refill / rate_per_s_;
  return exact_time - std::fabs(exact_time) * kTokenTimeTolerance;
}

} // namespace stormsim::guards
