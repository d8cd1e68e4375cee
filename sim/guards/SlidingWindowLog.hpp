// Exact sliding-window rate limiter, for quotas stated as "at most N messages in any W seconds".
#pragma once

#include <cstddef>
#include <vector>

#include "sim/guards/MonotonicTime.hpp"

namespace stormsim::guards {

// Admits at most `limit` requests in every half-open window (t - window_s, t]. An admission at time s counts for
// every t with s <= t < s + window_s, where s + window_s is evaluated in double arithmetic, so it stops counting at
// exactly that double. Only the latest `limit` admission times are stored, in a ring, so a decision is O(1).
class SlidingWindowLog {
public:
  // Throws std::invalid_argument unless limit >= 1 and window_s > 0. window_s may be +infinity, which makes
  // `limit` a lifetime total.
  SlidingWindowLog(std::size_t limit, double window_s);

  // Records an admission at `now` (s) and returns true if fewer than `limit` earlier admissions fall in
  // (now - window_s, now]. Otherwise returns false and records nothing.
  bool try_admit(double now);

  // Returns the earliest time >= now (s) at which try_admit would return true if nothing else is called before.
  // Returns +infinity when window_s is infinite and the limit is used up.
  double next_admission_time(double now) const;

  // Forgets all admissions, as after a restart. The storage is kept.
  void clear();

  std::size_t admitted() const { return admitted_; }
  std::size_t rejected() const { return rejected_; }
  std::size_t limit() const { return limit_; }
  double window_s() const { return window_s_; }

private:
  double oldest_expiry() const;

  std::size_t limit_;
  double window_s_;
  // The latest min(limit_, admissions) admission times. The ring grows on demand up to limit_ entries, so a copy of
  // an empty log allocates nothing. Once full, oldest_ indexes the oldest time, which is the next one to expire.
  std::vector<double> times_;
  std::size_t oldest_ = 0;
  std::size_t admitted_ = 0;
  std::size_t rejected_ = 0;
  MonotonicTime time_;
};

} // namespace stormsim::guards
