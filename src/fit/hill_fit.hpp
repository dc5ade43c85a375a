#pragma once
// The Hill response curve (Hill, 1910) with an amplitude:
//   KPI - baseline = beta * x^S / (x^S + k^S),  x = adstock / mean adstock
// fitted by least squares over all training weeks (weeks without adstock
// predict 0). k and S start from a log-spaced grid, k/mean in [0.01, 10] and
// S in [0.1, 10], with beta >= 0 solved in closed form at each grid point;
// the best grid points are then refined by a projected Levenberg-Marquardt
// iteration (Levenberg 1944, Marquardt 1963) inside the same bounds.
#include <optional>
#include <span>

#include "fit/fit_result.hpp"

namespace cerebro::fit {

inline constexpr double kHillMinRelativeK = 0.01;
inline constexpr double kHillMaxRelativeK = 10.0;
inline constexpr double kHillMinSlope = 0.1;
inline constexpr double kHillMaxSlope = 10.0;

// Fits beta (KPI units, >= 0), half_saturation (K = k * mean adstock, in the
// adstock's input units), hill_slope and training_sse (KPI units squared).
// `training_weeks` index into `kpi` and `adstock` and may repeat. The mean is
// over training weeks with adstock > 0. Leaves every parameter empty when fewer
// than 2 training weeks have adstock > 0. holdout_mae is left empty.
// Allocates only when a thread first gets more training weeks than before.
HillCurve fit_hill(std::span<const double> kpi, std::span<const double> adstock,
                   std::span<const int> training_weeks, double baseline);

}  // namespace cerebro::fit
