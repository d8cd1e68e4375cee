// Window index computation that stays consistent with the window start times.
#include "sim/guards/WindowGrid.hpp"

#include <cmath>

#include "sim/guards/Assert.hpp"
#include "sim/guards/ConfigCheck.hpp"

namespace stormsim::guards {

namespace {

// Above 2^52 windows, i * width and (i + 1) * width can round to the same double.
constexpr double kMaxWindowIndex = 4503599627370496.0; // 2^52

} // namespace

WindowGrid::WindowGrid(double width_s, const char* parameter) : width_s_(width_s) {
  require_parameter(std::isfinite(width_s) && width_s > 0.0, parameter, width_s, "finite and greater than 0");
}

std::int64_t WindowGrid::index_of(double t) const {
  const double quotient = std::floor(t / width_s_);
  STORMSIM_ASSERT(std::fabs(quotient) < kMaxWindowIndex,
                  "time %.17g s is outside the range of windows of width %.17g s", t, width_s_);

  // t / width_s_ is rounded, so next to a window start the floor can be off by one. The start times decide.
  auto index = static_cast<std::int64_t>(quotient);
  if (t < start_of(index)) {
    --index;
  } else if (t >= start_of(index + 1)) {
    ++index;
  }
  return index;
}

} // namespace stormsim::guards
