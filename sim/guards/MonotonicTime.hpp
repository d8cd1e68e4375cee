// Latest simulated time seen by a guard, so that every guard rejects time running backwards in the same way.
#pragma once

#include <limits>

#include "sim/guards/Assert.hpp"

namespace stormsim::guards {

// Latest simulated time in seconds passed to a guard. It starts at -infinity, so any first time is accepted.
class MonotonicTime {
public:
  // Aborts unless `now` is at least the latest time seen. A NaN time also aborts.
  void check(double now) const {
    STORMSIM_ASSERT(now >= latest_s_,
                    "simulated time went backwards from %.17g s to %.17g s, but guards require "
                    "non-decreasing time",
                    latest_s_, now);
  }

  // Checks `now`, then stores it as the latest time.
  void advance(double now) {
    check(now);
    latest_s_ = now;
  }

  double latest() const { return latest_s_; }

private:
  double latest_s_ = -std::numeric_limits<double>::infinity();
};

} // namespace stormsim::guards
