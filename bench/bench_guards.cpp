// Google Benchmark timings of one decision of each guard, to check that the hot paths stay in the tens of
// nanoseconds. Each iteration is one decision at a simulated time that advances by a fixed step.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <vector>

#include "sim/guards/CircuitBreaker.hpp"
#include "sim/guards/DedupStore.hpp"
#include "sim/guards/EwmaAnomalyDetector.hpp"
#include "sim/guards/FixedWindow.hpp"
#include "sim/guards/KeyedLimiter.hpp"
#include "sim/guards/RecipientCap.hpp"
#include "sim/guards/SlidingWindowCounter.hpp"
#include "sim/guards/SlidingWindowLog.hpp"
#include "sim/guards/TokenBucket.hpp"

using namespace stormsim::guards;

namespace {

// 2^16 keys drawn uniformly from [0, key_space) with a fixed seed, generated before timing starts.
std::vector<std::uint64_t> make_keys(std::uint64_t key_space) {
  std::mt19937_64 engine(12345);
  std::vector<std::uint64_t> keys(std::size_t{1} << 16);
  for (std::uint64_t& key : keys) {
    key = engine() % key_space;
  }
  return keys;
}

constexpr std::size_t kKeyMask = (std::size_t{1} << 16) - 1;

// Runs `decide(now)` once per iteration with now advancing by step_s, and reports items per second.
template <typename Decide> void run_decisions(benchmark::State& state, double step_s, Decide decide) {
  double now = 0.0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(decide(now));
    now += step_s;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

// Requests arrive at twice the admitted rate in the limiter benchmarks, so about half of the decisions reject.
// The keyed benchmarks send 2 requests per key per second to buckets of 1 token per second.

void token_bucket_try_admit(benchmark::State& state) {
  TokenBucket bucket(1000.0, 100);
  run_decisions(state, 0.0005, [&](double now) { return bucket.try_admit(now); });
}
BENCHMARK(token_bucket_try_admit);

void token_bucket_next_admission(benchmark::State& state) {
  TokenBucket bucket(1000.0, 100);
  run_decisions(state, 0.0005, [&](double now) {
    bucket.try_admit(now);
    return bucket.next_admission_time(now);
  });
}
BENCHMARK(token_bucket_next_admission);

void sliding_log_try_admit(benchmark::State& state) {
  SlidingWindowLog log(100, 1.0);
  run_decisions(state, 0.005, [&](double now) { return log.try_admit(now); });
}
BENCHMARK(sliding_log_try_admit);

void sliding_counter_try_admit(benchmark::State& state) {
  SlidingWindowCounter counter(100, 1.0);
  run_decisions(state, 0.005, [&](double now) { return counter.try_admit(now); });
}
BENCHMARK(sliding_counter_try_admit);

// Includes one try_admit per iteration. About half of the calls find the counter full and run the bisection.
void sliding_counter_next_admission(benchmark::State& state) {
  SlidingWindowCounter counter(100, 1.0);
  run_decisions(state, 0.005, [&](double now) {
    counter.try_admit(now);
    return counter.next_admission_time(now);
  });
}
BENCHMARK(sliding_counter_next_admission);

void fixed_window_try_admit(benchmark::State& state) {
  FixedWindow window(100, 1.0);
  run_decisions(state, 0.005, [&](double now) { return window.try_admit(now); });
}
BENCHMARK(fixed_window_try_admit);

// 10 000 keys, unbounded table: after warm-up every key exists, so no decision allocates.
void keyed_token_bucket_try_admit(benchmark::State& state) {
  const std::vector<std::uint64_t> keys = make_keys(10000);
  KeyedLimiter<TokenBucket> limiter(TokenBucket(1.0, 5), KeyedLimiter<TokenBucket>::kUnbounded, 10000);
  std::size_t next_key = 0;
  run_decisions(state, 0.00005, [&](double now) { return limiter.try_admit(keys[next_key++ & kKeyMask], now); });
}
BENCHMARK(keyed_token_bucket_try_admit);

// 10 000 keys through a table of 1 000, so about 90% of the decisions evict a key and reuse its entry.
void keyed_token_bucket_with_eviction(benchmark::State& state) {
  const std::vector<std::uint64_t> keys = make_keys(10000);
  KeyedLimiter<TokenBucket> limiter(TokenBucket(1.0, 5), 1000, 1000);
  std::size_t next_key = 0;
  run_decisions(state, 0.00005, [&](double now) { return limiter.try_admit(keys[next_key++ & kKeyMask], now); });
}
BENCHMARK(keyed_token_bucket_with_eviction);

// Capacity 100 000 over 200 000 keys: a mix of hits, misses and evictions.
void dedup_seen_before(benchmark::State& state) {
  const std::vector<std::uint64_t> keys = make_keys(200000);
  DedupStore store(100000, 3600.0);
  std::size_t next_key = 0;
  run_decisions(state, 0.001, [&](double now) { return store.seen_before(keys[next_key++ & kKeyMask], now); });
}
BENCHMARK(dedup_seen_before);

// Both conditions set and never met: 100 events/s against a limit of 1 000 per s, every 16th event a failure.
void breaker_record_closed(benchmark::State& state) {
  CircuitBreakerConfig config;
  config.event_count = EventCountTrip{1000, 1.0};
  config.failure_ratio = FailureRatioTrip{100, 0.5, 10.0, 10};
  config.cooldown_s = 5.0;
  CircuitBreaker breaker(config);
  std::uint64_t event = 0;
  run_decisions(state, 0.01, [&](double now) {
    const Outcome outcome = (event++ & 15) == 0 ? Outcome::failure : Outcome::success;
    return breaker.record(now, outcome).tripped();
  });
}
BENCHMARK(breaker_record_closed);

// A storm of 1 000 events/s against a limit of 100 per s with a 1 s cooldown: the breaker cycles through all states.
void breaker_record_storm(benchmark::State& state) {
  CircuitBreakerConfig config;
  config.event_count = EventCountTrip{100, 1.0};
  config.cooldown_s = 1.0;
  CircuitBreaker breaker(config);
  run_decisions(state, 0.001, [&](double now) { return breaker.record(now).tripped(); });
}
BENCHMARK(breaker_record_storm);

// 1 000 events per 1 s bucket, so one event in 1 000 closes a bucket.
void anomaly_observe(benchmark::State& state) {
  EwmaAnomalyDetector detector(0.1, 3.0, 10, 1.0);
  run_decisions(state, 0.001, [&](double now) { return detector.observe(now); });
}
BENCHMARK(anomaly_observe);

// 10 000 recipients capped at 10 per 60 s, with about 17 requests per recipient per 60 s.
void recipient_cap_try_admit(benchmark::State& state) {
  const std::vector<std::uint64_t> keys = make_keys(10000);
  RecipientCap cap(10, 60.0, RecipientCap::kUnbounded, 10000);
  std::size_t next_key = 0;
  run_decisions(state, 0.00036, [&](double now) { return cap.try_admit(keys[next_key++ & kKeyMask], now); });
}
BENCHMARK(recipient_cap_try_admit);

} // namespace

BENCHMARK_MAIN();
