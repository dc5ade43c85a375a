#pragma once
// The budget allocation problem behind a recommendation:
//
//   maximize   sum_m R_m(s_m)
//   subject to sum_m s_m = total_spend,  min_spend_m <= s_m <= max_spend_m,
//
// with R_m the steady-state responses. Power curves with elasticity <= 1 and
// Hill curves with hill_slope <= 1 are concave, and there marginal-ROI
// equalization (bisection on the Lagrange multiplier, Everett 1963) is exact.
// A Hill curve with hill_slope > 1 is convex below its inflection point, and a
// power curve with elasticity > 1 is convex everywhere, so equalization alone can
// stop at a saddle or a local optimum. The solver therefore enumerates the
// Karush-Kuhn-Tucker cases that such pieces allow (see allocation.cpp) and keeps
// the best of them.
#include <vector>

#include "simulate/steady_state.hpp"

namespace cerebro::simulate {

struct AllocationMedia {
  SteadyStateResponse response;
  double min_spend = 0;  // per week, > 0
  double max_spend = 0;  // per week, >= min_spend
  // The fitted curve is not credible (beta <= 0, or a power curve with
  // elasticity <= 0), so the solver treats its response as zero: it keeps the
  // media at min_spend unless the other media cannot absorb the budget.
  bool no_response = false;
};

// Returns the spend per media (same order as `media`) that maximizes the summed
// response. Requires sum(min_spend) <= total_spend <= sum(max_spend), which the
// caller checks because only it can name the options that made the bounds.
// The returned spends sum to total_spend up to rounding and lie in their bounds.
std::vector<double> allocate_budget(const std::vector<AllocationMedia>& media, double total_spend);

// Returns sum_m R_m(s_m), counting no-response media as zero. This is the
// objective of allocate_budget, exposed so callers and tests compare allocations.
double total_response(const std::vector<AllocationMedia>& media, const std::vector<double>& spend);

}  // namespace cerebro::simulate
