#include "model/guard/RateLimitGuard.hpp"

namespace stormsim {

RateLimitGuard::RateLimitGuard(World& world, const GuardSpec& spec, std::size_t blocker)
    : Guard(world, spec, blocker), limiters_(make_limiters(spec))
{
}

RateLimitGuard::Limiters RateLimitGuard::make_limiters(const GuardSpec& spec)
{
  const auto& rate = spec.rate;
  const std::size_t max_keys =
      spec.max_keys == 0 ? guards::KeyedLimiter<guards::FixedWindow>::kUnbounded : spec.max_keys;
  switch (rate.algorithm) {
    case RateSpec::Algorithm::token_bucket: {
      const std::size_t burst = rate.burst == 0 ? rate.limit : rate.burst;
      return guards::KeyedLimiter<guards::TokenBucket>(
          guards::TokenBucket(static_cast<double>(rate.limit) / rate.window, burst), max_keys);
    }
    case RateSpec::Algorithm::sliding_log:
      return guards::KeyedLimiter<guards::SlidingWindowLog>(guards::SlidingWindowLog(rate.limit, rate.window),
                                                            max_keys);
    case RateSpec::Algorithm::sliding_counter:
      return guards::KeyedLimiter<guards::SlidingWindowCounter>(
          guards::SlidingWindowCounter(rate.limit, rate.window), max_keys);
    case RateSpec::Algorithm::fixed_window:
      break;
  }
  return guards::KeyedLimiter<guards::FixedWindow>(guards::FixedWindow(rate.limit, rate.window), max_keys);
}

Decision RateLimitGuard::check(const Email& item, double now)
{
  const std::uint64_t key = key_of(item);
  return std::visit(
      [&](auto& limiters) {
        if (limiters.try_admit(key, now))
          return Decision{};
        if (spec_.on_exceed == GuardSpec::OnExceed::delay)
          return Decision{Verdict::delay, limiters.next_admission_time(key, now), "over the rate limit"};
        return Decision{Verdict::block, 0, "over the rate limit"};
      },
      limiters_);
}

} // namespace stormsim
