#include "model/GuardSet.hpp"

#include "model/World.hpp"
#include "model/guard/BreakerGuard.hpp"
#include "model/guard/DedupGuard.hpp"
#include "model/guard/FloodHoldGuard.hpp"
#include "model/guard/RateLimitGuard.hpp"

namespace stormsim {
namespace {

std::unique_ptr<Guard> make_guard(World& world, const GuardSpec& spec, std::size_t blocker)
{
  switch (spec.kind) {
    case GuardSpec::Kind::dedup:
      return std::make_unique<DedupGuard>(world, spec, blocker, world.flow_count());
    case GuardSpec::Kind::rate_limit:
    case GuardSpec::Kind::recipient_cap:
      return std::make_unique<RateLimitGuard>(world, spec, blocker);
    case GuardSpec::Kind::breaker:
      return std::make_unique<BreakerGuard>(world, spec, blocker);
    case GuardSpec::Kind::flood_hold:
      break;
  }
  return std::make_unique<FloodHoldGuard>(world, spec, blocker);
}

bool is_trigger(const Email& item)
{
  return item.step == no_index;
}

} // namespace

GuardSet::GuardSet(World& world, const std::vector<GuardSpec>& specs) : world_(world)
{
  for (const auto& spec : specs) {
    const std::size_t blocker = world.recorder().add_blocker("guard/" + spec.id);
    chains_[static_cast<std::size_t>(spec.point)].push_back(guards_.size());
    guards_.push_back(make_guard(world, spec, blocker));
    if (spec.kind == GuardSpec::Kind::breaker && spec.breaker.condition == BreakerSpec::Condition::failure_ratio)
      outcome_breakers_.push_back(static_cast<BreakerGuard*>(guards_.back().get()));
  }
  held_.resize(guards_.size());
  releasing_.resize(guards_.size(), 0);
}

Email GuardSet::trigger_item(std::uint32_t flow, const Delivery& delivery) const
{
  const auto& event = world_.source(delivery.source).events()[delivery.event];
  Email item;
  item.flow = flow;
  item.step = no_index;
  item.mailbox = no_index;
  item.recipient = event.recipient;
  item.delivery = delivery;
  // At the connector no flow is known yet: a real event's delivery counts as wanted unless every flow it
  // triggers has already run for it.
  item.wanted = flow == no_index ? event.real && !world_.any_flow_ran(delivery)
                                 : world_.flow(flow).is_wanted_trigger(delivery);
  item.submitted_at = world_.queue().now();
  return item;
}

void GuardSet::at_connector(std::uint32_t connector, const Delivery& delivery)
{
  evaluate(Item{GuardPoint::connector, connector, trigger_item(no_index, delivery)}, 0);
}

void GuardSet::at_flow_trigger(std::uint32_t flow, const Delivery& delivery)
{
  evaluate(Item{GuardPoint::flow_trigger, flow, trigger_item(flow, delivery)}, 0);
}

void GuardSet::at_flow_step(std::uint32_t run_slot, const Email& email)
{
  evaluate(Item{GuardPoint::flow_step, run_slot, email}, 0);
}

void GuardSet::at_mailbox(const Email& email)
{
  evaluate(Item{GuardPoint::mailbox, 0, email}, 0);
}

void GuardSet::at_transport(const Email& email)
{
  evaluate(Item{GuardPoint::transport, 0, email}, 0);
}

void GuardSet::at_recipient(const Email& email)
{
  evaluate(Item{GuardPoint::recipient, 0, email}, 0);
}

void GuardSet::evaluate(Item item, std::size_t position)
{
  const auto& chain = chains_[static_cast<std::size_t>(item.point)];
  const double now = world_.queue().now();
  for (; position < chain.size(); ++position) {
    const std::size_t index = chain[position];
    Guard& guard = *guards_[index];
    if (!guard.in_scope(item.email))
      continue;
    const Decision decision = guard.check(item.email, now);
    auto& counters = world_.recorder().blockers[guard.blocker()];
    switch (decision.verdict) {
      case Verdict::pass:
        passed(item, guard);
        continue;
      case Verdict::block:
        block(item, guard, decision.reason);
        return;
      case Verdict::delay:
        ++counters.delayed;
        world_.recorder().trace(now, guard.spec().id, "delay", decision.reason, item.email);
        park(item, position, decision.until);
        return;
      case Verdict::hold:
        ++counters.held;
        world_.recorder().trace(now, guard.spec().id, "hold", decision.reason, item.email);
        if (item.stopped_at < 0)
          item.stopped_at = now;
        held_[index].push_back(Parked{item, position});
        return;
    }
  }
  forward(item);
}

void GuardSet::passed(Item& item, const Guard& guard)
{
  auto& counters = world_.recorder().blockers[guard.blocker()];
  ++counters.passed;
  if (item.stopped_at >= 0 && item.email.wanted)
    counters.add_wanted_delay(world_.queue().now() - item.stopped_at);
  item.stopped_at = -1;
}

void GuardSet::forward(const Item& item)
{
  switch (item.point) {
    case GuardPoint::connector:
      world_.connector(item.owner).fan_out(item.email.delivery);
      break;
    case GuardPoint::flow_trigger:
      world_.flow(item.owner).admit(item.email.delivery);
      break;
    case GuardPoint::flow_step:
      world_.flow(item.email.flow).send_admitted(item.owner, item.email);
      break;
    case GuardPoint::mailbox:
      world_.mailbox(item.email.mailbox).enqueue(item.email);
      break;
    case GuardPoint::transport:
      world_.mailbox(item.email.mailbox).after_transport(item.email);
      break;
    case GuardPoint::recipient:
      world_.mailbox(item.email.mailbox).deliver(item.email);
      break;
  }
}

void GuardSet::block(const Item& item, const Guard& guard, const char* reason)
{
  auto& recorder = world_.recorder();
  recorder.trace(world_.queue().now(), guard.spec().id, "block", reason, item.email);
  if (is_trigger(item.email)) {
    recorder.on_trigger_blocked(item.email, guard.blocker());
    return;
  }
  recorder.on_blocked(item.email, guard.blocker(), world_.timeline_row_of_mailbox(item.email.mailbox),
                      world_.queue().now());
  if (item.point == GuardPoint::flow_step)
    world_.flow(item.email.flow).skip_send(item.owner);
}

void GuardSet::park(Item item, std::size_t position, double until)
{
  if (item.stopped_at < 0)
    item.stopped_at = world_.queue().now();
  std::uint64_t slot;
  if (free_parking_.empty()) {
    slot = parking_.size();
    parking_.push_back(Parked{item, position});
  } else {
    slot = free_parking_.back();
    free_parking_.pop_back();
    parking_[slot] = Parked{item, position};
  }
  world_.queue().schedule(std::max(until, world_.queue().now()), on_unpark, this, slot);
}

void GuardSet::on_unpark(void* self, std::uint64_t slot)
{
  auto* set = static_cast<GuardSet*>(self);
  const Parked parked = set->parking_[slot];
  set->parking_[slot].in_use = false;
  set->free_parking_.push_back(slot);
  set->evaluate(parked.item, parked.position);
}

void GuardSet::release_held(std::size_t guard)
{
  guards_[guard]->reset(world_.queue().now());
  // Approved items leave one by one at the guard's release rate, the way an automation service replays a held batch.
  releasing_[guard] = held_[guard].size();
  if (releasing_[guard] > 0)
    world_.queue().schedule(world_.queue().now(), on_release, this, guard);
}

void GuardSet::on_release(void* self, std::uint64_t guard)
{
  auto* set = static_cast<GuardSet*>(self);
  auto& held = set->held_[guard];
  if (set->releasing_[guard] == 0 || held.empty())
    return;
  --set->releasing_[guard];
  Parked parked = held.front();
  held.pop_front();
  Guard& holder = *set->guards_[guard];
  set->passed(parked.item, holder);
  set->evaluate(parked.item, parked.position + 1);
  if (set->releasing_[guard] > 0) {
    const double gap = 1.0 / holder.spec().release_rate_per_s;
    set->world_.queue().schedule(set->world_.queue().now() + gap, on_release, self, guard);
  }
}

void GuardSet::discard_held(std::size_t guard)
{
  guards_[guard]->reset(world_.queue().now());
  releasing_[guard] = 0;
  auto& held = held_[guard];
  while (!held.empty()) {
    block(held.front().item, *guards_[guard], "discarded by the operator");
    held.pop_front();
  }
}

GuardSet::Waiting GuardSet::waiting() const
{
  Waiting result;
  const auto count = [&result](const Parked& parked) {
    const Email& item = parked.item.email;
    const bool trigger = is_trigger(item);
    (trigger ? result.triggers : result.emails) += 1;
    if (item.wanted)
      (trigger ? result.wanted_triggers : result.wanted_emails) += 1;
  };
  for (const auto& parked : parking_)
    if (parked.in_use)
      count(parked);
  for (const auto& held : held_)
    for (const auto& parked : held)
      count(parked);
  return result;
}

void GuardSet::report_outcome(const Email& email, bool failed)
{
  for (BreakerGuard* breaker : outcome_breakers_)
    if (breaker->in_scope(email))
      breaker->record_outcome(world_.queue().now(), failed);
}

void GuardSet::reset(std::size_t guard)
{
  guards_[guard]->reset(world_.queue().now());
}

} // namespace stormsim
