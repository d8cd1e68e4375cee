#include "core/Random.hpp"

#include <catch2/catch.hpp>

using stormsim::Rng;

TEST_CASE("random stream repeats for the same seed and name", "[random]")
{
  Rng a(42, "flow/a");
  Rng b(42, "flow/a");

  for (int i = 0; i < 1000; ++i)
    REQUIRE(a.next() == b.next());
}

TEST_CASE("random streams differ between components", "[random]")
{
  Rng a(42, "flow/a");
  Rng b(42, "flow/b");

  int equal = 0;
  for (int i = 0; i < 1000; ++i)
    equal += a.next() == b.next() ? 1 : 0;

  CHECK(equal == 0);
}

TEST_CASE("exponential draws have the requested mean", "[random]")
{
  Rng rng(7, "test");
  const int n = 200000;
  double sum = 0;
  for (int i = 0; i < n; ++i)
    sum += rng.exponential(3.0);

  // The sample mean's standard error is 3 / sqrt(n), about 0.0067; allow five of them.
  CHECK(sum / n == Approx(3.0).margin(0.034));
}

TEST_CASE("uniform draws stay in their interval", "[random]")
{
  Rng rng(7, "test");

  for (int i = 0; i < 100000; ++i) {
    const double x = rng.uniform(2.0, 5.0);
    REQUIRE(x >= 2.0);
    REQUIRE(x < 5.0);
  }
}
