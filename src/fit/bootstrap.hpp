#pragma once
// Bootstrap uncertainty of the per-media attribution. A moving-block bootstrap
// (Kuensch 1989; Liu and Singh 1992) resamples the training weeks in blocks
// of consecutive weeks and re-runs fit_media_curves on each resample with the
// holdout weeks unchanged. Each re-fit estimates the baseline and both curves
// and selects one, while the decay rate stays as the point fit chose it. The
// result reports 5th, 50th and 95th percentiles of the point-selected curve's
// parameters, total contribution, historical ROI and marginal ROI at current
// spend.
#include <functional>
#include <span>

#include "fit/fit_options.hpp"
#include "fit/fit_result.hpp"

namespace cerebro::fit {

// Receives (finished_fits, total_fits) after each per-media resample fit,
// where total_fits = media count x resamples. Calls are serialized and
// finished_fits increases by one each call, but they come from worker threads.
using BootstrapProgress = std::function<void(int finished_fits, int total_fits)>;

// Fills result.bootstrap and result.media[].uncertainty, then recomputes
// result.fit_id. `result` must come from fit_model: it reads kpi_adjusted,
// each media's adstock, spend, decay_rate, window_weeks and selected_curve,
// and warmup_weeks, modeling_weeks, training_weeks and holdout_weeks (training
// weeks are [warmup, warmup + training), the holdout the next holdout_weeks).
//
// options.bootstrap.resamples = 0 leaves `result` unchanged. Block length is
// options.bootstrap.block_length_weeks, or ceil(n^(1/3)) for n training
// weeks. Work runs on options.threads workers (0 = every core); the output is
// byte-identical for any thread count, given the same result, options and seed.
//
// A resample whose fit of the point-selected curve fails (null parameters or
// a core::InputError from the fit) is skipped. A media where fewer than half
// of the resamples succeed gets a FitWarning "bootstrap_few_resamples"; when
// none succeed its uncertainty stays empty.
//
// Throws core::InputError when resamples is negative or between 1 and 19, threads < 0, or the block
// length is outside 1..n.
void add_bootstrap(FitResult& result, const FitOptions& options,
                   const BootstrapProgress& progress = {});

// Returns the spend at which marginal ROI is evaluated, in input units: the
// mean of the last `current_weeks` weeks of `spend_per_week` (fewer when the
// series is shorter). When that mean is 0 (the media is off), returns the mean
// over weeks with positive spend, and 0 when there are none or the series is
// empty. The simulator uses the same definition.
double current_spend_per_week(std::span<const double> spend_per_week, int current_weeks = 4);

}  // namespace cerebro::fit
