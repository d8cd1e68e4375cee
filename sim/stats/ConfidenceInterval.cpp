// Computes a sample mean and its Student t confidence interval.
#include "stats/ConfidenceInterval.hpp"

#include "stats/StudentT.hpp"

#include <cmath>

namespace stormsim {

std::optional<double> MeanEstimate::low() const
{
  if (!mean || !half_width)
    return std::nullopt;
  return *mean - *half_width;
}

std::optional<double> MeanEstimate::high() const
{
  if (!mean || !half_width)
    return std::nullopt;
  return *mean + *half_width;
}

MeanEstimate estimate_mean(const std::vector<double>& values, double level)
{
  MeanEstimate estimate;
  estimate.n = values.size();
  if (values.empty())
    return estimate;
  double sum = 0;
  for (double value : values)
    sum += value;
  const double n = static_cast<double>(values.size());
  const double mean = sum / n;
  estimate.mean = mean;
  if (values.size() < 2)
    return estimate;

  // Two passes over the values keep the variance accurate when the mean is large and the spread small.
  double squares = 0;
  for (double value : values)
    squares += (value - mean) * (value - mean);
  const double standard_error = std::sqrt(squares / (n - 1.0) / n);
  estimate.half_width = student_t_quantile(0.5 + level / 2.0, n - 1.0) * standard_error;
  return estimate;
}

} // namespace stormsim
