#include "fit/quantile.hpp"

#include <cmath>
#include <stdexcept>

namespace cerebro::fit {

double quantile_type7(std::span<const double> sorted_values, double probability) {
  if (sorted_values.empty()) throw std::invalid_argument("quantile_type7: no values");
  if (!(probability >= 0 && probability <= 1)) {
    throw std::invalid_argument("quantile_type7: probability outside [0, 1]");
  }
  const double position = static_cast<double>(sorted_values.size() - 1) * probability;
  const double lower_position = std::floor(position);
  const auto lower = static_cast<std::size_t>(lower_position);
  if (lower + 1 >= sorted_values.size()) return sorted_values[lower];
  const double fraction = position - lower_position;
  return sorted_values[lower] + fraction * (sorted_values[lower + 1] - sorted_values[lower]);
}

double median_of_sorted(std::span<const double> sorted_values) {
  if (sorted_values.empty()) throw std::invalid_argument("median_of_sorted: no values");
  const std::size_t count = sorted_values.size();
  const std::size_t middle = count / 2;
  if (count % 2 == 1) return sorted_values[middle];
  return 0.5 * (sorted_values[middle - 1] + sorted_values[middle]);
}

}  // namespace cerebro::fit
