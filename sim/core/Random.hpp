// Seeded random streams whose draws are identical on every platform and compiler.
#pragma once

#include <cmath>
#include <cstdint>
#include <string_view>

namespace stormsim {

// FNV-1a, 64 bits: stable string hashing for stream derivation and guard keys.
constexpr std::uint64_t hash_string(std::string_view text, std::uint64_t basis = 0xcbf29ce484222325ULL)
{
  std::uint64_t hash = basis;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

constexpr std::uint64_t splitmix64(std::uint64_t& state)
{
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// xoshiro256** generator. Distributions are written here instead of taken from <random>, because the standard
// library's distributions are implementation-defined and would change results between compilers.
class Rng {
public:
  // Derives the stream of one component from the scenario seed and the component's id, so adding a component does
  // not shift another component's draws.
  Rng(std::uint64_t seed, std::string_view stream_name)
  {
    std::uint64_t state = seed ^ hash_string(stream_name);
    for (auto& word : state_)
      word = splitmix64(state);
  }

  std::uint64_t next()
  {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  double uniform(double low, double high) { return low + (high - low) * uniform(); }

  double exponential(double mean) { return -mean * std::log1p(-uniform()); }

  // Uniform integer in [0, bound); bound must be positive. Lemire's multiply-shift, bias below 2^-32 for our sizes.
  std::uint64_t below(std::uint64_t bound)
  {
    return static_cast<std::uint64_t>((static_cast<unsigned __int128>(next()) * bound) >> 64);
  }

  bool bernoulli(double probability) { return uniform() < probability; }

private:
  static constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  std::uint64_t state_[4] = {};
};

} // namespace stormsim
