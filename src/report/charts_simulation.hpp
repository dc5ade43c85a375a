#pragma once
// The simulation section's charts: marginal ROI per media, current vs proposed
// spend, and the proposed allocation.
#include "fit/fit_result.hpp"
#include "report/chart_frame.hpp"
#include "simulate/simulation_result.hpp"

namespace cerebro::report {

// `marginal-roi`: bars of marginal ROI at current spend, sorted descending,
// with 5th-95th percentile whiskers when the simulation carries ranges.
Chart marginal_roi_chart(const simulate::SimulationResult& simulation, const fit::FitResult& fit);

// `current-vs-proposed`: grouped bars of current and recommended weekly spend.
Chart current_vs_proposed_chart(const simulate::SimulationResult& simulation, const fit::FitResult& fit);

// `allocation`: a pie of the recommended weekly spend by media.
// NOTE: the slices add spend across media as if their units were the same;
// the caption names the units when they differ.
Chart allocation_chart(const simulate::SimulationResult& simulation, const fit::FitResult& fit);

}  // namespace cerebro::report
