// Fixed-window rate limiter, the simplest quota counter and the baseline that lets bursts through at window edges.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>

#include "sim/guards/MonotonicTime.hpp"
#include "sim/guards/WindowGrid.hpp"

namespace stormsim::guards {

// Admits at most `limit` requests in each window [i * window_s, (i + 1) * window_s), with windows aligned at
// multiples of window_s from time 0. The count restarts at every window start, so up to 2 * limit requests can pass
// within any interval that spans a window start, however short.
class FixedWindow {
public:
  // Throws std::invalid_argument unless limit >= 1 and window_s is finite and > 0.
  FixedWindow(std::size_t limit, double window_s);

  // Counts an admission and returns true if fewer than `limit` admissions were made in the window containing `now`
  // (s). Otherwise returns false.
  bool try_admit(double now);

  // Returns the earliest time >= now (s) at which try_admit would return true if nothing else is called before:
  // `now`, or the start of the next window.
  double next_admission_time(double now) const;

  std::size_t admitted() const { return admitted_; }
  std::size_t rejected() const { return rejected_; }
  std::size_t limit() const { return limit_; }
  double window_s() const { return grid_.width(); }

private:
  WindowGrid grid_;
  std::size_t limit_;
  // Index of the window that count_ belongs to. The minimum means that no request has arrived yet.
  std::int64_t window_index_ = std::numeric_limits<std::int64_t>::min();
  std::size_t count_ = 0;
  std::size_t admitted_ = 0;
  std::size_t rejected_ = 0;
  MonotonicTime time_;
};

} // namespace stormsim::guards
