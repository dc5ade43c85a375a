#pragma once
// Geometric adstock: the carryover of spend into later weeks.
//   adstock[t] = sum over i = 0..min(W, t) of decay_rate^i * spend[t - i]
// with W = window_weeks lags (W + 1 weights). The first W weeks see a shorter
// window, which is why the fit treats them as warm-up.
#include <span>
#include <vector>

namespace cerebro::transform {

// Writes the adstock of `spend` into `adstock` (same length, no allocation).
// Units follow `spend` (adstock of USD per week is in USD). decay_rate in
// [0, 1); window_weeks >= 0. Zero spend gives zero adstock, decay_rate 0 gives
// `spend` back, and an empty input writes nothing. NaN in `spend` spreads to
// the W weeks after it. Throws std::invalid_argument when the lengths differ,
// decay_rate is outside [0, 1) or window_weeks is negative.
void geometric_adstock(std::span<const double> spend, double decay_rate, int window_weeks,
                       std::span<double> adstock);

// Returns the adstock of `spend`; same contract as the overload above.
std::vector<double> geometric_adstock(std::span<const double> spend, double decay_rate,
                                      int window_weeks);

// Returns A = sum over i = 0..window_weeks of decay_rate^i, the factor by which
// a spend sustained every week settles into adstock once the window has filled.
// decay_rate in [0, 1), window_weeks >= 0; decay_rate 0 gives 1. Throws
// std::invalid_argument when window_weeks is negative.
double steady_state_adstock_multiplier(double decay_rate, int window_weeks);

}  // namespace cerebro::transform
