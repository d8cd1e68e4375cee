#include "model/Connector.hpp"

#include "model/World.hpp"

namespace stormsim {

Connector::Connector(World& world, const ConnectorSpec& spec, std::uint32_t index)
    : world_(world), spec_(spec), index_(index), rng_(world.seed(), "connector/" + spec.id)
{
}

void Connector::deliver(const Delivery& delivery)
{
  world_.guards().at_connector(index_, delivery);
}

void Connector::fan_out(const Delivery& delivery)
{
  auto& queue = world_.queue();
  for (std::uint32_t flow : flows_)
    queue.schedule(queue.now() + spec_.latency.sample(rng_), Flow::on_trigger, &world_.flow(flow), delivery.pack());
}

} // namespace stormsim
