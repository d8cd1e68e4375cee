// Rate limits and recipient caps: a limiter per key, and on excess the item is dropped or delayed behind the limit.
#pragma once

#include "guards/FixedWindow.hpp"
#include "guards/KeyedLimiter.hpp"
#include "guards/SlidingWindowCounter.hpp"
#include "guards/SlidingWindowLog.hpp"
#include "guards/TokenBucket.hpp"
#include "model/guard/Guard.hpp"

#include <variant>

namespace stormsim {

class RateLimitGuard : public Guard {
public:
  RateLimitGuard(World& world, const GuardSpec& spec, std::size_t blocker);
  Decision check(const Email& item, double now) override;

private:
  using Limiters = std::variant<guards::KeyedLimiter<guards::TokenBucket>, guards::KeyedLimiter<guards::SlidingWindowLog>,
                                guards::KeyedLimiter<guards::SlidingWindowCounter>,
                                guards::KeyedLimiter<guards::FixedWindow>>;
  static Limiters make_limiters(const GuardSpec& spec);

  Limiters limiters_;
};

} // namespace stormsim
