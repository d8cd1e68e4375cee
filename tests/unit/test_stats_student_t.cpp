// Checks the Student t quantiles against printed table values and the CDF against its known properties.
#include "stats/StudentT.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>

using namespace stormsim;

TEST_CASE("t quantile matches table values", "[stats][student-t]")
{
  // Two-sided 95%, 90% and 99% critical values from standard t tables, to four decimals.
  struct Row {
    double probability;
    double df;
    double expected;
  };
  const Row rows[] = {{0.975, 1, 12.7062}, {0.975, 2, 4.3027},  {0.975, 3, 3.1824},  {0.975, 4, 2.7764},
                      {0.975, 5, 2.5706},  {0.975, 9, 2.2622},  {0.975, 10, 2.2281}, {0.975, 20, 2.0860},
                      {0.975, 30, 2.0423}, {0.975, 60, 2.0003}, {0.975, 120, 1.9799}, {0.95, 1, 6.3138},
                      {0.95, 10, 1.8125},  {0.995, 5, 4.0321},  {0.995, 30, 2.7500}, {0.9995, 3, 12.9240}};
  for (const auto& row : rows) {
    INFO("p = " << row.probability << ", df = " << row.df);
    CHECK(student_t_quantile(row.probability, row.df) == Approx(row.expected).margin(5e-5));
  }
}

TEST_CASE("t quantile tends to the normal", "[stats][student-t]")
{
  CHECK(student_t_quantile(0.975, std::numeric_limits<double>::infinity()) == Approx(1.959964).margin(1e-6));
  CHECK(student_t_quantile(0.975, 1e7) == Approx(1.959964).margin(1e-5));
}

TEST_CASE("t quantile is antisymmetric", "[stats][student-t]")
{
  CHECK(student_t_quantile(0.5, 4) == Approx(0).margin(1e-12));
  CHECK(student_t_quantile(0.025, 7) == Approx(-student_t_quantile(0.975, 7)).epsilon(1e-12));
}

TEST_CASE("t CDF inverts the quantile", "[stats][student-t]")
{
  for (double df : {1.0, 2.5, 8.0, 40.0})
    for (double p : {0.6, 0.9, 0.975, 0.999}) {
      INFO("p = " << p << ", df = " << df);
      CHECK(student_t_cdf(student_t_quantile(p, df), df) == Approx(p).epsilon(1e-10));
    }
}

TEST_CASE("t quantile rejects bad arguments", "[stats][student-t]")
{
  CHECK_THROWS_AS(student_t_quantile(0, 5), std::invalid_argument);
  CHECK_THROWS_AS(student_t_quantile(1, 5), std::invalid_argument);
  CHECK_THROWS_AS(student_t_quantile(0.9, 0), std::invalid_argument);
  CHECK_THROWS_AS(student_t_quantile(std::nan(""), 3), std::invalid_argument);
}
