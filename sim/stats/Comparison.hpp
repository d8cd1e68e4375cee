// Variants compared on common seeds: per metric, each variant's mean and its paired difference from the first one.
#pragma once

#include "stats/ConfidenceInterval.hpp"

#include <optional>
#include <string>
#include <vector>

namespace stormsim {

struct ComparisonCell {
  MeanEstimate estimate;                  // over the replications whose value is not null
  std::optional<MeanEstimate> difference; // this variant minus the first, paired by replication; empty for the first
};

struct Comparison {
  std::vector<std::string> variants;
  std::vector<std::string> metrics;
  std::size_t replications = 0;
  double level = 0.95;
  std::vector<std::vector<ComparisonCell>> cells;  // [metric][variant]
};

// Values of one variant: [metric][replication], null where the run had no value (a storm that never started).
using VariantValues = std::vector<std::vector<std::optional<double>>>;

// Compares variants whose replication r all ran on the same seed. A pair counts toward a difference only when both
// of its values are not null.
Comparison compare_variants(const std::vector<std::string>& variants, const std::vector<std::string>& metrics,
                            const std::vector<VariantValues>& values, double level = 0.95);

} // namespace stormsim
