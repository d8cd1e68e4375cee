// Builds the comparison table from replication values.
#include "stats/Comparison.hpp"

namespace stormsim {
namespace {

std::vector<double> present(const std::vector<std::optional<double>>& values)
{
  std::vector<double> numbers;
  for (const auto& value : values)
    if (value)
      numbers.push_back(*value);
  return numbers;
}

std::vector<double> paired_differences(const std::vector<std::optional<double>>& values,
                                       const std::vector<std::optional<double>>& reference)
{
  std::vector<double> differences;
  for (std::size_t r = 0; r < values.size() && r < reference.size(); ++r)
    if (values[r] && reference[r])
      differences.push_back(*values[r] - *reference[r]);
  return differences;
}

} // namespace

Comparison compare_variants(const std::vector<std::string>& variants, const std::vector<std::string>& metrics,
                            const std::vector<VariantValues>& values, double level)
{
  Comparison comparison;
  comparison.variants = variants;
  comparison.metrics = metrics;
  comparison.level = level;
  comparison.replications = values.empty() || values.front().empty() ? 0 : values.front().front().size();
  comparison.cells.resize(metrics.size());
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    for (std::size_t v = 0; v < variants.size(); ++v) {
      ComparisonCell cell;
      cell.estimate = estimate_mean(present(values[v][m]), level);
      if (v > 0)
        cell.difference = estimate_mean(paired_differences(values[v][m], values[0][m]), level);
      comparison.cells[m].push_back(cell);
    }
  }
  return comparison;
}

} // namespace stormsim
