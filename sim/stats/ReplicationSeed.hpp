// Seeds of replications: replication r of every variant and sweep point uses the same seed (common random numbers),
// so differences between variants come from the variants and not from luck.
#pragma once

#include <cstdint>

namespace stormsim {

// Returns the seed of replication `replication` (0-based) of a scenario whose seed is `scenario_seed`. Replication 0
// uses the scenario's own seed, so a single replication reproduces `stormsim run`. Later seeds are a hash of both
// numbers, below 2^63 so that they fit the signed 64-bit integers of the scenario's "seed".
std::uint64_t replication_seed(std::uint64_t scenario_seed, std::uint64_t replication);

} // namespace stormsim
