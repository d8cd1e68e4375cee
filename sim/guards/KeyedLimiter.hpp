// One rate limiter per key, for quotas that apply per recipient, per sender or per flow.
#pragma once

#include <cstddef>
#include <cstdint>

#include "sim/guards/LruTable.hpp"
#include "sim/guards/MonotonicTime.hpp"

namespace stormsim::guards {

// Keeps a separate copy of `Limiter` for each key, created from a prototype on the key's first request. `Limiter`
// must be copyable and provide bool try_admit(double) and double next_admission_time(double) const, as TokenBucket,
// SlidingWindowLog, SlidingWindowCounter and FixedWindow do.
//
// With max_keys set, the least recently requested key is evicted when a new key arrives at a full table. An evicted
// key restarts from the prototype, which discards its recent admissions and can let it exceed its limit. evictions()
// counts these events.
template <typename Limiter> class KeyedLimiter {
public:
  static constexpr std::size_t kUnbounded = LruTable<Limiter>::kUnbounded;

  // `prototype` is the state of every new key, so pass a newly constructed limiter. Storage for
  // min(max_keys, expected_keys) keys is reserved up front. Throws std::invalid_argument unless max_keys >= 1.
  explicit KeyedLimiter(const Limiter& prototype, std::size_t max_keys = kUnbounded, std::size_t expected_keys = 0)
      : prototype_(prototype), limiters_(max_keys, expected_keys, "KeyedLimiter max_keys") {}

  // Applies the limiter of `key` to a request at `now` (s) and returns whether it was admitted.
  bool try_admit(std::uint64_t key, double now) {
    time_.advance(now);
    Limiter* limiter = limiters_.find_and_touch(key);
    if (limiter == nullptr) {
      limiter = &limiters_.insert(key, prototype_);
    }

    const bool admitted = limiter->try_admit(now);
    if (admitted) {
      ++admitted_;
    } else {
      ++rejected_;
    }
    return admitted;
  }

  // Returns the earliest time >= now (s) at which try_admit(key, ...) would return true if nothing else is called
  // before. Does not change the recency of `key`.
  double next_admission_time(std::uint64_t key, double now) const {
    time_.check(now);
    const Limiter* limiter = limiters_.find(key);
    return limiter == nullptr ? prototype_.next_admission_time(now) : limiter->next_admission_time(now);
  }

  // Returns the limiter of `key`, or nullptr if the key has no state.
  const Limiter* find(std::uint64_t key) const { return limiters_.find(key); }

  std::size_t key_count() const { return limiters_.size(); }
  std::size_t max_keys() const { return limiters_.capacity(); }
  std::size_t evictions() const { return limiters_.evictions(); }
  std::size_t admitted() const { return admitted_; }
  std::size_t rejected() const { return rejected_; }

private:
  Limiter prototype_;
  LruTable<Limiter> limiters_;
  std::size_t admitted_ = 0;
  std::size_t rejected_ = 0;
  MonotonicTime time_;
};

} // namespace stormsim::guards
