// Per-recipient cap on delivered messages, the limit that mail providers and loop protections apply per address.
#pragma once

#include <cstddef>
#include <cstdint>

#include "sim/guards/KeyedLimiter.hpp"
#include "sim/guards/SlidingWindowLog.hpp"

namespace stormsim::guards {

// Admits at most `max_per_window` messages per key in every window (t - window_s, t], exactly, using one
// SlidingWindowLog per key. The window convention is the one of SlidingWindowLog. Memory per key grows up to
// max_per_window times 8 bytes once the key reaches its cap.
class RecipientCap {
public:
  static constexpr std::size_t kUnbounded = KeyedLimiter<SlidingWindowLog>::kUnbounded;

  // Throws std::invalid_argument unless max_per_window >= 1, window_s > 0 and max_keys >= 1. With max_keys set, the
  // least recently requested key is evicted from a full table and loses its admissions (see KeyedLimiter).
  RecipientCap(std::size_t max_per_window, double window_s, std::size_t max_keys = kUnbounded,
               std::size_t expected_keys = 0);

  // Records a message to `key` at `now` (s) and returns true if the key is under its cap, otherwise returns false.
  bool try_admit(std::uint64_t key, double now) { return limiters_.try_admit(key, now); }

  // Returns the earliest time >= now (s) at which a message to `key` would be admitted if nothing else is called
  // before.
  double next_admission_time(std::uint64_t key, double now) const { return limiters_.next_admission_time(key, now); }

  std::size_t key_count() const { return limiters_.key_count(); }
  std::size_t evictions() const { return limiters_.evictions(); }
  std::size_t admitted() const { return limiters_.admitted(); }
  std::size_t rejected() const { return limiters_.rejected(); }

private:
  KeyedLimiter<SlidingWindowLog> limiters_;
};

} // namespace stormsim::guards
