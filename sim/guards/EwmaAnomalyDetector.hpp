// Detector of unusual bursts in an event stream, which flags a storm before any fixed limit is reached.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>

#include "sim/guards/MonotonicTime.hpp"
#include "sim/guards/WindowGrid.hpp"

namespace stormsim::guards {

// Counts events per bucket of bucket_s seconds, with buckets aligned at multiples of bucket_s from 0, and learns an
// exponentially weighted mean and variance of the per-bucket count. Learning starts with the bucket of the first
// event, and every later bucket is one sample, including empty ones. A bucket is anomalous once its count exceeds
//   mean + sensitivity_k * max(stddev, sqrt(mean), min_stddev).
// The sqrt(mean) floor is the standard deviation of a Poisson count with that mean: without it, a perfectly regular
// source would have stddev 0 and one extra event would be flagged. min_stddev keeps a mean near 0 from flagging the
// first few events. Flagging starts once warmup_samples buckets were learned.
// Anomalous buckets are learned like any other, so a lasting change of level becomes the new normal.
class EwmaAnomalyDetector {
public:
  // alpha is the weight of the newest bucket. Throws std::invalid_argument unless alpha is in (0, 1],
  // sensitivity_k >= 0, bucket_s is finite and > 0 and min_stddev >= 0.
  EwmaAnomalyDetector(double alpha, double sensitivity_k, std::size_t warmup_samples, double bucket_s,
                      double min_stddev = 1.0);

  // Counts an event at `now` (s). Returns true for the event that makes the current bucket anomalous, and false for
  // every other event, so each anomalous bucket is reported once.
  bool observe(double now);

  // Starts learning at the bucket of `now` (s) before any event arrives, so the quiet time before a burst counts as
  // empty buckets. Without it, learning starts at the first event. A call after learning began aborts.
  void start(double now);

  // Learned statistics of the buckets closed before the current one, in events per bucket.
  double mean() const { return mean_; }
  double variance() const { return variance_; }
  std::size_t samples() const { return samples_; }
  // Count above which the current bucket is anomalous, once warm-up is over.
  double threshold() const { return threshold_; }

  std::size_t current_count() const { return current_count_; }
  std::size_t anomalies() const { return anomalies_; }

private:
  void move_to_bucket(std::int64_t index);
  void learn(double count);
  void learn_empty_buckets(std::int64_t count);
  double compute_threshold() const;

  double alpha_;
  double sensitivity_k_;
  std::size_t warmup_samples_;
  double min_stddev_;
  WindowGrid grid_;

  double mean_ = 0.0;
  double variance_ = 0.0;
  std::size_t samples_ = 0;
  double threshold_;

  // Index of the bucket being counted. The minimum means that no event has arrived yet.
  std::int64_t current_index_ = std::numeric_limits<std::int64_t>::min();
  std::size_t current_count_ = 0;
  bool current_flagged_ = false;
  std::size_t anomalies_ = 0;
  MonotonicTime time_;
};

} // namespace stormsim::guards
