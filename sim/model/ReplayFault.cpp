#include "model/ReplayFault.hpp"

#include "model/World.hpp"

#include <algorithm>

namespace stormsim {

ReplayFault::ReplayFault(World& world, const FaultSpec& spec) : world_(world), spec_(spec) {}

void ReplayFault::start()
{
  world_.queue().schedule(spec_.at, on_begin, this, 0);
}

void ReplayFault::on_begin(void* self, std::uint64_t)
{
  static_cast<ReplayFault*>(self)->begin();
}

void ReplayFault::begin()
{
  const Connector& connector = world_.connector(static_cast<std::uint32_t>(spec_.connector));
  const auto& events = world_.source(static_cast<std::uint32_t>(connector.spec().source)).events();
  end_ = static_cast<std::uint32_t>(events.size());
  first_ = 0;
  if (spec_.last)
    first_ = end_ - std::min<std::uint32_t>(end_, static_cast<std::uint32_t>(*spec_.last));
  if (first_ < end_)
    emit(0);
}

void ReplayFault::on_emit(void* self, std::uint64_t position)
{
  static_cast<ReplayFault*>(self)->emit(position);
}

void ReplayFault::emit(std::uint64_t position)
{
  const std::uint64_t length = end_ - first_;
  if (!spec_.loop && position >= length)
    return;
  auto& queue = world_.queue();
  if (spec_.until && queue.now() >= *spec_.until)
    return;
  auto& connector = world_.connector(static_cast<std::uint32_t>(spec_.connector));
  const auto event = static_cast<std::uint32_t>(first_ + position % length);
  ++world_.recorder().replayed_events;
  connector.deliver(Delivery{static_cast<std::uint32_t>(connector.spec().source), event, Origin::replay});
  // Dates are computed from the start, not accumulated, so rounding does not drift over millions of emissions.
  const double next = spec_.at + static_cast<double>(position + 1) / spec_.rate_per_s;
  queue.schedule(next, on_emit, this, position + 1);
}

} // namespace stormsim
