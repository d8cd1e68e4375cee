// Checks means, confidence intervals and paired comparisons on samples with known results.
#include "stats/Comparison.hpp"
#include "stats/ConfidenceInterval.hpp"
#include "stats/Percentile.hpp"
#include "stats/ReplicationSeed.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <set>

using namespace stormsim;

TEST_CASE("confidence interval of 1 to 5", "[stats][ci]")
{
  // mean 3, s = sqrt(2.5), standard error sqrt(0.5), t(0.975, 4) = 2.776445: half-width 1.963233.
  const MeanEstimate estimate = estimate_mean({1, 2, 3, 4, 5});

  CHECK(estimate.n == 5);
  CHECK(*estimate.mean == Approx(3.0));
  CHECK(*estimate.half_width == Approx(1.963233).margin(1e-6));
  CHECK(*estimate.low() == Approx(1.036767).margin(1e-6));
  CHECK(*estimate.high() == Approx(4.963233).margin(1e-6));
}

TEST_CASE("confidence interval at 90 percent", "[stats][ci]")
{
  // Two values 0 and 2: mean 1, s = sqrt(2), standard error 1, t(0.95, 1) = 6.313752.
  const MeanEstimate estimate = estimate_mean({0, 2}, 0.90);

  CHECK(*estimate.half_width == Approx(6.313752).margin(1e-6));
}

TEST_CASE("one value has no interval", "[stats][ci]")
{
  const MeanEstimate estimate = estimate_mean({7});

  CHECK(*estimate.mean == 7);
  CHECK_FALSE(estimate.half_width.has_value());
  CHECK_FALSE(estimate.low().has_value());
}

TEST_CASE("no values have no mean", "[stats][ci]")
{
  const MeanEstimate estimate = estimate_mean({});

  CHECK(estimate.n == 0);
  CHECK_FALSE(estimate.mean.has_value());
}

TEST_CASE("constant values have zero width", "[stats][ci]")
{
  const MeanEstimate estimate = estimate_mean({4, 4, 4});

  CHECK(*estimate.half_width == 0);
}

TEST_CASE("identical variants differ by exactly zero", "[stats][comparison]")
{
  const std::vector<std::optional<double>> values{10.0, 12.5, std::nullopt, 9.0};
  const std::vector<VariantValues> variants{{values}, {values}};

  const Comparison comparison = compare_variants({"a", "b"}, {"metric"}, variants);

  const auto& cell = comparison.cells[0][1];
  REQUIRE(cell.difference.has_value());
  CHECK(cell.difference->n == 3);
  CHECK(*cell.difference->mean == 0.0);
  CHECK(*cell.difference->half_width == 0.0);
  CHECK(comparison.cells[0][0].estimate.n == 3);
  CHECK_FALSE(comparison.cells[0][0].difference.has_value());
}

TEST_CASE("paired difference uses matching replications", "[stats][comparison]")
{
  // Differences 1, 2, 3 where both values exist; the pair with a null is left out.
  const VariantValues reference{{1.0, 2.0, 3.0, 4.0}};
  const VariantValues treated{{2.0, 4.0, 6.0, std::nullopt}};

  const Comparison comparison = compare_variants({"ref", "treated"}, {"metric"}, {reference, treated});

  const auto& difference = *comparison.cells[0][1].difference;
  CHECK(difference.n == 3);
  CHECK(*difference.mean == Approx(2.0));
  CHECK(*difference.half_width == Approx(4.302653 / std::sqrt(3.0)).margin(1e-6));
}

TEST_CASE("nearest rank percentile", "[stats][percentile]")
{
  CHECK(nearest_rank({15, 20, 35, 40, 50}, 30) == 20);
  CHECK(nearest_rank({15, 20, 35, 40, 50}, 40) == 20);
  CHECK(nearest_rank({15, 20, 35, 40, 50}, 50) == 35);
  CHECK(nearest_rank({15, 20, 35, 40, 50}, 100) == 50);
  CHECK(nearest_rank({3, 1, 2}, 95) == 3);
}

TEST_CASE("replication seeds are stable and distinct", "[stats][seed]")
{
  CHECK(replication_seed(2017, 0) == 2017);
  std::set<std::uint64_t> seeds;
  for (std::uint64_t r = 0; r < 1000; ++r) {
    const std::uint64_t seed = replication_seed(2017, r);
    CHECK(seed < (std::uint64_t{1} << 63));
    seeds.insert(seed);
  }
  CHECK(seeds.size() == 1000);
  CHECK(replication_seed(2017, 5) == replication_seed(2017, 5));
  CHECK(replication_seed(2017, 5) != replication_seed(2018, 5));
}
