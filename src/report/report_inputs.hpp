#pragma once
// What a report is rendered from: a fit, the PASS review that unlocked it and,
// when one ran, a budget simulation of the same fit.
#include "causal/review_result.hpp"
#include "fit/fit_result.hpp"
#include "simulate/simulation_result.hpp"

namespace cerebro::report {

struct ReportInputs {
  const fit::FitResult& fit;
  const causal::ReviewResult& review;
  const simulate::SimulationResult* simulation = nullptr;  // null when no simulation ran
};

}  // namespace cerebro::report
