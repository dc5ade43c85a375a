#pragma once
// Steady-state response of one media to a sustained weekly spend.
//
// A spend s held every week settles, after the adstock window has filled, at
// adstock A s with A = sum_{i=0..window_weeks} decay_rate^i (the geometric
// adstock's weights summed). The weekly KPI above baseline is then
//   R(s) = evaluate_response(curve, A s),
// the same curve the fit selected, so the simulator shares one formula with the
// fit and the report. Spend is in the media's input units per week; R is in KPI
// units per week.
#include "transform/response_curve.hpp"

namespace cerebro::simulate {

// One media's fitted curve seen as a function of sustained weekly spend.
struct SteadyStateResponse {
  transform::CurveParameters curve;
  double adstock_multiplier = 1;  // A from transform::steady_state_adstock_multiplier, >= 1

  // R(s), KPI units per week; 0 for spend_per_week <= 0.
  double response(double spend_per_week) const;

  // dR/ds = A * response_slope(curve, A s), KPI units per unit of spend;
  // 0 for spend_per_week <= 0.
  double marginal_roi(double spend_per_week) const;

  // R(s) / s; 0 for spend_per_week <= 0.
  double average_roi(double spend_per_week) const;

  // Spend below which R is convex and above which it is concave. Returns 0
  // when R is concave for every spend (power curve with elasticity <= 1, Hill
  // curve with hill_slope <= 1) and +infinity when it is convex for every spend
  // (power curve with elasticity > 1). For a Hill curve with S > 1 the
  // inflection adstock is K ((S - 1) / (S + 1))^(1/S), from setting the second
  // derivative of a^S / (a^S + K^S) to zero.
  double inflection_spend() const;
};

// Returns d beta a^r / da = beta r a^(r - 1) at a = adstock, the concave curve's
// return per unit of adstock that analysts know from the SQL workflow. Only
// meaningful for the concave curve; 0 for adstock <= 0.
double marginal_return_per_adstock_unit(const transform::CurveParameters& curve, double adstock);

}  // namespace cerebro::simulate
