#include "report/scale.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/errors.hpp"
#include "report/number_format.hpp"

namespace cerebro::report {
namespace {

// Relative width below which an interval is empty in practice: the ticks of
// [1e18, 1e18 + 1] cannot be told apart in doubles or in print.
constexpr double kEmptyRelativeWidth = 1e-12;

// Returns 1, 2, 5 or 10 times the power of ten at or below `raw_step`.
double round_step(double raw_step) {
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw_step)));
  const double residual = raw_step / magnitude;
  if (residual <= 1.0) return magnitude;
  if (residual <= 2.0) return 2.0 * magnitude;
  if (residual <= 5.0) return 5.0 * magnitude;
  return 10.0 * magnitude;
}

}  // namespace

double LinearScale::map(double value) const {
  const double width = domain_max - domain_min;
  if (width == 0) return 0.5 * (range_min + range_max);
  return range_min + (value - domain_min) / width * (range_max - range_min);
}

TickSet nice_ticks(double low, double high, int target_count) {
  if (!std::isfinite(low) || !std::isfinite(high)) {
    throw core::InputError("chart axis bounds " + format_number(low) + " and " + format_number(high) +
                           " are not finite; the series to plot contains NaN or infinity. "
                           "Re-run the fit, which rejects such values.");
  }
  target_count = std::max(2, target_count);
  if (low > high) std::swap(low, high);

  const double largest = std::max(std::fabs(low), std::fabs(high));
  if (high - low <= largest * kEmptyRelativeWidth) {
    // One value: widen by half its size on each side, so a one-week series
    // sits in the middle of a readable axis.
    const double center = 0.5 * (low + high);
    const double half_width = center == 0 ? 0.5 : 0.5 * std::fabs(center);
    low = center == 0 ? 0.0 : center - half_width;
    high = center == 0 ? 1.0 : center + half_width;
  }

  TickSet ticks;
  ticks.step = round_step((high - low) / target_count);
  // The small slack keeps a bound that is already a multiple of the step
  // from gaining an extra tick through rounding.
  const double first = std::floor(low / ticks.step + 1e-9);
  const double last = std::ceil(high / ticks.step - 1e-9);
  ticks.min = first * ticks.step;
  ticks.max = last * ticks.step;
  const long count = std::lround(last - first);
  for (long i = 0; i <= count; ++i) {
    double value = (first + static_cast<double>(i)) * ticks.step;
    if (std::fabs(value) < ticks.step * 1e-9) value = 0.0;
    ticks.values.push_back(value);
  }
  return ticks;
}

TickSet nice_ticks_for(const std::vector<double>& values, bool include_zero, int target_count) {
  double low = INFINITY, high = -INFINITY;
  for (double value : values) {
    if (std::isnan(value)) continue;
    low = std::min(low, value);
    high = std::max(high, value);
  }
  if (low > high) return nice_ticks(0, 1, target_count);
  if (include_zero) {
    low = std::min(low, 0.0);
    high = std::max(high, 0.0);
  }
  return nice_ticks(low, high, target_count);
}

}  // namespace cerebro::report
