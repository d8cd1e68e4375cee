#include "model/RetryPolicy.hpp"

#include <algorithm>
#include <cmath>

namespace stormsim {

double retry_interval(const StepRetrySpec& policy, int retry)
{
  switch (policy.kind) {
    case StepRetrySpec::Kind::none:
      return 0;
    case StepRetrySpec::Kind::fixed:
      return policy.interval;
    case StepRetrySpec::Kind::exponential:
      break;
  }
  // NOTE: the waits are exact. If the vendor adds random jitter, runs that failed together retry less together
  // than modelled here.
  double wait = policy.interval * std::ldexp(1.0, retry - 1);
  wait = std::max(wait, policy.min_interval);
  if (policy.max_interval > 0)
    wait = std::min(wait, policy.max_interval);
  return wait;
}

} // namespace stormsim
