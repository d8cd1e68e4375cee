#include "model/faults/SeenIdsLossFault.hpp"

#include "model/PollingConnector.hpp"
#include "model/World.hpp"

namespace stormsim {

void SeenIdsLossFault::begin()
{
  connector().poller()->lose_seen_ids();
}

} // namespace stormsim
