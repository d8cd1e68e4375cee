// Two-window weighted estimate and the search for the next time it admits.
#include "sim/guards/SlidingWindowCounter.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "sim/guards/ConfigCheck.hpp"

namespace stormsim::guards {

namespace {

constexpr std::uint64_t kSignBit = std::uint64_t{1} << 63;

// Half-width of the bracket around the real solution, relative to the larger of the time and the window width.
// 1e-14 is 45 to 90 ulps, well above the few ulps of rounding error in the solution, and bisection narrows it in
// about 8 steps. If the bracket misses, next_admission_time() widens it.
constexpr double kBracketRelativeWidth = 1e-14;

// Maps a double to an unsigned integer with the same order, so that bisection can step through every double.
std::uint64_t to_ordered_bits(double value) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  return (bits & kSignBit) != 0 ? ~bits : bits | kSignBit;
}

double from_ordered_bits(std::uint64_t ordered) {
  const std::uint64_t bits = (ordered & kSignBit) != 0 ? ordered & ~kSignBit : ~ordered;
  double value = 0.0;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

// Admissions in one window and in the window before it.
struct WindowCounts {
  std::size_t previous;
  std::size_t current;
};

// Returns the counts for window `index`, given the counts stored when window `window_index` was the latest.
WindowCounts counts_at(std::int64_t index, std::int64_t window_index, std::size_t previous, std::size_t current) {
  if (index == window_index) {
    return {previous, current};
  }
  if (index - 1 == window_index) {
    return {current, 0};
  }
  return {0, 0};
}

} // namespace

SlidingWindowCounter::SlidingWindowCounter(std::size_t limit, double window_s)
    : grid_(window_s, "SlidingWindowCounter window_s"), limit_(limit) {
  require_parameter(limit >= 1, "SlidingWindowCounter limit", static_cast<double>(limit), "at least 1");
}

bool SlidingWindowCounter::try_admit(double now) {
  time_.advance(now);

  const std::int64_t index = grid_.index_of(now);
  const WindowCounts counts = counts_at(index, window_index_, previous_count_, current_count_);
  window_index_ = index;
  previous_count_ = counts.previous;
  current_count_ = counts.current;

  if (!admits_at(now)) {
    ++rejected_;
    return false;
  }
  ++current_count_;
  ++admitted_;
  return true;
}

double SlidingWindowCounter::next_admission_time(double now) const {
  time_.check(now);
  if (admits_at(now)) {
    return now;
  }

  // Without admissions the estimate never increases: it falls within a window, and at a window start the old current
  // count takes weight 1 - 0 as the previous count, equal to its weight just before. admits_at() is therefore false
  // up to some double and true from there on, and bisection over the doubles finds that double exactly. The real
  // solution lies within a few ulps of it, so a narrow bracket around the solution usually suffices.
  const double estimate = solve_admission_time(now);
  const double margin = std::max(std::fabs(estimate), grid_.width()) * kBracketRelativeWidth;
  double admitting = std::max(now, estimate + margin);
  if (!admits_at(admitting)) {
    // Two windows after the last update both counts are 0, which admits.
    admitting = grid_.start_of(std::max(window_index_, grid_.index_of(now)) + 2);
  }
  double rejecting = std::max(now, estimate - margin);
  if (rejecting >= admitting || admits_at(rejecting)) {
    rejecting = now;
  }
  return first_admitting_time(rejecting, admitting);
}

double SlidingWindowCounter::estimated_count(double now) const {
  time_.check(now);
  const std::int64_t index = grid_.index_of(now);
  const WindowCounts counts = counts_at(index, window_index_, previous_count_, current_count_);

  // The rounded fraction can reach 1 just below the next window start, so it is clamped to keep the weight >= 0.
  const double fraction = std::min(1.0, (now - grid_.start_of(index)) / grid_.width());
  const double previous_weight = 1.0 - fraction;
  return static_cast<double>(counts.previous) * previous_weight + static_cast<double>(counts.current);
}

// try_admit() and next_admission_time() both decide through this function, so they agree on every double.
bool SlidingWindowCounter::admits_at(double t) const { return estimated_count(t) < static_cast<double>(limit_); }

// Solves previous * (1 - f) + current = limit in real arithmetic for the time at which the estimate drops below the
// limit. Requires that admits_at(now) is false.
double SlidingWindowCounter::solve_admission_time(double now) const {
  std::int64_t index = grid_.index_of(now);
  WindowCounts counts = counts_at(index, window_index_, previous_count_, current_count_);
  if (counts.current >= limit_) {
    // The current window is full, so admission waits for the next one, where the current count becomes previous.
    counts = {counts.current, 0};
    ++index;
  }
  // Here current < limit, and previous >= limit - current > 0 because the estimate is not below the limit.
  const double fraction = 1.0 - static_cast<double>(limit_ - counts.current) / static_cast<double>(counts.previous);
  return grid_.start_of(index) + fraction * grid_.width();
}

// Returns the first double in (rejecting, admitting] at which admits_at() is true, given that it is false at
// `rejecting`, true at `admitting` and monotonic in between.
double SlidingWindowCounter::first_admitting_time(double rejecting, double admitting) const {
  std::uint64_t low = to_ordered_bits(rejecting);
  std::uint64_t high = to_ordered_bits(admitting);
  while (high - low > 1) {
    const std::uint64_t middle = low + (high - low) / 2;
    if (admits_at(from_ordered_bits(middle))) {
      high = middle;
    } else {
      low = middle;
    }
  }
  return from_ordered_bits(high);
}

} // namespace stormsim::guards
