// Validation of guard constructor parameters, so that every guard reports an invalid setting with the same wording.
#pragma once

namespace stormsim::guards {

// Throws std::invalid_argument with "<parameter> must be <requirement>, got <value>" unless `valid` is true.
// `parameter` names the class and the parameter, for example "TokenBucket rate_per_s".
void require_parameter(bool valid, const char* parameter, double value, const char* requirement);

} // namespace stormsim::guards
