#pragma once
// Pairwise Pearson correlation of media spend, and the collinearity stop: two
// media that move together this closely cannot be told apart by the fit.
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "fit/fit_result.hpp"

namespace cerebro::checks {

// |corr| above this stops the fit unless the pair is allowed.
inline constexpr double kMaxAbsoluteCorrelation = 0.9;

// Returns the Pearson correlation of two equally long series, computed with
// the two-pass formula (means first, then centred sums). Returns 0 when either
// series is constant or shorter than 2, since no linear association can be
// measured. Throws std::invalid_argument when the lengths differ.
double pearson_correlation(std::span<const double> first, std::span<const double> second);

// One named weekly spend series, already cut to the weeks after warm-up.
struct NamedSeries {
  std::string name;
  std::span<const double> values;
};

// Returns the correlation of every media pair (i < j, in input order).
std::vector<fit::Correlation> media_correlations(const std::vector<NamedSeries>& media);

// Throws core::InputError for the first pair with |corr| > 0.9 that is not in
// `allowed_pairs` (either order), naming the pair, the value and the remedies:
// merge the two into one media, drop one, or segment by audience or protocol.
// Returns one warning (code "collinear_pair_allowed") per allowed pair above the limit.
std::vector<fit::FitWarning> check_collinearity(
    const std::vector<fit::Correlation>& correlations,
    const std::vector<std::pair<std::string, std::string>>& allowed_pairs);

}  // namespace cerebro::checks
