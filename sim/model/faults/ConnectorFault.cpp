#include "model/faults/ConnectorFault.hpp"

#include "model/World.hpp"
#include "model/faults/CursorResetFault.hpp"
#include "model/faults/IdFormatChangeFault.hpp"
#include "model/faults/LatencySpikeFault.hpp"
#include "model/faults/OutageFault.hpp"
#include "model/faults/SeenIdsLossFault.hpp"

namespace stormsim {

ConnectorFault::ConnectorFault(World& world, const FaultSpec& spec)
    : world_(world), spec_(spec), rng_(world.seed(), "fault/" + spec.id)
{
}

Connector& ConnectorFault::connector()
{
  return world_.connector(static_cast<std::uint32_t>(spec_.connector));
}

void ConnectorFault::start()
{
  auto& queue = world_.queue();
  if (spec_.has_at) {
    queue.schedule(spec_.at, on_fixed_begin, this, 0);
    if (spec_.until)
      queue.schedule(*spec_.until, on_end, this, 0);
  }
  if (spec_.random)
    schedule_random(0);
}

void ConnectorFault::schedule_random(double after)
{
  world_.queue().schedule(after + rng_.exponential(1.0 / spec_.random->rate_per_s), on_random_begin, this, 0);
}

void ConnectorFault::on_fixed_begin(void* self, std::uint64_t)
{
  static_cast<ConnectorFault*>(self)->begin();
}

void ConnectorFault::on_random_begin(void* self, std::uint64_t)
{
  auto* fault = static_cast<ConnectorFault*>(self);
  auto& queue = fault->world_.queue();
  fault->begin();
  if (fault->spec_.random->duration > 0)
    queue.schedule(queue.now() + fault->spec_.random->duration, on_end, self, 0);
  fault->schedule_random(queue.now());
}

void ConnectorFault::on_end(void* self, std::uint64_t)
{
  static_cast<ConnectorFault*>(self)->end();
}

std::unique_ptr<ConnectorFault> make_connector_fault(World& world, const FaultSpec& spec)
{
  switch (spec.kind) {
    case FaultSpec::Kind::outage:
      return std::make_unique<OutageFault>(world, spec);
    case FaultSpec::Kind::latency_spike:
      return std::make_unique<LatencySpikeFault>(world, spec);
    case FaultSpec::Kind::cursor_reset:
      return std::make_unique<CursorResetFault>(world, spec);
    case FaultSpec::Kind::seen_ids_loss:
      return std::make_unique<SeenIdsLossFault>(world, spec);
    case FaultSpec::Kind::id_format_change:
      return std::make_unique<IdFormatChangeFault>(world, spec);
    case FaultSpec::Kind::replay:
      break;
  }
  return nullptr;
}

} // namespace stormsim
