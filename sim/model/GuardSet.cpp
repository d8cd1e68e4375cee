#include "model/GuardSet.hpp"

#include "core/Random.hpp"
#include "model/World.hpp"

#include <algorithm>
#include <limits>

namespace stormsim {

namespace {

// A capacity of 0 in the scenario means unbounded: the store then grows with the distinct keys it sees.
std::size_t store_capacity(const GuardSpec& spec)
{
  return spec.capacity == 0 ? std::numeric_limits<std::size_t>::max() : spec.capacity;
}

// A TTL of 0 in the scenario means that keys never expire.
double store_ttl(const GuardSpec& spec)
{
  return spec.ttl == 0 ? std::numeric_limits<double>::infinity() : spec.ttl;
}

} // namespace

GuardSet::GuardSet(World& world, const std::vector<GuardSpec>& specs) : world_(world)
{
  for (const auto& spec : specs) {
    const std::size_t blocker = world.recorder().add_blocker("guard/" + spec.id);
    blockers_.emplace_back(spec.id, blocker);
    if (spec.kind == GuardSpec::Kind::dedup) {
      const std::size_t count = spec.shared ? 1 : world.flow_count();
      dedups_.push_back(Dedup{&spec, blocker, {}});
      for (std::size_t i = 0; i < count; ++i)
        dedups_.back().stores.emplace_back(store_capacity(spec), store_ttl(spec));
    } else {
      const std::size_t count = world.mailbox_count();
      thresholds_.push_back(Threshold{&spec, blocker, {}, std::vector<bool>(count, false),
                                      std::vector<double>(count, -std::numeric_limits<double>::infinity())});
      for (std::size_t i = 0; i < count; ++i)
        thresholds_.back().windows.emplace_back(static_cast<std::size_t>(spec.limit), spec.window);
    }
  }
}

std::size_t GuardSet::blocker_of(const std::string& guard_id) const
{
  for (const auto& [id, blocker] : blockers_)
    if (id == guard_id)
      return blocker;
  return 0;
}

bool GuardSet::applies(const std::vector<std::size_t>& scope, std::size_t index)
{
  return scope.empty() || std::find(scope.begin(), scope.end(), index) != scope.end();
}

bool GuardSet::admit_trigger(std::uint32_t flow, const Delivery& delivery, double now)
{
  for (auto& guard : dedups_)
    if (applies(guard.spec->flows, flow) && !check_dedup(guard, flow, delivery, now))
      return false;
  return true;
}

bool GuardSet::check_dedup(Dedup& guard, std::uint32_t flow, const Delivery& delivery, double now)
{
  auto& store = guard.stores[guard.spec->shared ? 0 : flow];
  // The registration id: the source and the event's index in it.
  const std::uint64_t key = (static_cast<std::uint64_t>(delivery.source) << 32) | delivery.event;
  auto& counters = world_.recorder().blockers[guard.blocker];
  if (!store.seen_before(key, now)) {
    ++counters.passed;
    return true;
  }
  ++counters.blocked;
  const auto& event = world_.source(delivery.source).events()[delivery.event];
  if (event.real && delivery.origin == Origin::real && !world_.flow(flow).has_run(delivery)) {
    ++counters.wanted_blocked;
    ++world_.recorder().wanted_blocked;
  }
  return false;
}

std::optional<std::size_t> GuardSet::block_send(const Email& email, double now)
{
  for (auto& guard : thresholds_)
    if (applies(guard.spec->mailboxes, email.mailbox) && !check_threshold(guard, email, now))
      return guard.blocker;
  return std::nullopt;
}

bool GuardSet::check_threshold(Threshold& guard, const Email& email, double now)
{
  if (guard.blocking[email.mailbox])
    return false;
  auto& counters = world_.recorder().blockers[guard.blocker];
  if (guard.windows[email.mailbox].try_admit(now)) {
    ++counters.passed;
    return true;
  }
  trip(guard, email.mailbox, now);
  if (guard.blocking[email.mailbox])
    return false;
  ++counters.passed;
  return true;
}

void GuardSet::trip(Threshold& guard, std::uint32_t mailbox, double now)
{
  // An alert-only threshold keeps counting, so it can exceed its limit again and again: a new trip is recorded only
  // once a whole window has passed since the last one.
  if (now - guard.last_trip[mailbox] < guard.spec->window)
    return;
  guard.last_trip[mailbox] = now;
  world_.recorder().blockers[guard.blocker].trips.push_back(now);
  world_.recorder().note_detection(now);
  for (auto action : guard.spec->actions) {
    if (action == GuardSpec::Action::block_mailbox)
      guard.blocking[mailbox] = true;
    else
      world_.raise_alert(now);
  }
}

} // namespace stormsim
