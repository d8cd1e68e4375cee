// The interface every guard of the simulated pipeline implements, and what a guard decides about one item.
#pragma once

#include "model/Lineage.hpp"
#include "scenario/Scenario.hpp"

#include <cstdint>
#include <limits>

namespace stormsim {

class World;

// An item at a guard point: a trigger (before a run exists) or an email. Trigger items carry no step or mailbox.
constexpr std::uint32_t no_index = std::numeric_limits<std::uint32_t>::max();

enum class Verdict { pass, block, delay, hold };

struct Decision {
  Verdict verdict = Verdict::pass;
  double until = 0;       // delay: when to ask again
  const char* reason = ""; // for the trace: why the item did not pass
};

class Guard {
public:
  Guard(World& world, const GuardSpec& spec, std::size_t blocker);
  virtual ~Guard() = default;
  Guard(const Guard&) = delete;
  Guard& operator=(const Guard&) = delete;

  // Decides about one item at `now`. Called only for items in the guard's scope.
  virtual Decision check(const Email& item, double now) = 0;

  // Operator actions; a guard that holds or latches nothing ignores them.
  virtual void reset(double /*now*/) {}

  bool in_scope(const Email& item) const;
  const GuardSpec& spec() const { return spec_; }
  std::size_t blocker() const { return blocker_; }

protected:
  // The key of an item under the guard's `key` setting, as a 64-bit hash.
  std::uint64_t key_of(const Email& item) const;

  World& world_;
  const GuardSpec& spec_;
  std::size_t blocker_;
};

} // namespace stormsim
