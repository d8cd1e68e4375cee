// Ring of per-bucket counts behind the failure-ratio condition of the circuit breaker.
#include "sim/guards/OutcomeWindow.hpp"

#include <cmath>

#include "sim/guards/ConfigCheck.hpp"

namespace stormsim::guards {

namespace {

double bucket_width(double window_s, std::size_t bucket_count) {
  require_parameter(std::isfinite(window_s) && window_s > 0.0, "FailureRatioTrip window_s", window_s,
                    "finite and greater than 0");
  require_parameter(bucket_count >= 1, "FailureRatioTrip bucket_count", static_cast<double>(bucket_count),
                    "at least 1");
  return window_s / static_cast<double>(bucket_count);
}

} // namespace

OutcomeWindow::OutcomeWindow(double window_s, std::size_t bucket_count)
    : grid_(bucket_width(window_s, bucket_count), "FailureRatioTrip bucket width"), buckets_(bucket_count) {}

void OutcomeWindow::record(double now, bool failed) {
  advance_to(grid_.index_of(now));
  Bucket& bucket = bucket_at(newest_index_);
  ++bucket.requests;
  ++requests_;
  if (failed) {
    ++bucket.failures;
    ++failures_;
  }
}

void OutcomeWindow::clear() {
  for (Bucket& bucket : buckets_) {
    bucket = Bucket{};
  }
  newest_index_ = std::numeric_limits<std::int64_t>::min();
  requests_ = 0;
  failures_ = 0;
}

// Empties the buckets that leave the covered span when the newest bucket becomes `index`. The loop runs at most
// bucket_count times per call and once per elapsed bucket overall.
void OutcomeWindow::advance_to(std::int64_t index) {
  const auto bucket_count = static_cast<std::int64_t>(buckets_.size());
  if (newest_index_ == std::numeric_limits<std::int64_t>::min() || index - newest_index_ >= bucket_count) {
    clear();
    newest_index_ = index;
    return;
  }
  while (newest_index_ < index) {
    ++newest_index_;
    Bucket& expired = bucket_at(newest_index_);
    requests_ -= expired.requests;
    failures_ -= expired.failures;
    expired = Bucket{};
  }
}

OutcomeWindow::Bucket& OutcomeWindow::bucket_at(std::int64_t index) {
  const auto bucket_count = static_cast<std::int64_t>(buckets_.size());
  const std::int64_t slot = ((index % bucket_count) + bucket_count) % bucket_count;
  return buckets_[static_cast<std::size_t>(slot)];
}

} // namespace stormsim::guards
