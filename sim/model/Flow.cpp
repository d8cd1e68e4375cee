#include "model/Flow.hpp"

#include "model/World.hpp"

namespace stormsim {

Flow::Flow(World& world, const FlowSpec& spec, std::uint32_t index, std::size_t timeline_row)
    : world_(world), spec_(spec), index_(index), timeline_row_(timeline_row), rng_(world.seed(), "flow/" + spec.id)
{
  runs_per_event_.resize(world.source_count());
  emails_per_event_.resize(world.source_count() * spec.steps.size());
}

void Flow::on_trigger(void* self, std::uint64_t packed_delivery)
{
  static_cast<Flow*>(self)->trigger(Delivery::unpack(packed_delivery));
}

void Flow::trigger(const Delivery& delivery)
{
  auto& counters = world_.recorder().flows[index_];
  if (state_ != FlowState::enabled) {
    ++counters.ignored;
    return;
  }
  world_.guards().at_flow_trigger(index_, delivery);
}

bool Flow::is_wanted_trigger(const Delivery& delivery) const
{
  const auto& event = world_.source(delivery.source).events()[delivery.event];
  return event.real && !has_run(delivery);
}

void Flow::admit(const Delivery& delivery)
{
  if (state_ != FlowState::enabled) {
    ++world_.recorder().flows[index_].ignored;
    return;
  }
  if (spec_.max_parallel_runs > 0 && in_flight_ >= static_cast<std::size_t>(spec_.max_parallel_runs)) {
    waiting_.push_back(delivery);
    return;
  }
  start_run(delivery);
}

bool Flow::is_first(std::vector<std::vector<std::uint32_t>>& seen, const Delivery& delivery)
{
  auto& counts = seen[delivery.source];
  if (delivery.event >= counts.size())
    counts.resize(delivery.event + 1, 0);
  return counts[delivery.event]++ == 0;
}

bool Flow::has_run(const Delivery& delivery) const
{
  const auto& counts = runs_per_event_[delivery.source];
  return delivery.event < counts.size() && counts[delivery.event] > 0;
}

void Flow::start_run(const Delivery& delivery)
{
  const auto& event = world_.source(delivery.source).events()[delivery.event];
  // A run is wanted when its event is real and this is the flow's first run for it, whatever brought it: a retry
  // whose first attempt never started a run still carries the wanted email.
  const bool first = is_first(runs_per_event_, delivery);
  const bool wanted = event.real && first;
  world_.recorder().on_run_started(index_, timeline_row_, wanted, world_.queue().now());

  std::uint32_t slot;
  if (free_slots_.empty()) {
    slot = static_cast<std::uint32_t>(runs_.size());
    runs_.emplace_back();
  } else {
    slot = free_slots_.back();
    free_slots_.pop_back();
  }
  runs_[slot] = Run{delivery, 0, wanted};
  ++in_flight_;
  schedule_step(slot);
}

void Flow::schedule_step(std::uint32_t slot)
{
  const Run& run = runs_[slot];
  if (run.next_step >= spec_.steps.size()) {
    end_run(slot);
    return;
  }
  auto& queue = world_.queue();
  const double latency = spec_.steps[run.next_step].latency.sample(rng_);
  queue.schedule(queue.now() + latency, on_step_done, this, slot);
}

void Flow::on_step_done(void* self, std::uint64_t run_slot)
{
  static_cast<Flow*>(self)->finish_step(static_cast<std::uint32_t>(run_slot));
}

void Flow::finish_step(std::uint32_t slot)
{
  // Cancellation takes effect at a step boundary: the step that was running when the flow was deleted has no effect.
  if (cancels_runs()) {
    ++world_.recorder().flows[index_].cancelled;
    end_run(slot);
    return;
  }
  Run& run = runs_[slot];
  const std::uint32_t step_index = run.next_step++;
  const StepSpec& step = spec_.steps[step_index];
  if (step.kind == StepSpec::Kind::write_list_item) {
    ++world_.recorder().list_items_written;
  } else {
    const auto sources = world_.source_count();
    auto& per_event = emails_per_event_;
    Delivery key = run.delivery;
    key.source = static_cast<std::uint32_t>(step_index * sources + run.delivery.source);
    const bool first_email = is_first(per_event, key);
    Email email;
    email.flow = index_;
    email.step = step_index;
    email.mailbox = static_cast<std::uint32_t>(step.target);
    email.recipient = world_.source(run.delivery.source).events()[run.delivery.event].recipient;
    email.delivery = run.delivery;
    // Wanted: the first email for (flow, step, event, recipient) of a real event. Each event has one recipient.
    email.wanted = run.wanted && first_email;
    email.submitted_at = world_.queue().now();
    world_.guards().at_flow_step(slot, email);
    return;
  }
  schedule_step(slot);
}

void Flow::send_admitted(std::uint32_t run_slot, const Email& email)
{
  world_.recorder().on_submitted(timeline_row_, world_.queue().now());
  world_.mailbox(email.mailbox).submit(email);
  schedule_step(run_slot);
}

void Flow::skip_send(std::uint32_t run_slot)
{
  schedule_step(run_slot);
}

void Flow::end_run(std::uint32_t slot)
{
  free_slots_.push_back(slot);
  --in_flight_;
  while (!waiting_.empty() && (spec_.max_parallel_runs == 0 ||
                               in_flight_ < static_cast<std::size_t>(spec_.max_parallel_runs))) {
    const Delivery next = waiting_.front();
    waiting_.pop_front();
    if (cancels_runs()) {
      ++world_.recorder().flows[index_].cancelled;
      continue;
    }
    start_run(next);
  }
}

void Flow::stop(FlowState state, const StopSet& stops)
{
  if (state_ == FlowState::deleted)
    return;
  state_ = state;
  if (stops.runs_in_flight)
    cancel_in_flight_ = true;
  if (stops.waiting_runs) {
    world_.recorder().flows[index_].cancelled += waiting_.size();
    waiting_.clear();
  }
}

void Flow::enable()
{
  if (state_ != FlowState::disabled)
    return;
  state_ = FlowState::enabled;
  cancel_in_flight_ = false;
}

} // namespace stormsim
