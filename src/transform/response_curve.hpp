#pragma once
// The response curves shared by the fit, the report and the simulator: one
// definition per formula.
//   concave (power): f(a) = beta * a^elasticity
//   Hill:            f(a) = beta * a^S / (a^S + K^S),  K = half_saturation, S = hill_slope
// `a` is adstock in the media's own units. Both curves return exactly 0 for
// a <= 0, whatever the parameters, so a negative elasticity never yields an
// infinity in a week without adstock.
#include <optional>

namespace cerebro::transform {

enum class CurveKind { concave, hill };

struct CurveParameters {
  CurveKind kind = CurveKind::concave;
  double beta = 0;             // KPI units
  double elasticity = 0;       // concave only
  double half_saturation = 1;  // Hill only, adstock units, > 0
  double hill_slope = 1;       // Hill only, > 0
};

// Returns the KPI above baseline at adstock `adstock` (0 when adstock <= 0).
double evaluate_response(const CurveParameters& curve, double adstock);

// Returns d response / d adstock at `adstock` > 0; 0 when adstock <= 0.
double response_slope(const CurveParameters& curve, double adstock);

}  // namespace cerebro::transform
