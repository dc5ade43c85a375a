#pragma once
// Order statistics used by the baseline.
#include <span>

namespace cerebro::fit {

// Returns the quantile of sorted values by Hyndman and Fan (1996) type 7, the
// default of R and NumPy: position (m - 1) * probability in the m sorted values,
// linearly interpolated between the two neighbouring order statistics.
// `sorted_values` must be non-empty and ascending; probability in [0, 1].
// Throws std::invalid_argument when it is empty or the probability is outside [0, 1].
double quantile_type7(std::span<const double> sorted_values, double probability);

// Returns the median of sorted values: the middle value, or the mean of the two
// middle values for an even count. Throws std::invalid_argument when empty.
double median_of_sorted(std::span<const double> sorted_values);

}  // namespace cerebro::fit
