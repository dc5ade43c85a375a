#pragma once
// The concave (power) response curve fitted on the log-log scale:
//   ln(KPI - baseline) = ln(beta) + elasticity * ln(adstock)
// by ordinary least squares over the training weeks with adstock > 0 and
// KPI > baseline, the weeks where both logarithms exist.
#include <span>

#include "fit/fit_result.hpp"

namespace cerebro::fit {

// Fits beta (KPI units per adstock^elasticity, in the adstock's input units)
// and elasticity. `training_weeks` index into `kpi` and `adstock` and may repeat;
// a repeated week counts once per occurrence. Leaves beta and elasticity empty
// when fewer than 2 weeks are usable or ln(adstock) does not vary over them;
// fitted_weeks is the usable count either way. holdout_mae is left empty.
// Adstock is divided by a power of ten near its mean before the logarithm, so
// spend in token base units (around 1e18) fits like the same spend in whole tokens.
ConcaveCurve fit_concave(std::span<const double> kpi, std::span<const double> adstock,
                         std::span<const int> training_weeks, double baseline);

}  // namespace cerebro::fit
