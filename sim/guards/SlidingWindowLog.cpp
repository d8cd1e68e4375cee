// Ring-buffer implementation of the exact sliding-window log.
#include "sim/guards/SlidingWindowLog.hpp"

#include <algorithm>
#include <limits>

#include "sim/guards/ConfigCheck.hpp"

namespace stormsim::guards {

SlidingWindowLog::SlidingWindowLog(std::size_t limit, double window_s) : limit_(limit), window_s_(window_s) {
  require_parameter(limit >= 1, "SlidingWindowLog limit", static_cast<double>(limit), "at least 1");
  require_parameter(window_s > 0.0, "SlidingWindowLog window_s", window_s, "greater than 0");
}

bool SlidingWindowLog::try_admit(double now) {
  time_.advance(now);

  if (now < oldest_expiry()) {
    ++rejected_;
    return false;
  }

  if (times_.size() < limit_) {
    times_.push_back(now);
  } else {
    times_[oldest_] = now;
    oldest_ = oldest_ + 1 == limit_ ? 0 : oldest_ + 1;
  }
  ++admitted_;
  return true;
}

double SlidingWindowLog::next_admission_time(double now) const {
  time_.check(now);
  return std::max(now, oldest_expiry());
}

void SlidingWindowLog::clear() {
  times_.clear();
  oldest_ = 0;
}

// Time at which the oldest of the latest `limit_` admissions stops counting, or -infinity while fewer than `limit_`
// admissions were made. The window contains `limit_` admissions exactly until then.
double SlidingWindowLog::oldest_expiry() const {
  if (times_.size() < limit_) {
    return -std::numeric_limits<double>::infinity();
  }
  return times_[oldest_] + window_s_;
}

} // namespace stormsim::guards
