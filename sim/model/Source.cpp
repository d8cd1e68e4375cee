#include "model/Source.hpp"

#include "model/World.hpp"

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
  schedule_next(0);
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
    queue.schedule(queue.now() + rng_.exponential(1.0 / arrivals.rate_per_s), on_arrival, this, schedule_index);
  else if (arrivals.kind == ArrivalSpec::Kind::schedule && schedule_index < arrivals.times.size())
    queue.schedule(arrivals.times[schedule_index], on_arrival, this, schedule_index);
}

void Source::on_arrival(void* self, std::uint64_t schedule_index)
{
  static_cast<Source*>(self)->arrive(schedule_index);
}

void Source::arrive(std::uint64_t schedule_index)
{
  const std::uint32_t event = add_event(true, world_.queue().now());
  ++world_.recorder().real_events;
  for (std::uint32_t connector : connectors_)
    world_.connector(connector).deliver(Delivery{index_, event, Origin::real});
  schedule_next(schedule_index + 1);
}

} // namespace stormsim
