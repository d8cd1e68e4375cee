// Construction of the per-recipient cap from its per-key sliding-window logs.
#include "sim/guards/RecipientCap.hpp"

#include "sim/guards/ConfigCheck.hpp"

namespace stormsim::guards {

namespace {

// Validates the settings under the names RecipientCap uses, before SlidingWindowLog and KeyedLimiter would report
// them under their own names.
SlidingWindowLog make_prototype(std::size_t max_per_window, double window_s, std::size_t max_keys) {
  require_parameter(max_per_window >= 1, "RecipientCap max_per_window", static_cast<double>(max_per_window),
                    "at least 1");
  require_parameter(window_s > 0.0, "RecipientCap window_s", window_s, "greater than 0");
  require_parameter(max_keys >= 1, "RecipientCap max_keys", static_cast<double>(max_keys), "at least 1");
  return SlidingWindowLog(max_per_window, window_s);
}

} // namespace

RecipientCap::RecipientCap(std::size_t max_per_window, double window_s, std::size_t max_keys, std::size_t expected_keys)
    : limiters_(make_prototype(max_per_window, window_s, max_keys), max_keys, expected_keys) {}

} // namespace stormsim::guards
