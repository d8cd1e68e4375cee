// Store of recently seen message keys, the idempotency check that stops an automation from acting twice on the
// same message.
#pragma once

#include <cstddef>
#include <cstdint>

#include "sim/guards/LruTable.hpp"
#include "sim/guards/MonotonicTime.hpp"

namespace stormsim::guards {

// Remembers the last sighting time of up to `capacity` keys. A key counts as seen while now < last sighting + ttl_s,
// and every sighting restarts its TTL. When the store is full, recording a new key evicts the least recently seen
// one, so a key is forgotten once `capacity` other distinct keys were recorded after its last sighting.
// seen_before() and contains() are O(1). The entry vector and hash buckets for `capacity` keys are reserved on
// construction. Hash nodes are allocated while the store fills up and are reused after evictions.
class DedupStore {
public:
  // Throws std::invalid_argument unless capacity >= 1 and ttl_s > 0. ttl_s may be +infinity.
  DedupStore(std::size_t capacity, double ttl_s);

  // Records a sighting of `key` at `now` (s) and returns whether the key was already seen within its TTL.
  // An expired or evicted key returns false and is recorded again.
  bool seen_before(std::uint64_t key, double now);

  // Returns whether `key` counts as seen at `now` (s), without recording a sighting.
  bool contains(std::uint64_t key, double now) const;

  // Forgets every key, as a restart of a service without persistent storage does.
  void clear() { last_seen_s_.clear(); }

  std::size_t size() const { return last_seen_s_.size(); }
  std::size_t capacity() const { return last_seen_s_.capacity(); }
  std::size_t evictions() const { return last_seen_s_.evictions(); }
  double ttl_s() const { return ttl_s_; }

private:
  // Entries reserved up front. A store with a larger capacity grows as keys arrive, so an unbounded store
  // (capacity SIZE_MAX) costs memory only for the keys it contains.
  static constexpr std::size_t initial_reservation = 4096;

  // Last sighting time (s) per key. Sightings happen in time order, so the least recently used entry is also the
  // one with the oldest sighting.
  LruTable<double> last_seen_s_;
  double ttl_s_;
  MonotonicTime time_;
};

} // namespace stormsim::guards
