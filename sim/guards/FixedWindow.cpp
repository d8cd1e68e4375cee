// Per-window counting for the fixed-window limiter.
#include "sim/guards/FixedWindow.hpp"

#include "sim/guards/ConfigCheck.hpp"

namespace stormsim::guards {

FixedWindow::FixedWindow(std::size_t limit, double window_s) : grid_(window_s, "FixedWindow window_s"), limit_(limit) {
  require_parameter(limit >= 1, "FixedWindow limit", static_cast<double>(limit), "at least 1");
}

bool FixedWindow::try_admit(double now) {
  time_.advance(now);

  const std::int64_t index = grid_.index_of(now);
  if (index != window_index_) {
    window_index_ = index;
    count_ = 0;
  }

  if (count_ >= limit_) {
    ++rejected_;
    return false;
  }
  ++count_;
  ++admitted_;
  return true;
}

double FixedWindow::next_admission_time(double now) const {
  time_.check(now);
  const std::int64_t index = grid_.index_of(now);
  if (index != window_index_ || count_ < limit_) {
    return now;
  }
  return grid_.start_of(index + 1);
}

} // namespace stormsim::guards
