// The nearest-rank percentile of replication values, the statistic behind "p95(...)" in expectations.
#pragma once

#include <vector>

namespace stormsim {

// Returns the nearest-rank percentile of a non-empty list: the smallest value with at least p% of the values at or
// below it, for p in (0, 100]. It is always one of the values, as the summary's recipients.p50 and p99 are.
double nearest_rank(std::vector<double> values, double p);

} // namespace stormsim
