// The mean of a sample with its Student t confidence interval, as `compare` reports for each metric and difference.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace stormsim {

struct MeanEstimate {
  std::size_t n = 0;
  std::optional<double> mean;        // empty when n == 0
  std::optional<double> half_width;  // empty when n < 2, because one value gives no estimate of the spread
  std::optional<double> low() const;
  std::optional<double> high() const;
};

// Estimates the mean of `values` with a two-sided confidence interval at `level` (0.95 for 95%):
// mean +- t_{(1+level)/2, n-1} * s / sqrt(n), with s the sample standard deviation. This assumes independent
// replications whose mean is roughly normal; with few replications of a skewed metric the interval is approximate.
MeanEstimate estimate_mean(const std::vector<double>& values, double level = 0.95);

} // namespace stormsim
