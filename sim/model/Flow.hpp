// A flow: one run per delivered trigger, with ordered steps that can fail and be retried, a concurrency limit and
// enabled/disabled/deleted states.
#pragma once

#include "core/Random.hpp"
#include "model/Lineage.hpp"
#include "scenario/Scenario.hpp"

#include <cstdint>
#include <deque>
#include <optional>
#include <unordered_set>
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
  // Continues a send step's message that passed the flow-step guards (`run_slot` identifies the run). A step that
  // sends to a group waits for one call per message, this one or `skip_send`, before its attempt ends.
  void send_admitted(std::uint32_t run_slot, const Email& email);
  // Accounts for a message that a flow-step guard dropped. A dropped message never reaches the send call, so it cannot
  // time out, and a dropped retry copy ends the step instead of being retried again.
  void skip_send(std::uint32_t run_slot);
  // Whether the flow's trigger condition lets a list change by `writer` (a flow index or ListStore::person) start a
  // run. Evaluated before any run exists, so a skipped change costs no run, as Power Automate documents.
  bool passes_trigger_condition(std::uint32_t writer) const;
  // Whether a run or trigger of this flow that arrives now counts as wanted.
  bool is_wanted_trigger(const Delivery& delivery) const;

  // Whether this flow has started a run for the delivery's source event.
  bool has_run(const Delivery& delivery) const;

  FlowState state() const { return state_; }
  const FlowSpec& spec() const { return spec_; }
  std::size_t runs_in_flight() const { return in_flight_; }
  std::size_t runs_waiting() const { return waiting_.size(); }

private:
  // The result of one attempt of a step, drawn when the attempt completes.
  enum class Outcome { success, failure, timeout_after_commit };

  struct MemberEmail {
    std::uint32_t step, source, event, member;
    bool operator==(const MemberEmail& other) const
    {
      return step == other.step && source == other.source && event == other.event && member == other.member;
    }
  };
  struct MemberEmailHash {
    std::size_t operator()(const MemberEmail& key) const
    {
      std::uint64_t state = (static_cast<std::uint64_t>(key.step) << 32 | key.source) ^
                            (static_cast<std::uint64_t>(key.event) << 32 | key.member) * 0x9e3779b97f4a7c15ULL;
      return static_cast<std::size_t>(splitmix64(state));
    }
  };

  struct Run {
    Delivery delivery;
    std::uint32_t next_step = 0;     // the step being attempted
    std::uint32_t retries = 0;       // retries of that step so far
    std::uint32_t pending_sends = 0; // messages of the current attempt still at the flow-step guards
    std::uint32_t sent = 0;          // messages of the current attempt that the flow-step guards let through
    bool timed_out = false;          // the current attempt's send call times out after committing
    bool invalid_address = false;    // the current attempt's group has an invalid address
    bool wanted = false;
  };

  static void on_step_done(void* self, std::uint64_t run_slot);
  void trigger(const Delivery& delivery);
  void start_run(const Delivery& delivery);
  void schedule_step(std::uint32_t slot);
  void finish_step(std::uint32_t slot);
  Outcome draw_outcome(const StepSpec& step);
  void send_messages(std::uint32_t slot, bool timed_out);
  Email make_email(std::uint32_t slot, std::uint32_t recipient, std::optional<std::uint32_t> member);
  void end_attempt(std::uint32_t slot, bool failed);
  void end_send_attempt(std::uint32_t slot);
  void retry_or_fail(std::uint32_t slot);
  void end_run(std::uint32_t slot);
  bool in_outage(double now) const;
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
  // group steps: the (step, source, event, member) of every email sent so far
  std::unordered_set<MemberEmail, MemberEmailHash> member_emails_;
  // group steps: the members' global recipient indices, per step (empty for a step without a group)
  std::vector<std::vector<std::uint32_t>> group_members_;
};

} // namespace stormsim
