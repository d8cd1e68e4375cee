// Tests of DedupStore: LRU eviction at capacity, TTL expiry, clear() and agreement with a simple reference model.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

#include "sim/guards/DedupStore.hpp"

using stormsim::guards::DedupStore;

namespace {

constexpr double kNoExpiry = std::numeric_limits<double>::infinity();

// Reference model: a vector of (key, last sighting) ordered from least to most recently seen, searched linearly.
class ReferenceDedup {
public:
  ReferenceDedup(std::size_t capacity, double ttl_s) : capacity_(capacity), ttl_s_(ttl_s) {}

  bool seen_before(std::uint64_t key, double now) {
    bool seen = false;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      if (entries_[i].key == key) {
        seen = now < entries_[i].last_seen + ttl_s_;
        entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(i));
        break;
      }
    }
    if (entries_.size() == capacity_) {
      entries_.erase(entries_.begin());
    }
    entries_.push_back({key, now});
    return seen;
  }

private:
  struct Entry {
    std::uint64_t key;
    double last_seen;
  };

  std::size_t capacity_;
  double ttl_s_;
  std::vector<Entry> entries_;
};

} // namespace

TEST_CASE("dedup store reports second sighting", "[guards]") {
  DedupStore store(10, kNoExpiry);
  CHECK_FALSE(store.seen_before(42, 0.0));
  CHECK(store.seen_before(42, 1.0));
  CHECK(store.seen_before(42, 2.0));
  CHECK_FALSE(store.seen_before(43, 2.0));
  CHECK(store.size() == 2);
}

TEST_CASE("dedup store keeps key through capacity minus one", "[guards]") {
  // Capacity 3: after key 1, two more distinct keys (capacity - 1) fill the store, and key 1 is still there.
  DedupStore store(3, kNoExpiry);
  CHECK_FALSE(store.seen_before(1, 0.0));
  CHECK_FALSE(store.seen_before(2, 1.0));
  CHECK_FALSE(store.seen_before(3, 2.0));
  CHECK(store.contains(1, 3.0));
  CHECK(store.seen_before(1, 3.0));
  CHECK(store.evictions() == 0);
}

TEST_CASE("dedup store forgets key after capacity others", "[guards]") {
  // Capacity 3: after key 1, three more distinct keys (capacity) are recorded, and the third evicts key 1.
  DedupStore store(3, kNoExpiry);
  CHECK_FALSE(store.seen_before(1, 0.0));
  CHECK_FALSE(store.seen_before(2, 1.0));
  CHECK_FALSE(store.seen_before(3, 2.0));
  CHECK_FALSE(store.seen_before(4, 3.0));
  CHECK_FALSE(store.contains(1, 4.0));
  CHECK(store.contains(2, 4.0));
  CHECK(store.evictions() == 1);

  // Key 1 is recorded again as new, which evicts key 2, the least recently seen.
  CHECK_FALSE(store.seen_before(1, 4.0));
  CHECK_FALSE(store.contains(2, 4.0));
  CHECK(store.size() == 3);
}

TEST_CASE("dedup store eviction is least recently seen", "[guards]") {
  // Capacity 3: keys 1, 2, 3, then key 1 again. Key 4 now evicts key 2, not key 1.
  DedupStore store(3, kNoExpiry);
  CHECK_FALSE(store.seen_before(1, 0.0));
  CHECK_FALSE(store.seen_before(2, 0.0));
  CHECK_FALSE(store.seen_before(3, 0.0));
  CHECK(store.seen_before(1, 0.0));
  CHECK_FALSE(store.seen_before(4, 0.0));
  CHECK(store.contains(1, 0.0));
  CHECK_FALSE(store.contains(2, 0.0));
  CHECK(store.contains(3, 0.0));
  CHECK(store.contains(4, 0.0));
}

TEST_CASE("dedup store capacity one keeps last key", "[guards]") {
  DedupStore store(1, kNoExpiry);
  CHECK_FALSE(store.seen_before(1, 0.0));
  CHECK(store.seen_before(1, 0.0));
  CHECK_FALSE(store.seen_before(2, 0.0));
  CHECK_FALSE(store.seen_before(1, 0.0));
}

TEST_CASE("dedup store expires key at ttl", "[guards]") {
  // TTL 10 s: a sighting at 0 s covers [0, 10).
  DedupStore store(10, 10.0);
  CHECK_FALSE(store.seen_before(7, 0.0));
  CHECK(store.contains(7, 9.999));
  CHECK_FALSE(store.contains(7, 10.0));

  // The expired key counts as unseen and is recorded again, so it is seen until 20 s.
  CHECK_FALSE(store.seen_before(7, 10.0));
  CHECK(store.seen_before(7, 15.0));
  CHECK(store.size() == 1);
}

TEST_CASE("dedup store sighting restarts ttl", "[guards]") {
  // TTL 10 s and a sighting every 6 s: each sighting is within 10 s of the previous one.
  DedupStore store(10, 10.0);
  CHECK_FALSE(store.seen_before(7, 0.0));
  for (int i = 1; i <= 10; ++i) {
    CHECK(store.seen_before(7, 6.0 * i));
  }
}

TEST_CASE("dedup store clear forgets all keys", "[guards]") {
  DedupStore store(10, kNoExpiry);
  CHECK_FALSE(store.seen_before(1, 0.0));
  CHECK_FALSE(store.seen_before(2, 0.0));
  store.clear();
  CHECK(store.size() == 0);
  CHECK_FALSE(store.contains(1, 1.0));
  CHECK_FALSE(store.seen_before(1, 1.0));
  CHECK(store.seen_before(1, 1.0));
}

TEST_CASE("dedup store matches reference model", "[guards]") {
  // Keys from a small range so that hits, evictions and expiries all occur. Times advance by 0 to 3 s with a TTL of
  // 50 s.
  std::mt19937_64 engine(99);
  DedupStore store(16, 50.0);
  ReferenceDedup reference(16, 50.0);
  double now = 0.0;
  std::size_t hits = 0;
  for (int i = 0; i < 20000; ++i) {
    now += static_cast<double>(engine() % 4);
    const std::uint64_t key = engine() % 40;
    const bool expected = reference.seen_before(key, now);
    REQUIRE(store.seen_before(key, now) == expected);
    hits += expected ? 1 : 0;
  }
  CHECK(hits > 1000);
  CHECK(store.evictions() > 1000);
}

TEST_CASE("dedup store rejects invalid parameters", "[guards]") {
  CHECK_THROWS_AS(DedupStore(0, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(DedupStore(1, 0.0), std::invalid_argument);
  CHECK_THROWS_WITH(DedupStore(0, 1.0), "DedupStore capacity must be at least 1, got 0");
}
