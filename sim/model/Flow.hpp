// A flow: one run per delivered trigger, with ordered steps, a concurrency limit and enabled/disabled/deleted states.
#pragma once

#include "core/Random.hpp"
#include "model/Lineage.hpp"
#include "scenario/Scenario.hpp"

#include <cstdint>
#include <deque>
#include <vector>

namespace stormsim {

class World;

enum class FlowState { enabled, disabled, deleted };

class Flow {
public:
  Flow(World& world, const FlowSpec& spec, std::uint32_t index, std::size_t timeline_row);

  // Event handler: a connector delivered a trigger (argument: a packed Delivery).
  static void on_trigger(void* self, std::uint64_t packed_delivery);

  // Stops new runs (the flow becomes disabled or deleted) and whatever else `stops` names: waiting runs are dropped
  // at once, runs in flight are cancelled at their next step boundary. Queued mail is the mailboxes' business.
  void stop(FlowState state, const StopSet& stops);
  // Turns a disabled flow back on; a deleted flow stays deleted.
  void enable();

  // Continues a trigger that passed the flow-trigger guards: starts a run now or queues it for a slot.
  void admit(const Delivery& delivery);
  // Continues a send step that passed the flow-step guards (`run_slot` identifies the run).
  void send_admitted(std::uint32_t run_slot, const Email& email);
  // Ends a send step whose message a flow-step guard dropped, so the run goes on to its next step.
  void skip_send(std::uint32_t run_slot);
  // Whether a run or trigger of this flow that arrives now counts as wanted.
  bool is_wanted_trigger(const Delivery& delivery) const;

  // Whether this flow has started a run for the delivery's source event.
  bool has_run(const Delivery& delivery) const;

  FlowState state() const { return state_; }
  const FlowSpec& spec() const { return spec_; }
  std::size_t runs_in_flight() const { return in_flight_; }
  std::size_t runs_waiting() const { return waiting_.size(); }

private:
  struct Run {
    Delivery delivery;
    std::uint32_t next_step = 0;
    bool wanted = false;
  };

  static void on_step_done(void* self, std::uint64_t run_slot);
  void trigger(const Delivery& delivery);
  void start_run(const Delivery& delivery);
  void schedule_step(std::uint32_t slot);
  void finish_step(std::uint32_t slot);
  void end_run(std::uint32_t slot);
  bool cancels_runs() const { return cancel_in_flight_; }
  bool is_first(std::vector<std::vector<std::uint32_t>>& seen, const Delivery& delivery);

  World& world_;
  const FlowSpec& spec_;
  std::uint32_t index_;
  std::size_t timeline_row_;
  Rng rng_;
  FlowState state_ = FlowState::enabled;
  bool cancel_in_flight_ = false;
  std::vector<Run> runs_; // slots; a finished run's slot is reused
  std::vector<std::uint32_t> free_slots_;
  std::size_t in_flight_ = 0;
  std::deque<Delivery> waiting_;
  // runs started per source event, indexed [source][event]: the ground truth for "first run of a real event"
  std::vector<std::vector<std::uint32_t>> runs_per_event_;
  // emails sent per step and source event, indexed [step * sources + source][event]
  std::vector<std::vector<std::uint32_t>> emails_per_event_;
};

} // namespace stormsim
