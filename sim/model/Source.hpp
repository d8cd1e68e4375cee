// A trigger source (a web form, a payment service): produces real events and keeps its history for replays.
#pragma once

#include "core/Random.hpp"
#include "scenario/Scenario.hpp"

#include <cstdint>
#include <vector>

namespace stormsim {

class World;

struct SourceEvent {
  std::uint32_t recipient = 0; // global recipient index
  double created_at = 0;       // negative for history events, which predate the simulation
  bool real = false;           // created during the simulation by a real submission
};

class Source {
public:
  Source(World& world, const SourceSpec& spec, std::uint32_t index);

  // Creates the history and schedules the first real arrival.
  void start();

  const SourceSpec& spec() const { return spec_; }
  const std::vector<SourceEvent>& events() const { return events_; }
  std::uint32_t index() const { return index_; }
  void add_connector(std::uint32_t connector) { connectors_.push_back(connector); }

private:
  static void on_arrival(void* self, std::uint64_t schedule_index);
  void arrive(std::uint64_t schedule_index);
  void schedule_next(std::uint64_t schedule_index);
  std::uint32_t add_event(bool real, double created_at);

  World& world_;
  const SourceSpec& spec_;
  std::uint32_t index_;
  Rng rng_;
  std::vector<SourceEvent> events_;
  std::vector<std::uint32_t> connectors_;
};

} // namespace stormsim
