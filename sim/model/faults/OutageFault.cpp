#include "model/faults/OutageFault.hpp"

#include "model/World.hpp"

namespace stormsim {

void OutageFault::begin()
{
  connector().begin_outage();
}

void OutageFault::end()
{
  connector().end_outage();
}

} // namespace stormsim
