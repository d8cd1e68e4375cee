// Sighting and expiry logic of the deduplication store.
#include "sim/guards/DedupStore.hpp"

#include <algorithm>

#include "sim/guards/ConfigCheck.hpp"

namespace stormsim::guards {

DedupStore::DedupStore(std::size_t capacity, double ttl_s)
    : last_seen_s_(capacity, std::min<std::size_t>(capacity, initial_reservation), "DedupStore capacity"),
      ttl_s_(ttl_s) {
  require_parameter(ttl_s > 0.0, "DedupStore ttl_s", ttl_s, "greater than 0");
}

bool DedupStore::seen_before(std::uint64_t key, double now) {
  time_.advance(now);

  double* last_seen = last_seen_s_.find_and_touch(key);
  if (last_seen == nullptr) {
    last_seen_s_.insert(key, now);
    return false;
  }

  const bool within_ttl = now < *last_seen + ttl_s_;
  *last_seen = now;
  return within_ttl;
}

bool DedupStore::contains(std::uint64_t key, double now) const {
  time_.check(now);
  const double* last_seen = last_seen_s_.find(key);
  return last_seen != nullptr && now < *last_seen + ttl_s_;
}

} // namespace stormsim::guards
