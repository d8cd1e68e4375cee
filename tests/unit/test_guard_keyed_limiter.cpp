// Tests of KeyedLimiter: one limiter per key created from a prototype, and LRU eviction of keys.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "sim/guards/FixedWindow.hpp"
#include "sim/guards/KeyedLimiter.hpp"
#include "sim/guards/SlidingWindowCounter.hpp"
#include "sim/guards/TokenBucket.hpp"

using stormsim::guards::FixedWindow;
using stormsim::guards::KeyedLimiter;
using stormsim::guards::SlidingWindowCounter;
using stormsim::guards::TokenBucket;

TEST_CASE("keyed limiter keeps one bucket per key", "[guards]") {
  // Each key gets a bucket of 2 tokens refilled at 1/s.
  KeyedLimiter<TokenBucket> limiter(TokenBucket(1.0, 2));
  CHECK(limiter.try_admit(10, 0.0));
  CHECK(limiter.try_admit(10, 0.0));
  CHECK_FALSE(limiter.try_admit(10, 0.0));
  CHECK(limiter.try_admit(20, 0.0));
  CHECK(limiter.key_count() == 2);
  CHECK(limiter.admitted() == 3);
  CHECK(limiter.rejected() == 1);
  CHECK(limiter.next_admission_time(10, 0.5) <= 1.0);
  CHECK(limiter.next_admission_time(10, 0.5) > 0.99);
}

TEST_CASE("keyed limiter new key starts from prototype", "[guards]") {
  // A key first seen at 100 s starts with a full bucket, like every other key.
  KeyedLimiter<TokenBucket> limiter(TokenBucket(1.0, 3));
  CHECK(limiter.try_admit(1, 0.0));
  CHECK(limiter.next_admission_time(2, 100.0) == 100.0);
  CHECK(limiter.try_admit(2, 100.0));
  CHECK(limiter.try_admit(2, 100.0));
  CHECK(limiter.try_admit(2, 100.0));
  CHECK_FALSE(limiter.try_admit(2, 100.0));
  REQUIRE(limiter.find(2) != nullptr);
  CHECK(limiter.find(2)->admitted() == 3);
  CHECK(limiter.find(3) == nullptr);
}

TEST_CASE("keyed limiter evicts least recent key", "[guards]") {
  // Room for 2 keys. Key 1 is requested after key 2, so key 3 evicts key 2. next_admission_time() does not count as
  // a request.
  KeyedLimiter<FixedWindow> limiter(FixedWindow(1, 10.0), 2);
  CHECK(limiter.try_admit(1, 0.0));
  CHECK(limiter.try_admit(2, 0.0));
  CHECK_FALSE(limiter.try_admit(1, 0.0));
  CHECK(limiter.next_admission_time(2, 0.0) == 10.0);
  CHECK(limiter.try_admit(3, 0.0));

  CHECK(limiter.find(1) != nullptr);
  CHECK(limiter.find(2) == nullptr);
  CHECK(limiter.find(3) != nullptr);
  CHECK(limiter.evictions() == 1);
  CHECK(limiter.max_keys() == 2);
}

TEST_CASE("keyed limiter reuses evicted entries", "[guards]") {
  // 1000 keys through a table of 4: every key after the 4th evicts one, and each new key starts from the prototype.
  KeyedLimiter<SlidingWindowCounter> limiter(SlidingWindowCounter(1, 1.0), 4);
  for (std::uint64_t key = 0; key < 1000; ++key) {
    CHECK(limiter.try_admit(key, 0.5));
    CHECK_FALSE(limiter.try_admit(key, 0.5));
  }
  CHECK(limiter.key_count() == 4);
  CHECK(limiter.evictions() == 996);
}

TEST_CASE("keyed limiter rejects zero max keys", "[guards]") {
  CHECK_THROWS_WITH(KeyedLimiter<TokenBucket>(TokenBucket(1.0, 1), 0),
                    "KeyedLimiter max_keys must be at least 1, got 0");
}
