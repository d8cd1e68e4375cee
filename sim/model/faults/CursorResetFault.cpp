#include "model/faults/CursorResetFault.hpp"

#include "model/PollingConnector.hpp"
#include "model/World.hpp"

namespace stormsim {

void CursorResetFault::begin()
{
  connector().poller()->reset_cursor(spec_.last, spec_.since);
}

} // namespace stormsim
