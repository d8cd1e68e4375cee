// Fixed-width time windows aligned at multiples of the width from time 0, shared by the windowed guards so that a
// time and the start of its window never disagree under floating-point rounding.
#pragma once

#include <cstdint>

namespace stormsim::guards {

// Window i covers the half-open interval [start_of(i), start_of(i + 1)), where start_of(i) is i * width rounded to a
// double. index_of() is derived from the same start times, so index_of(start_of(i)) == i for every i.
class WindowGrid {
public:
  // Throws std::invalid_argument unless width_s is finite and greater than 0. `parameter` names the setting in that
  // error, for example "FixedWindow window_s".
  explicit WindowGrid(double width_s, const char* parameter = "WindowGrid width_s");

  // Returns the i with start_of(i) <= t < start_of(i + 1). Aborts if t is NaN or |t / width| >= 2^52, where
  // consecutive window starts would no longer be distinct doubles.
  std::int64_t index_of(double t) const;

  double start_of(std::int64_t index) const { return static_cast<double>(index) * width_s_; }
  double width() const { return width_s_; }

private:
  double width_s_;
};

} // namespace stormsim::guards
