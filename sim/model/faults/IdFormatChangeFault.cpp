#include "model/faults/IdFormatChangeFault.hpp"

#include "model/PollingConnector.hpp"
#include "model/World.hpp"

namespace stormsim {

void IdFormatChangeFault::begin()
{
  connector().poller()->change_id_format();
}

} // namespace stormsim
