#include "model/PollingConnector.hpp"

#include "model/World.hpp"

#include <algorithm>
#include <limits>

namespace stormsim {
namespace {

std::size_t seen_capacity(const ConnectorSpec& spec)
{
  return spec.seen_capacity > 0 ? spec.seen_capacity : std::numeric_limits<std::size_t>::max();
}

} // namespace

PollingConnector::PollingConnector(World& world, Connector& connector)
    : world_(world), connector_(connector),
      seen_(seen_capacity(connector.spec()), std::numeric_limits<double>::infinity())
{
}

std::uint32_t PollingConnector::source_size() const
{
  return static_cast<std::uint32_t>(world_.source(static_cast<std::uint32_t>(connector_.spec().source)).events().size());
}

void PollingConnector::start()
{
  const std::uint32_t size = source_size();
  cursor_ = size;
  delivered_end_ = size;
  // A seen-id trigger records the ids of the items visible when it is switched on, so they do not trigger it.
  const auto batch = static_cast<std::uint32_t>(std::min<std::size_t>(connector_.spec().batch, size));
  for (std::uint32_t event = size - batch; event < size; ++event)
    seen_.seen_before(item_id(event), world_.queue().now());
  world_.queue().schedule(connector_.spec().poll_interval, on_poll, this, 1);
}

void PollingConnector::on_poll(void* self, std::uint64_t poll_number)
{
  static_cast<PollingConnector*>(self)->poll(poll_number);
}

void PollingConnector::poll(std::uint64_t poll_number)
{
  auto& recorder = world_.recorder();
  if (connector_.down()) {
    ++recorder.missed_polls;
  } else {
    ++recorder.polls;
    if (connector_.spec().poll_state == ConnectorSpec::PollState::cursor)
      poll_cursor();
    else
      poll_seen_ids();
  }
  // Poll dates are computed from the start, so they do not drift over many polls.
  const double next = static_cast<double>(poll_number + 1) * connector_.spec().poll_interval;
  world_.queue().schedule(next, on_poll, this, poll_number + 1);
}

void PollingConnector::poll_cursor()
{
  const std::uint64_t end = std::min<std::uint64_t>(source_size(), cursor_ + connector_.spec().batch);
  for (; cursor_ < end; ++cursor_)
    fetch(static_cast<std::uint32_t>(cursor_));
}

void PollingConnector::poll_seen_ids()
{
  const std::uint32_t size = source_size();
  const auto batch = static_cast<std::uint32_t>(std::min<std::size_t>(connector_.spec().batch, size));
  const double now = world_.queue().now();
  for (std::uint32_t event = size - batch; event < size; ++event)
    if (!seen_.seen_before(item_id(event), now))
      fetch(event);
}

void PollingConnector::fetch(std::uint32_t event)
{
  const bool again = event < delivered_end_;
  if (again)
    ++world_.recorder().redelivered_items;
  delivered_end_ = std::max<std::uint64_t>(delivered_end_, event + 1ULL);
  const auto source = static_cast<std::uint32_t>(connector_.spec().source);
  connector_.receive(Delivery{source, event, again ? Origin::redelivery : Origin::real});
}

void PollingConnector::reset_cursor(std::optional<int> last, std::optional<double> since)
{
  if (last) {
    cursor_ -= std::min<std::uint64_t>(cursor_, static_cast<std::uint64_t>(*last));
    return;
  }
  if (!since) {
    cursor_ = 0;
    return;
  }
  const auto& events = world_.source(static_cast<std::uint32_t>(connector_.spec().source)).events();
  const auto first = std::lower_bound(events.begin(), events.end(), *since,
                                      [](const SourceEvent& event, double time) { return event.created_at < time; });
  cursor_ = std::min<std::uint64_t>(cursor_, static_cast<std::uint64_t>(first - events.begin()));
}

} // namespace stormsim
