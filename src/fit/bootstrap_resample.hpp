#pragma once
// Moving-block resampling of a weekly series (Kuensch 1989; Liu and Singh 1992).
// A resample of n weeks concatenates blocks of b consecutive weeks, each block
// starting at a uniformly random position among the n - b + 1 possible starts,
// and truncates the result to n weeks. Blocks keep the autocorrelation within
// b weeks, which an independent resample of single weeks would destroy.
//
// The random streams are derived from (seed, media index, resample index), so
// a resample's draw does not depend on which thread runs it or in what order.
#include <cstdint>
#include <random>
#include <span>

namespace cerebro::fit {

// Returns the default block length ceil(n^(1/3)) for a series of
// `series_weeks` = n >= 1 weeks, computed in integers so a perfect cube such as
// 64 gives exactly 4. Throws std::logic_error when series_weeks < 1.
int default_block_length_weeks(int series_weeks);

// Returns the generator of one resample: std::mt19937_64 seeded with the
// splitmix64 mix of seed, media_index and resample_index. Distinct (media_index, resample_index) pairs give
// independent-looking streams for the same seed.
std::mt19937_64 resample_generator(std::uint64_t seed, int media_index, int resample_index);

// Returns a uniform integer in [0, bound), bound >= 1, by rejection so that no
// value is favoured. Unlike std::uniform_int_distribution, whose algorithm
// each standard library chooses, it gives the same draws on every platform.
std::uint64_t uniform_below(std::mt19937_64& generator, std::uint64_t bound);

// Fills `positions` (n = positions.size() >= 1 entries) with positions in
// [0, n) drawn as moving blocks of `block_length_weeks` consecutive positions.
// The last block is truncated to fill exactly n entries. Throws
// std::logic_error unless 1 <= block_length_weeks <= n.
void draw_block_positions(int block_length_weeks, std::mt19937_64& generator,
                          std::span<int> positions);

}  // namespace cerebro::fit
