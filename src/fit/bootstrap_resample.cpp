#include "fit/bootstrap_resample.hpp"

#include <stdexcept>
#include <string>

namespace cerebro::fit {
namespace {

constexpr std::uint64_t kGoldenGamma = 0x9e3779b97f4a7c15ULL;

// The splitmix64 output function: a bijection of 64-bit words whose outputs
// for nearby inputs look independent.
std::uint64_t splitmix64_mix(std::uint64_t word) {
  word += kGoldenGamma;
  word = (word ^ (word >> 30)) * 0xbf58476d1ce4e5b9ULL;
  word = (word ^ (word >> 27)) * 0x94d049bb133111ebULL;
  return word ^ (word >> 31);
}

}  // namespace

int default_block_length_weeks(int series_weeks) {
  if (series_weeks < 1) {
    throw std::logic_error("default_block_length_weeks: series_weeks is " +
                           std::to_string(series_weeks) + ", expected at least 1");
  }
  int block_length = 1;
  while (static_cast<long long>(block_length) * block_length * block_length < series_weeks) {
    ++block_length;
  }
  return block_length;
}

std::mt19937_64 resample_generator(std::uint64_t seed, int media_index, int resample_index) {
  std::uint64_t key = splitmix64_mix(seed);
  key = splitmix64_mix(key ^ static_cast<std::uint64_t>(media_index));
  key = splitmix64_mix(key ^ static_cast<std::uint64_t>(resample_index));
  return std::mt19937_64(key);
}

std::uint64_t uniform_below(std::mt19937_64& generator, std::uint64_t bound) {
  if (bound == 0) throw std::logic_error("uniform_below: bound must be at least 1");
  // 2^64 mod bound: draws below it would make the low residues more likely.
  const std::uint64_t threshold = (0 - bound) % bound;
  while (true) {
    const std::uint64_t draw = generator();
    if (draw >= threshold) return draw % bound;
  }
}

void draw_block_positions(int block_length_weeks, std::mt19937_64& generator,
                          std::span<int> positions) {
  const auto series_weeks = static_cast<long long>(positions.size());
  if (block_length_weeks < 1 || block_length_weeks > series_weeks) {
    throw std::logic_error("draw_block_positions: block_length_weeks is " +
                           std::to_string(block_length_weeks) + ", expected 1.." +
                           std::to_string(series_weeks));
  }
  const auto start_count = static_cast<std::uint64_t>(series_weeks - block_length_weeks + 1);
  std::size_t filled = 0;
  while (filled < positions.size()) {
    const int start = static_cast<int>(uniform_below(generator, start_count));
    for (int offset = 0; offset < block_length_weeks && filled < positions.size(); ++offset) {
      positions[filled++] = start + offset;
    }
  }
}

}  // namespace cerebro::fit
