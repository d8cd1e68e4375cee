#include "model/Source.hpp"

#include "model/ListStore.hpp"
#include "model/World.hpp"

#include <limits>

namespace stormsim {

Source::Source(World& world, const SourceSpec& spec, std::uint32_t index)
    : world_(world), spec_(spec), index_(index), rng_(world.seed(), "source/" + spec.id)
{
}

void Source::start()
{
  // History events are spaced a day apart before the start; only their order matters to a replay.
  for (int i = 0; i < spec_.history; ++i)
    add_event(false, -86400.0 * (spec_.history - i));
  for (int i = 0; i < spec_.pending; ++i)
    add_event(true, 0);
  world_.recorder().real_events += static_cast<std::uint64_t>(spec_.pending);
  schedule_next(0);
  if (spec_.every > 0)
    world_.queue().schedule(spec_.first_tick, on_tick, this, 0);
}

std::uint32_t Source::add_event(bool real, double created_at)
{
  const auto person = static_cast<std::uint32_t>(events_.size());
  const std::uint32_t recipient = world_.add_recipient(spec_.recipient_prefix, person);
  events_.push_back(SourceEvent{recipient, created_at, real});
  return static_cast<std::uint32_t>(events_.size() - 1);
}

void Source::schedule_next(std::uint64_t schedule_index)
{
  const auto& arrivals = spec_.arrivals;
  auto& queue = world_.queue();
  if (arrivals.kind == ArrivalSpec::Kind::poisson)
    queue.schedule(next_poisson_arrival(queue.now()), on_arrival, this, schedule_index);
  else if (arrivals.kind == ArrivalSpec::Kind::schedule && schedule_index < arrivals.times.size())
    queue.schedule(arrivals.times[schedule_index], on_arrival, this, schedule_index);
}

double Source::next_poisson_arrival(double now)
{
  // The rate is constant between surge boundaries. An exponential gap that would cross a boundary is redrawn from
  // the boundary with the new rate, which is exact because the exponential distribution is memoryless.
  const auto& arrivals = spec_.arrivals;
  double t = now;
  for (;;) {
    double rate = arrivals.rate_per_s;
    double boundary = std::numeric_limits<double>::infinity();
    for (const auto& surge : arrivals.surges) {
      if (t < surge.from) {
        boundary = surge.from;
        break;
      }
      if (t < surge.until) {
        rate *= surge.factor;
        boundary = surge.until;
        break;
      }
    }
    const double candidate = t + rng_.exponential(1.0 / rate);
    if (candidate < boundary)
      return candidate;
    t = boundary;
  }
}

void Source::on_arrival(void* self, std::uint64_t schedule_index)
{
  static_cast<Source*>(self)->arrive(schedule_index);
}

void Source::arrive(std::uint64_t schedule_index)
{
  const std::uint32_t event = add_event(true, world_.queue().now());
  ++world_.recorder().real_events;
  const Delivery delivery{index_, event, Origin::real};
  for (std::uint32_t list : lists_)
    world_.list(list).write(delivery, ListStore::person);
  // A scheduled source has no push: its new events wait for the next tick.
  if (spec_.every <= 0)
    for (std::uint32_t connector : connectors_)
      world_.connector(connector).deliver(delivery);
  schedule_next(schedule_index + 1);
}

void Source::add_mail_event(std::uint32_t reply_to, bool real)
{
  events_.push_back(SourceEvent{reply_to, world_.queue().now(), real});
  const Delivery delivery{index_, static_cast<std::uint32_t>(events_.size() - 1), real ? Origin::real : Origin::loop};
  for (std::uint32_t connector : connectors_)
    world_.connector(connector).deliver(delivery);
}

void Source::on_tick(void* self, std::uint64_t tick)
{
  static_cast<Source*>(self)->tick(tick);
}

void Source::tick(std::uint64_t tick)
{
  // A recurring flow that keeps no "already notified" marker finds every real event again on each tick. History
  // events predate the simulation and count as handled, so ticks skip them.
  const auto count = static_cast<std::uint32_t>(events_.size());
  for (std::uint32_t event = 0; event < count; ++event) {
    if (!events_[event].real)
      continue;
    ++world_.recorder().scheduled_events;
    for (std::uint32_t connector : connectors_)
      world_.connector(connector).deliver(Delivery{index_, event, Origin::schedule});
  }
  // Dates are computed from the first tick, not accumulated, so rounding does not drift over many ticks.
  world_.queue().schedule(spec_.first_tick + static_cast<double>(tick + 1) * spec_.every, on_tick, this, tick + 1);
}

} // namespace stormsim
