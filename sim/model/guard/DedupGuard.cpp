#include "model/guard/DedupGuard.hpp"

#include <limits>

namespace stormsim {

DedupGuard::DedupGuard(World& world, const GuardSpec& spec, std::size_t blocker, std::size_t flow_count)
    : Guard(world, spec, blocker)
{
  // In the scenario, 0 means unbounded capacity and a TTL of 0 means keys never expire.
  const std::size_t capacity = spec.capacity == 0 ? std::numeric_limits<std::size_t>::max() : spec.capacity;
  const double ttl = spec.ttl == 0 ? std::numeric_limits<double>::infinity() : spec.ttl;
  const std::size_t count = spec.shared || flow_count == 0 ? 1 : flow_count;
  stores_.reserve(count);
  for (std::size_t i = 0; i < count; ++i)
    stores_.emplace_back(capacity, ttl);
}

Decision DedupGuard::check(const Email& item, double now)
{
  const bool per_flow = stores_.size() > 1 && item.flow != no_index;
  auto& store = stores_[per_flow ? item.flow : 0];
  if (store.seen_before(key_of(item), now))
    return Decision{Verdict::block, 0, "duplicate key"};
  return Decision{};
}

void DedupGuard::reset(double)
{
  for (auto& store : stores_)
    store.clear();
}

} // namespace stormsim
