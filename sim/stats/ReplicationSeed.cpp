// Derives replication seeds from a scenario's seed.
#include "stats/ReplicationSeed.hpp"

#include "core/Random.hpp"

namespace stormsim {

std::uint64_t replication_seed(std::uint64_t scenario_seed, std::uint64_t replication)
{
  if (replication == 0)
    return scenario_seed;
  std::uint64_t state = scenario_seed ^ hash_string("replication");
  state += replication * 0xd1b54a32d192ed03ULL;
  return splitmix64(state) >> 1;
}

} // namespace stormsim
