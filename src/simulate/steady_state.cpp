#include "simulate/steady_state.hpp"

#include <stdexcept>
#include <cmath>
#include <limits>

namespace cerebro::simulate {

double SteadyStateResponse::response(double spend_per_week) const {
  if (!(spend_per_week > 0)) return 0.0;
  return transform::evaluate_response(curve, adstock_multiplier * spend_per_week);
}

double SteadyStateResponse::marginal_roi(double spend_per_week) const {
  if (!(spend_per_week > 0)) return 0.0;
  return adstock_multiplier * transform::response_slope(curve, adstock_multiplier * spend_per_week);
}

double SteadyStateResponse::average_roi(double spend_per_week) const {
  if (!(spend_per_week > 0)) return 0.0;
  return response(spend_per_week) / spend_per_week;
}

double SteadyStateResponse::inflection_spend() const {
  if (curve.kind == transform::CurveKind::concave) {
    return curve.elasticity > 1 ? std::numeric_limits<double>::infinity() : 0.0;
  }
  const double slope = curve.hill_slope;
  if (!(slope > 1)) return 0.0;
  const double inflection_adstock =
      curve.half_saturation * std::pow((slope - 1) / (slope + 1), 1.0 / slope);
  return inflection_adstock / adstock_multiplier;
}

double marginal_return_per_adstock_unit(const transform::CurveParameters& curve, double adstock) {
  if (!(adstock > 0)) return 0.0;
  return curve.beta * curve.elasticity * std::pow(adstock, curve.elasticity - 1);
}

}  // namespace cerebro::simulate
