// The replay fault: from a given time the connector re-delivers the source's earlier events, in order.
#pragma once

#include "scenario/Scenario.hpp"

#include <cstdint>

namespace stormsim {

class World;

// The events to replay are fixed when the fault starts (a snapshot of the source's events, or their last N).
// One event is emitted every 1/rate seconds; with `loop` the snapshot repeats until the fault's end.
class ReplayFault {
public:
  ReplayFault(World& world, const FaultSpec& spec);
  void start();

private:
  static void on_begin(void* self, std::uint64_t);
  static void on_emit(void* self, std::uint64_t position);
  void begin();
  void emit(std::uint64_t position);

  World& world_;
  const FaultSpec& spec_;
  std::uint32_t first_ = 0; // snapshot [first_, end_) of the source's event indices
  std::uint32_t end_ = 0;
};

} // namespace stormsim
