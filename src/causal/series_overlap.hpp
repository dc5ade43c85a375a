#pragma once
// Overlap between observed series for the non-inclusion check: duplicates
// (near-perfect correlation) and series that are the sum of others, such as a
// total incentive next to its parts.
#include <optional>
#include <string>
#include <vector>

#include "causal/fit_evidence.hpp"

namespace cerebro::causal {

// Two series with |Pearson correlation| at or above this count as duplicates.
inline constexpr double kDuplicateCorrelation = 0.99;
// A series equals a sum of others when every week's difference is within this
// fraction of the series' largest absolute value: tight enough that only an
// accounting identity passes, loose enough for values rounded to ~7 digits.
inline constexpr double kSumRelativeTolerance = 1e-6;
// The sum search enumerates subsets, so it considers at most this many series.
inline constexpr std::size_t kMaxSumSeries = 16;

struct SeriesCorrelation {
  std::string first;
  std::string second;
  std::optional<double> value;  // nullopt when either series is constant
};

struct SumOfOthers {
  std::string total;
  std::vector<std::string> parts;  // two or more
};

// Returns the Pearson correlation of every pair, in input order. Series of
// different lengths are an internal error (asserted).
std::vector<SeriesCorrelation> pairwise_correlations(const std::vector<const EvidenceSeries*>& series);

// Returns, for each series that equals the sum of two or more of the others,
// the smallest such set of parts. Series that are zero in every week are
// neither totals nor parts. Only the first kMaxSumSeries series are searched.
std::vector<SumOfOthers> find_sums_of_others(const std::vector<const EvidenceSeries*>& series);

}  // namespace cerebro::causal
