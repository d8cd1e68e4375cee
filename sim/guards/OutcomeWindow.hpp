// Request and failure counts over a recent time window, for the failure-ratio condition of CircuitBreaker.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "sim/guards/WindowGrid.hpp"

namespace stormsim::guards {

// Splits window_s into bucket_count equal buckets aligned at multiples of the bucket width from 0 and keeps one
// pair of counts per bucket in a ring, so memory does not grow with the request rate. The totals cover the bucket
// containing the latest record plus the bucket_count - 1 buckets before it, so the covered span is between
// window_s * (bucket_count - 1) / bucket_count and window_s long. A record is O(1) amortised and never allocates.
class OutcomeWindow {
public:
  // Throws std::invalid_argument unless window_s is finite and > 0 and bucket_count >= 1.
  OutcomeWindow(double window_s, std::size_t bucket_count);

  // Counts one request at `now` (s), and one failure if `failed`. The caller guarantees non-decreasing times.
  void record(double now, bool failed);

  // Forgets all counts.
  void clear();

  // Requests and failures in the covered span, as of the latest record.
  std::size_t requests() const { return requests_; }
  std::size_t failures() const { return failures_; }

private:
  struct Bucket {
    std::size_t requests = 0;
    std::size_t failures = 0;
  };

  void advance_to(std::int64_t index);
  Bucket& bucket_at(std::int64_t index);

  WindowGrid grid_;
  std::vector<Bucket> buckets_;
  // Index of the bucket that contains the latest record. The minimum means that nothing was recorded.
  std::int64_t newest_index_ = std::numeric_limits<std::int64_t>::min();
  std::size_t requests_ = 0;
  std::size_t failures_ = 0;
};

} // namespace stormsim::guards
