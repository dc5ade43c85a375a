#include "transform/response_curve.hpp"

#include <cmath>

namespace cerebro::transform {

double evaluate_response(const CurveParameters& curve, double adstock) {
  if (!(adstock > 0)) return 0.0;
  if (curve.kind == CurveKind::concave) {
    return curve.beta * std::exp(curve.elasticity * std::log(adstock));
  }
  // a^S / (a^S + K^S) = 1 / (1 + (K/a)^S), computed in log space so neither
  // power overflows for large slopes.
  const double log_ratio = curve.hill_slope * (std::log(curve.half_saturation) - std::log(adstock));
  if (log_ratio > 700) return 0.0;
  return curve.beta / (1.0 + std::exp(log_ratio));
}

double response_slope(const CurveParameters& curve, double adstock) {
  if (!(adstock > 0)) return 0.0;
  if (curve.kind == CurveKind::concave) {
    return curve.beta * curve.elasticity * std::exp((curve.elasticity - 1) * std::log(adstock));
  }
  // d/da [1 / (1 + u)] with u = (K/a)^S equals S u / (a (1 + u)^2).
  const double log_ratio = curve.hill_slope * (std::log(curve.half_saturation) - std::log(adstock));
  if (std::fabs(log_ratio) > 700) return 0.0;
  const double u = std::exp(log_ratio);
  return curve.beta * curve.hill_slope * u / (adstock * (1 + u) * (1 + u));
}

}  // namespace cerebro::transform
