#include "model/Flow.hpp"

#include "model/ListStore.hpp"
#include "model/RetryPolicy.hpp"
#include "model/World.hpp"

namespace stormsim {

Flow::Flow(World& world, const FlowSpec& spec, std::uint32_t index, std::size_t timeline_row)
    : world_(world), spec_(spec), index_(index), timeline_row_(timeline_row), rng_(world.seed(), "flow/" + spec.id)
{
  runs_per_event_.resize(world.source_count());
  emails_per_event_.resize(world.source_count() * spec.steps.size());
  group_members_.resize(spec.steps.size());
  for (std::size_t step = 0; step < spec.steps.size(); ++step) {
    const auto& group = spec.steps[step].group;
    if (!group)
      continue;
    // Invalid addresses receive nothing, so only the valid members become recipients.
    for (int member = 0; member < group->members - group->invalid_members; ++member)
      group_members_[step].push_back(world.add_recipient(group->id, static_cast<std::uint32_t>(member)));
  }
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
    if (is_wanted_trigger(delivery))
      ++world_.recorder().wanted_not_sent;
    return;
  }
  world_.guards().at_flow_trigger(index_, delivery);
}

bool Flow::is_wanted_trigger(const Delivery& delivery) const
{
  const auto& event = world_.source(delivery.source).events()[delivery.event];
  return event.real && !has_run(delivery);
}

bool Flow::passes_trigger_condition(std::uint32_t writer) const
{
  if (!spec_.skip_own_changes || writer == ListStore::person)
    return true;
  return world_.flow(writer).spec().account != spec_.account;
}

void Flow::admit(const Delivery& delivery)
{
  if (state_ != FlowState::enabled) {
    ++world_.recorder().flows[index_].ignored;
    if (is_wanted_trigger(delivery))
      ++world_.recorder().wanted_not_sent;
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
  runs_[slot] = Run{};
  runs_[slot].delivery = delivery;
  runs_[slot].wanted = wanted;
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

bool Flow::in_outage(double now) const
{
  for (const auto& outage : spec_.outages)
    if (now >= outage.from && now < outage.until)
      return true;
  return false;
}

Flow::Outcome Flow::draw_outcome(const StepSpec& step)
{
  if (in_outage(world_.queue().now()))
    return Outcome::failure;
  // Draws happen only for a probability that is set, so steps that never fail leave the flow's random stream as it
  // was before failures existed.
  if (step.failure_probability > 0 && rng_.bernoulli(step.failure_probability))
    return Outcome::failure;
  if (step.timeout_after_commit > 0 && rng_.bernoulli(step.timeout_after_commit))
    return Outcome::timeout_after_commit;
  return Outcome::success;
}

void Flow::finish_step(std::uint32_t slot)
{
  // Cancellation takes effect at a step boundary: the step that was running when the flow was deleted has no effect.
  if (cancels_runs()) {
    ++world_.recorder().flows[index_].cancelled;
    if (runs_[slot].wanted)
      ++world_.recorder().wanted_not_sent;
    end_run(slot);
    return;
  }
  const StepSpec& step = spec_.steps[runs_[slot].next_step];
  const Outcome outcome = draw_outcome(step);
  if (outcome == Outcome::failure) {
    retry_or_fail(slot);
    return;
  }
  const bool timed_out = outcome == Outcome::timeout_after_commit;
  if (step.kind == StepSpec::Kind::write_list_item) {
    world_.list(static_cast<std::uint32_t>(step.target)).write(runs_[slot].delivery, index_);
    end_attempt(slot, timed_out);
    return;
  }
  send_messages(slot, timed_out);
}

void Flow::send_messages(std::uint32_t slot, bool timed_out)
{
  const std::uint32_t step_index = runs_[slot].next_step;
  const StepSpec& step = spec_.steps[step_index];
  const auto& members = group_members_[step_index];
  const auto count = static_cast<std::uint32_t>(step.group ? members.size() : 1);
  Run& run = runs_[slot];
  run.pending_sends = count;
  run.sent = 0;
  run.timed_out = timed_out;
  run.invalid_address = step.group && step.group->invalid_members > 0;
  if (count == 0) {
    end_send_attempt(slot);
    return;
  }
  // The guards may forward or drop a message at once, and the last of these calls ends the attempt, so nothing
  // below may touch the run after the last message is handed over.
  const std::uint32_t person = world_.source(run.delivery.source).events()[run.delivery.event].recipient;
  for (std::uint32_t i = 0; i < count; ++i) {
    const Email email = step.group ? make_email(slot, members[i], i) : make_email(slot, person, std::nullopt);
    world_.guards().at_flow_step(slot, email);
  }
}

Email Flow::make_email(std::uint32_t slot, std::uint32_t recipient, std::optional<std::uint32_t> member)
{
  const Run& run = runs_[slot];
  bool first;
  if (member) {
    first = member_emails_.insert(MemberEmail{run.next_step, run.delivery.source, run.delivery.event, *member}).second;
  } else {
    Delivery key = run.delivery;
    key.source = static_cast<std::uint32_t>(run.next_step * world_.source_count() + run.delivery.source);
    first = is_first(emails_per_event_, key);
  }
  Email email;
  email.flow = index_;
  email.step = run.next_step;
  email.mailbox = static_cast<std::uint32_t>(spec_.steps[run.next_step].target);
  email.recipient = recipient;
  email.delivery = run.delivery;
  // Wanted: the first email for (flow, step, event, recipient) of a wanted run.
  email.wanted = run.wanted && first;
  email.submitted_at = world_.queue().now();
  return email;
}

void Flow::send_admitted(std::uint32_t run_slot, const Email& email)
{
  world_.recorder().on_submitted(timeline_row_, world_.queue().now());
  world_.mailbox(email.mailbox).submit(email);
  ++runs_[run_slot].sent;
  if (--runs_[run_slot].pending_sends == 0)
    end_send_attempt(run_slot);
}

void Flow::skip_send(std::uint32_t run_slot)
{
  if (--runs_[run_slot].pending_sends == 0)
    end_send_attempt(run_slot);
}

void Flow::end_send_attempt(std::uint32_t slot)
{
  // A dropped message never reached the send call, so it cannot time out: an attempt whose messages were all dropped
  // succeeds unless its group has an invalid address.
  const Run& run = runs_[slot];
  end_attempt(slot, run.invalid_address || (run.timed_out && run.sent > 0));
}

void Flow::end_attempt(std::uint32_t slot, bool failed)
{
  if (failed) {
    retry_or_fail(slot);
    return;
  }
  Run& run = runs_[slot];
  ++run.next_step;
  run.retries = 0;
  schedule_step(slot);
}

void Flow::retry_or_fail(std::uint32_t slot)
{
  Run& run = runs_[slot];
  const StepSpec& step = spec_.steps[run.next_step];
  auto& counters = world_.recorder().flows[index_];
  if (static_cast<int>(run.retries) >= step.retry.count) {
    ++counters.failed;
    end_run(slot);
    return;
  }
  ++run.retries;
  ++counters.retries;
  auto& queue = world_.queue();
  const double wait = retry_interval(step.retry, static_cast<int>(run.retries));
  queue.schedule(queue.now() + wait + step.latency.sample(rng_), on_step_done, this, slot);
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
      if (is_wanted_trigger(next))
        ++world_.recorder().wanted_not_sent;
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
    for (const Delivery& delivery : waiting_)
      if (is_wanted_trigger(delivery))
        ++world_.recorder().wanted_not_sent;
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
