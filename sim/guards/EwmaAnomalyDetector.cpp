// Per-bucket EWMA statistics and the anomaly test of the detector.
#include "sim/guards/EwmaAnomalyDetector.hpp"

#include <algorithm>
#include <cmath>

#include "sim/guards/ConfigCheck.hpp"

namespace stormsim::guards {

EwmaAnomalyDetector::EwmaAnomalyDetector(double alpha, double sensitivity_k, std::size_t warmup_samples,
                                         double bucket_s, double min_stddev)
    : alpha_(alpha), sensitivity_k_(sensitivity_k), warmup_samples_(warmup_samples), min_stddev_(min_stddev),
      grid_(bucket_s, "EwmaAnomalyDetector bucket_s") {
  require_parameter(alpha > 0.0 && alpha <= 1.0, "EwmaAnomalyDetector alpha", alpha, "in (0, 1]");
  require_parameter(std::isfinite(sensitivity_k) && sensitivity_k >= 0.0, "EwmaAnomalyDetector sensitivity_k",
                    sensitivity_k, "finite and at least 0");
  require_parameter(std::isfinite(min_stddev) && min_stddev >= 0.0, "EwmaAnomalyDetector min_stddev", min_stddev,
                    "finite and at least 0");
  threshold_ = compute_threshold();
}

bool EwmaAnomalyDetector::observe(double now) {
  time_.advance(now);

  const std::int64_t index = grid_.index_of(now);
  if (index != current_index_) {
    move_to_bucket(index);
  }
  ++current_count_;

  if (current_flagged_ || samples_ < warmup_samples_ || static_cast<double>(current_count_) <= threshold_) {
    return false;
  }
  current_flagged_ = true;
  ++anomalies_;
  return true;
}

// Learns the finished bucket and the empty buckets between it and `index`, then starts counting bucket `index`.
void EwmaAnomalyDetector::start(double now) {
  time_.advance(now);
  STORMSIM_ASSERT(current_index_ == std::numeric_limits<std::int64_t>::min(), "start() after learning began at %g",
                  now);
  move_to_bucket(grid_.index_of(now));
}

void EwmaAnomalyDetector::move_to_bucket(std::int64_t index) {
  if (current_index_ != std::numeric_limits<std::int64_t>::min()) {
    learn(static_cast<double>(current_count_));
    learn_empty_buckets(index - current_index_ - 1);
    threshold_ = compute_threshold();
  }
  current_index_ = index;
  current_count_ = 0;
  current_flagged_ = false;
}

// Incremental update of the exponentially weighted mean and variance. The first sample sets the mean and leaves the
// variance at 0.
void EwmaAnomalyDetector::learn(double count) {
  if (samples_ == 0) {
    mean_ = count;
  } else {
    const double difference = count - mean_;
    const double increment = alpha_ * difference;
    mean_ += increment;
    variance_ = (1.0 - alpha_) * (variance_ + difference * increment);
  }
  ++samples_;
}

// Applies `count` samples of 0 at once. With q = 1 - alpha, n zero samples turn (mean m, variance v) into
// (q^n m, q^n (v + m^2 (1 - q^n))), which is the update of learn() applied n times in closed form. A long idle gap
// therefore costs O(1).
void EwmaAnomalyDetector::learn_empty_buckets(std::int64_t count) {
  if (count <= 0) {
    return;
  }
  const double decay = std::pow(1.0 - alpha_, static_cast<double>(count));
  variance_ = decay * (variance_ + mean_ * mean_ * (1.0 - decay));
  mean_ *= decay;
  samples_ += static_cast<std::size_t>(count);
}

double EwmaAnomalyDetector::compute_threshold() const {
  const double stddev_floor = std::max(std::sqrt(std::max(mean_, 0.0)), min_stddev_);
  return mean_ + sensitivity_k_ * std::max(std::sqrt(variance_), stddev_floor);
}

} // namespace stormsim::guards
