#pragma once
// The budget simulator: from a fit, the current weekly spend per media, its
// steady-state marginal and average ROI, and a reallocation of next period's
// budget that maximizes the predicted KPI within the house rules:
//   - the total is current total * (1 + budget_change);
//   - each media stays within [1 - max_change, 1 + max_change] x current spend,
//     so none goes to zero;
//   - a media that is off (no spend in the current window) stays off;
//   - a media whose fitted curve gives no credible response (beta <= 0, or a
//     power curve with elasticity <= 0) is never increased.
// Alongside, the unconstrained optimum spends the same total with each media in
// [1 % of current spend, 1.5 x its largest historical weekly spend].
#include <string_view>
#include <vector>

#include "fit/fit_result.hpp"
#include "simulate/simulation_result.hpp"

namespace cerebro::simulate {

// Annotation texts, exact so that readers of simulation.json can match them.
inline constexpr std::string_view kOutOfSampleAnnotation = "out-of-sample — high uncertainty";
inline constexpr std::string_view kSaturatedAnnotation = "saturated";
inline constexpr std::string_view kObserveReducedAnnotation = "observe under reduced spend";
inline constexpr std::string_view kNegativeElasticityAnnotation =
    "negative elasticity — no credible response, spend not increased";
inline constexpr std::string_view kNoResponseAnnotation =
    "no credible response (beta or elasticity not positive) — spend not increased";
inline constexpr std::string_view kOffAnnotation = "off in the current window — stays off";

// Marginal ROI below this fraction of average ROI marks a media as saturated:
// the next unit of spend returns under a twentieth of what the average unit does.
inline constexpr double kSaturationRatio = 0.05;

// Spend and adstock beyond this multiple of the largest observed values are
// outside the data the curve was fitted on.
inline constexpr double kOutOfSampleFactor = 1.5;

// Lower bound of the unconstrained optimum, as a fraction of current spend:
// positive so no media goes to zero, small enough not to bind in practice.
inline constexpr double kUnconstrainedFloorFraction = 0.01;

// Throws core::InputError naming the field, its value and the valid range when
// an option is out of range: current_weeks in [1, weeks_available],
// budget_change in [-0.3, 0.3], max_change in (0, 0.3], |budget_change| <=
// max_change (otherwise no allocation within the caps meets the total).
void validate_simulation_options(const SimulationOptions& options, int weeks_available);

// Returns the mean of the last `current_weeks` entries of `spend_per_week`.
// Requires 1 <= current_weeks <= spend_per_week.size().
double current_weekly_spend(const std::vector<double>& spend_per_week, int current_weeks);

// Runs the simulation for every media of `fit`, in the fit's order.
// Throws core::InputError when an option is invalid, every media is off in the
// current window, a media lacks the parameters of its selected curve, or the
// per-media bounds cannot meet the requested total.
// When the fit carries bootstrap uncertainty, the ROI and KPI-change ranges are
// filled (see budget_simulator.cpp for how they are derived).
SimulationResult simulate_budget(const fit::FitResult& fit, const SimulationOptions& options);

}  // namespace cerebro::simulate
