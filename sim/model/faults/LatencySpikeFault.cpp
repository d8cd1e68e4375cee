#include "model/faults/LatencySpikeFault.hpp"

#include "model/World.hpp"

namespace stormsim {

void LatencySpikeFault::begin()
{
  connector().scale_latency(spec_.factor);
}

void LatencySpikeFault::end()
{
  connector().scale_latency(1.0 / spec_.factor);
}

} // namespace stormsim
