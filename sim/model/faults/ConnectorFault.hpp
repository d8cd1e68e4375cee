// The schedule shared by connector faults: at a time (optionally until a time), at random Poisson occurrences, or both.
#pragma once

#include "core/Random.hpp"
#include "scenario/Scenario.hpp"

#include <cstdint>
#include <memory>

namespace stormsim {

class World;
class Connector;

// A fault that acts on one connector. Each occurrence calls begin(); an occurrence with an end (the fault's
// `until`, or the random occurrence's duration) calls end() then. Occurrences may overlap, so begin() and end()
// must nest, as counters do.
class ConnectorFault {
public:
  ConnectorFault(World& world, const FaultSpec& spec);
  virtual ~ConnectorFault() = default;

  void start();

protected:
  virtual void begin() = 0;
  virtual void end() {}
  Connector& connector();
  World& world_;
  const FaultSpec& spec_;

private:
  static void on_fixed_begin(void* self, std::uint64_t);
  static void on_random_begin(void* self, std::uint64_t);
  static void on_end(void* self, std::uint64_t);
  void schedule_random(double after);

  Rng rng_;
};

std::unique_ptr<ConnectorFault> make_connector_fault(World& world, const FaultSpec& spec);

} // namespace stormsim
