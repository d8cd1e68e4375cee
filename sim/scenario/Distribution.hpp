// A random duration (latency, reaction time) as written in a scenario: a constant, uniform or exponential.
#pragma once

#include "core/Random.hpp"

namespace stormsim {

struct Distribution {
  enum class Kind { constant, uniform, exponential };
  Kind kind = Kind::constant;
  double low = 0;  // constant value, uniform minimum or exponential mean, in seconds
  double high = 0; // uniform maximum, in seconds

  static Distribution constant(double value) { return {Kind::constant, value, value}; }

  double sample(Rng& rng) const
  {
    switch (kind) {
      case Kind::uniform:
        return rng.uniform(low, high);
      case Kind::exponential:
        return rng.exponential(low);
      case Kind::constant:
        break;
    }
    return low;
  }

  double mean() const { return kind == Kind::uniform ? (low + high) / 2 : low; }
};

} // namespace stormsim
