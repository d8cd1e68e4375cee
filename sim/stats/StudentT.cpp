// Computes Student's t distribution from the regularized incomplete beta function, evaluated as a continued fraction.
#include "stats/StudentT.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace stormsim {
namespace {

// Evaluates the continued fraction of the incomplete beta function (DLMF 8.17.22) by the modified Lentz method.
// It converges quickly for x < (a + 1) / (a + b + 2).
double beta_continued_fraction(double x, double a, double b)
{
  constexpr double tiny = 1e-300;
  constexpr int max_terms = 10'000;
  double c = 1.0;
  double d = 1.0 - (a + b) * x / (a + 1.0);
  d = 1.0 / (std::fabs(d) < tiny ? tiny : d);
  double result = d;
  for (int m = 1; m <= max_terms; ++m) {
    const double two_m = 2.0 * m;
    const double even = m * (b - m) * x / ((a + two_m - 1.0) * (a + two_m));
    const double odd = -(a + m) * (a + b + m) * x / ((a + two_m) * (a + two_m + 1.0));
    for (double coefficient : {even, odd}) {
      d = 1.0 + coefficient * d;
      d = 1.0 / (std::fabs(d) < tiny ? tiny : d);
      c = 1.0 + coefficient / c;
      c = std::fabs(c) < tiny ? tiny : c;
      result *= c * d;
    }
    if (std::fabs(c * d - 1.0) < 1e-15)
      break;
  }
  return result;
}

// Regularized incomplete beta function I_x(a, b) for 0 <= x <= 1.
double regularized_incomplete_beta(double x, double a, double b)
{
  if (x <= 0.0)
    return 0.0;
  if (x >= 1.0)
    return 1.0;
  const double log_front = a * std::log(x) + b * std::log1p(-x) - (std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b));
  if (x < (a + 1.0) / (a + b + 2.0))
    return std::exp(log_front) * beta_continued_fraction(x, a, b) / a;
  // The symmetry I_x(a, b) = 1 - I_{1-x}(b, a) keeps the fraction in its fast region.
  return 1.0 - std::exp(log_front) * beta_continued_fraction(1.0 - x, b, a) / b;
}

} // namespace

double student_t_cdf(double t, double degrees_of_freedom)
{
  if (std::isinf(degrees_of_freedom))
    return 0.5 * std::erfc(-t / std::sqrt(2.0));
  const double x = degrees_of_freedom / (degrees_of_freedom + t * t);
  const double tail = 0.5 * regularized_incomplete_beta(x, degrees_of_freedom / 2.0, 0.5);
  return t >= 0 ? 1.0 - tail : tail;
}

double student_t_quantile(double probability, double degrees_of_freedom)
{
  if (!(probability > 0.0 && probability < 1.0))
    throw std::invalid_argument("student_t_quantile: probability must be in (0, 1), got " + std::to_string(probability));
  if (!(degrees_of_freedom > 0.0))
    throw std::invalid_argument("student_t_quantile: degrees of freedom must be positive, got " +
                                std::to_string(degrees_of_freedom));
  if (probability < 0.5)
    return -student_t_quantile(1.0 - probability, degrees_of_freedom);

  double low = 0.0;
  double high = 1.0;
  while (student_t_cdf(high, degrees_of_freedom) < probability)
    high *= 2.0;
  // Bisection halves the bracket each step, so 200 steps reach the limit of double precision for any bracket.
  for (int step = 0; step < 200 && high - low > 4 * std::numeric_limits<double>::epsilon() * high; ++step) {
    const double middle = 0.5 * (low + high);
    if (student_t_cdf(middle, degrees_of_freedom) < probability)
      low = middle;
    else
      high = middle;
  }
  return 0.5 * (low + high);
}

} // namespace stormsim
