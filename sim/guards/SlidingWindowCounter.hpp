// Approximate sliding-window rate limiter that keeps two counters instead of a log, as many API gateways do.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>

#include "sim/guards/MonotonicTime.hpp"
#include "sim/guards/WindowGrid.hpp"

namespace stormsim::guards {

// Counts admissions in fixed windows aligned at multiples of window_s from 0. At time t in window i, with
// f = (t - start of window i) / window_s in [0, 1), the estimated count of the sliding window (t - window_s, t] is
// previous * (1 - f) + current, where previous and current are the admissions in windows i - 1 and i. A request is
// admitted when the estimate is below `limit`, so up to limit + 1 - previous * (1 - f) requests can pass at once.
class SlidingWindowCounter {
public:
  // Throws std::invalid_argument unless limit >= 1 and window_s is finite and > 0.
  SlidingWindowCounter(std::size_t limit, double window_s);

  // Counts an admission and returns true if the estimated count at `now` (s) is below `limit`, otherwise returns false.
  bool try_admit(double now);

  // Returns the earliest time >= now (s) at which try_admit would return true if nothing else is called before.
  // Found by bisection over the doubles around the real solution: usually about 10 evaluations of the estimate and
  // at most about 70.
  double next_admission_time(double now) const;

  // Returns the estimated count of admissions in (now - window_s, now].
  double estimated_count(double now) const;

  std::size_t admitted() const { return admitted_; }
  std::size_t rejected() const { return rejected_; }
  std::size_t limit() const { return limit_; }
  double window_s() const { return grid_.width(); }

private:
  bool admits_at(double t) const;
  double solve_admission_time(double now) const;
  double first_admitting_time(double rejecting, double admitting) const;

  WindowGrid grid_;
  std::size_t limit_;
  // Index of the window that current_count_ belongs to. The minimum means that no request has arrived yet.
  std::int64_t window_index_ = std::numeric_limits<std::int64_t>::min();
  std::size_t previous_count_ = 0;
  std::size_t current_count_ = 0;
  std::size_t admitted_ = 0;
  std::size_t rejected_ = 0;
  MonotonicTime time_;
};

} // namespace stormsim::guards
