#include "fit/concave_fit.hpp"

#include <cmath>

namespace cerebro::fit {

ConcaveCurve fit_concave(std::span<const double> kpi, std::span<const double> adstock,
                         std::span<const int> training_weeks, double baseline) {
  ConcaveCurve curve;

  // First pass: usable weeks, the mean adstock for the scale, and the means.
  int usable = 0;
  double adstock_sum = 0;
  for (int week : training_weeks) {
    if (adstock[week] > 0 && kpi[week] > baseline) {
      ++usable;
      adstock_sum += adstock[week];
    }
  }
  curve.fitted_weeks = usable;
  if (usable < 2) return curve;

  const double log_scale = std::floor(std::log10(adstock_sum / usable)) * std::log(10.0);
  double log_adstock_mean = 0;
  double log_lift_mean = 0;
  for (int week : training_weeks) {
    if (adstock[week] > 0 && kpi[week] > baseline) {
      log_adstock_mean += std::log(adstock[week]) - log_scale;
      log_lift_mean += std::log(kpi[week] - baseline);
    }
  }
  log_adstock_mean /= usable;
  log_lift_mean /= usable;

  // Second pass: centred sums, which keep the slope accurate when ln(adstock)
  // varies little around a large mean.
  double sxx = 0;
  double sxy = 0;
  for (int week : training_weeks) {
    if (adstock[week] > 0 && kpi[week] > baseline) {
      const double dx = std::log(adstock[week]) - log_scale - log_adstock_mean;
      const double dy = std::log(kpi[week] - baseline) - log_lift_mean;
      sxx += dx * dx;
      sxy += dx * dy;
    }
  }
  // Identical adstock values leave rounding noise of order eps^2 in sxx.
  const double zero_variance = 1e-24 * usable * (1 + log_adstock_mean * log_adstock_mean);
  if (!(sxx > zero_variance)) return curve;

  const double elasticity = sxy / sxx;
  const double intercept = log_lift_mean - elasticity * log_adstock_mean;
  // lift = e^intercept (a / scale)^r = e^(intercept - r ln scale) a^r.
  curve.elasticity = elasticity;
  curve.beta = std::exp(intercept - elasticity * log_scale);
  return curve;
}

}  // namespace cerebro::fit
