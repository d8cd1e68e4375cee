// Bounded map from 64-bit keys to values with least-recently-used eviction, shared by the keyed guards so that a
// full table serves every operation in O(1) without allocating.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sim/guards/ConfigCheck.hpp"

namespace stormsim::guards {

// Entries live in a vector and form a doubly linked recency list through vector indices. The hash index maps a key
// to its entry. When the table is full, insert() reuses the least recently used entry and its hash node, so it
// allocates nothing. Pointers and references to stored values stay valid until the next insert() or clear().
template <typename Value> class LruTable {
public:
  static constexpr std::size_t kUnbounded = std::numeric_limits<std::size_t>::max();

  // Holds at most `capacity` entries. Storage for min(capacity, expected_entries) entries is reserved up front.
  // Throws std::invalid_argument unless capacity >= 1. `parameter` names the setting in that error.
  explicit LruTable(std::size_t capacity, std::size_t expected_entries = 0, const char* parameter = "LruTable capacity")
      : capacity_(capacity) {
    require_parameter(capacity >= 1, parameter, static_cast<double>(capacity), "at least 1");
    const std::size_t reserved = capacity < expected_entries ? capacity : expected_entries;
    entries_.reserve(reserved);
    index_.reserve(reserved);
  }

  // Returns the value stored for `key` and marks it as the most recently used, or returns nullptr.
  Value* find_and_touch(std::uint64_t key) {
    const auto found = index_.find(key);
    if (found == index_.end()) {
      return nullptr;
    }
    const std::size_t position = found->second;
    unlink(position);
    link_as_newest(position);
    return &entries_[position].value;
  }

  // Returns the value stored for `key` without changing its recency, or returns nullptr.
  const Value* find(std::uint64_t key) const {
    const auto found = index_.find(key);
    return found == index_.end() ? nullptr : &entries_[found->second].value;
  }

  // Stores `value` for `key`, which must not be present, as the most recently used entry. When the table is full,
  // the least recently used entry is evicted first. Returns the stored value.
  Value& insert(std::uint64_t key, const Value& value) {
    std::size_t position = 0;
    if (entries_.size() < capacity_) {
      position = entries_.size();
      entries_.push_back(Entry{key, kNone, kNone, value});
      index_.emplace(key, position);
    } else {
      position = oldest_;
      unlink(position);
      rekey(entries_[position].key, key);
      entries_[position].key = key;
      entries_[position].value = value;
      ++evictions_;
    }
    link_as_newest(position);
    return entries_[position].value;
  }

  // Removes every entry, as after a restart. The entry vector keeps its capacity.
  void clear() {
    entries_.clear();
    index_.clear();
    newest_ = kNone;
    oldest_ = kNone;
  }

  std::size_t size() const { return entries_.size(); }
  std::size_t capacity() const { return capacity_; }
  std::size_t evictions() const { return evictions_; }

private:
  static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

  struct Entry {
    std::uint64_t key;
    std::size_t newer; // Index of the next more recently used entry, or kNone for the newest.
    std::size_t older; // Index of the next less recently used entry, or kNone for the oldest.
    Value value;
  };

  void unlink(std::size_t position) {
    Entry& entry = entries_[position];
    if (entry.newer == kNone) {
      newest_ = entry.older;
    } else {
      entries_[entry.newer].older = entry.older;
    }
    if (entry.older == kNone) {
      oldest_ = entry.newer;
    } else {
      entries_[entry.older].newer = entry.newer;
    }
  }

  void link_as_newest(std::size_t position) {
    Entry& entry = entries_[position];
    entry.newer = kNone;
    entry.older = newest_;
    if (newest_ != kNone) {
      entries_[newest_].newer = position;
    }
    newest_ = position;
    if (oldest_ == kNone) {
      oldest_ = position;
    }
  }

  // Moves the hash node of `old_key` to `new_key`, reusing its allocation.
  void rekey(std::uint64_t old_key, std::uint64_t new_key) {
    auto node = index_.extract(old_key);
    node.key() = new_key;
    index_.insert(std::move(node));
  }

  std::size_t capacity_;
  std::vector<Entry> entries_;
  std::unordered_map<std::uint64_t, std::size_t> index_;
  std::size_t newest_ = kNone;
  std::size_t oldest_ = kNone;
  std::size_t evictions_ = 0;
};

} // namespace stormsim::guards
