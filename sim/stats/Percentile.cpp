// Computes nearest-rank percentiles over replication values.
#include "stats/Percentile.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace stormsim {

double nearest_rank(std::vector<double> values, double p)
{
  if (values.empty())
    throw std::invalid_argument("nearest_rank: no values");
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
  return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

} // namespace stormsim
