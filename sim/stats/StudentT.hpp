// Quantiles of Student's t distribution, for confidence intervals of means over a few replications.
#pragma once

namespace stormsim {

// Returns the CDF of Student's t distribution with `degrees_of_freedom` > 0 at `t`.
double student_t_cdf(double t, double degrees_of_freedom);

// Returns the quantile t such that P(T <= t) = `probability`, for 0 < probability < 1 and degrees_of_freedom > 0.
// Accurate to about 1e-12 relative: it inverts student_t_cdf by bisection. Throws std::invalid_argument on arguments
// out of range.
double student_t_quantile(double probability, double degrees_of_freedom);

} // namespace stormsim
