// The wait before each retry of a failed flow step, under the step's retry policy.
#pragma once

#include "scenario/Scenario.hpp"

namespace stormsim {

// Seconds to wait before retry `retry` (1 for the first retry). Requires 1 <= retry <= policy.count.
double retry_interval(const StepRetrySpec& policy, int retry);

} // namespace stormsim
