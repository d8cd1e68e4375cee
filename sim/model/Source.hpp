// A trigger source (a web form, a payment service, a recurrence): produces real events and keeps its history for
// replays.
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

  // Creates the history and the pending events, and schedules the first real arrival and the first tick.
  void start();

  const SourceSpec& spec() const { return spec_; }
  const std::vector<SourceEvent>& events() const { return events_; }
  std::uint32_t index() const { return index_; }
  void add_connector(std::uint32_t connector) { connectors_.push_back(connector); }
  // Each real event will also create an item in the list.
  void add_list(std::uint32_t list) { lists_.push_back(list); }
  // Adds an event made by mail arriving in a watched inbox and delivers it to the source's connectors. `reply_to` is
  // the event's recipient; `real` is the scenario's ground truth for whether this trigger is normal traffic.
  void add_mail_event(std::uint32_t reply_to, bool real);

private:
  static void on_arrival(void* self, std::uint64_t schedule_index);
  void arrive(std::uint64_t schedule_index);
  void schedule_next(std::uint64_t schedule_index);
  double next_poisson_arrival(double now);
  static void on_tick(void* self, std::uint64_t tick);
  void tick(std::uint64_t tick);
  std::uint32_t add_event(bool real, double created_at);

  World& world_;
  const SourceSpec& spec_;
  std::uint32_t index_;
  Rng rng_;
  std::vector<SourceEvent> events_;
  std::vector<std::uint32_t> connectors_;
  std::vector<std::uint32_t> lists_;
};

} // namespace stormsim
