// A webhook connector: hands each source event to the flows it triggers, after a delivery latency.
#pragma once

#include "core/Random.hpp"
#include "model/Lineage.hpp"
#include "scenario/Scenario.hpp"

#include <vector>

namespace stormsim {

class World;

class Connector {
public:
  Connector(World& world, const ConnectorSpec& spec, std::uint32_t index);

  void add_flow(std::uint32_t flow) { flows_.push_back(flow); }
  // Takes an event from the source or a fault: connector-point guards, then every triggered flow.
  void deliver(const Delivery& delivery);
  // Hands an event that passed the connector-point guards to each flow after the delivery latency.
  void fan_out(const Delivery& delivery);
  const ConnectorSpec& spec() const { return spec_; }

private:
  World& world_;
  const ConnectorSpec& spec_;
  std::uint32_t index_;
  Rng rng_;
  std::vector<std::uint32_t> flows_;
};

} // namespace stormsim
