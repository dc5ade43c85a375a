#include "fit/bootstrap.hpp"

#include "transform/adstock.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "fit/bootstrap_interval.hpp"
#include "fit/bootstrap_resample.hpp"
#include "fit/bootstrap_threads.hpp"
#include "fit/fit_result_json.hpp"
#include "fit/media_fit.hpp"

namespace cerebro::fit {
namespace {

constexpr const char* kMethod = "moving-block bootstrap";

// Statistics of one resample of one media, the inputs of its ranges.
struct ResampleOutcome {
  bool fitted = false;          // fit_media_curves returned
  bool selected_other = false;  // the resample selected the other curve
  bool usable = false;          // the point-selected curve was fitted
  std::array<double, 3> parameters{};  // in the order of parameter_names()
  double total_contribution = 0;
  double historical_roi = 0;
  double marginal_roi = 0;
};

// Inputs shared by every resample of one media.
struct MediaPlan {
  CurveKind point_curve = CurveKind::concave;
  double adstock_multiplier = 1;
  double current_spend = 0;
  double total_spend = 0;
};

std::vector<std::string> parameter_names(CurveKind kind) {
  if (kind == CurveKind::concave) return {"beta", "elasticity"};
  return {"beta", "half_saturation", "hill_slope"};
}

// The parameter values of `curve`, in the order of parameter_names(curve.kind).
std::array<double, 3> parameter_values(const transform::CurveParameters& curve) {
  if (curve.kind == CurveKind::concave) return {curve.beta, curve.elasticity, 0.0};
  return {curve.beta, curve.half_saturation, curve.hill_slope};
}

// With fewer draws the type-7 5th and 95th percentiles are interpolations
// between the two most extreme resamples and do not describe a range.
constexpr int kMinResamples = 20;

void validate_options(const BootstrapOptions& bootstrap, int threads, int training_weeks) {
  if (bootstrap.resamples < 0 || (bootstrap.resamples > 0 && bootstrap.resamples < kMinResamples)) {
    throw core::InputError(fmt::format(
        "bootstrap.resamples is {}, which is invalid: 5th and 95th percentiles need at least {} "
        "resamples. Set it to a count such as 1000 (the default), or to 0 to turn the bootstrap "
        "off.",
        bootstrap.resamples, kMinResamples));
  }
  if (threads < 0) {
    throw core::InputError(fmt::format(
        "threads is {}, which is invalid. Set it to a positive worker count, or to 0 to use "
        "every core.",
        threads));
  }
  if (bootstrap.block_length_weeks &&
      (*bootstrap.block_length_weeks < 1 || *bootstrap.block_length_weeks > training_weeks)) {
    throw core::InputError(fmt::format(
        "bootstrap.block_length_weeks is {}, but the fit has {} training weeks. Set it between "
        "1 and {}, or leave it out to use ceil(n^(1/3)) = {}.",
        *bootstrap.block_length_weeks, training_weeks, training_weeks,
        default_block_length_weeks(std::max(1, training_weeks))));
  }
}

void check_result_shape(const FitResult& result) {
  const std::size_t weeks = result.kpi_adjusted.size();
  const long long used =
      static_cast<long long>(result.warmup_weeks) + result.training_weeks + result.holdout_weeks;
  if (result.training_weeks < 1 || result.warmup_weeks < 0 || result.holdout_weeks < 0 ||
      used > static_cast<long long>(weeks) ||
      result.warmup_weeks + result.modeling_weeks > static_cast<int>(weeks)) {
    throw std::logic_error(fmt::format(
        "add_bootstrap: week counts (warm-up {}, modeling {}, training {}, holdout {}) do not "
        "fit {} KPI weeks",
        result.warmup_weeks, result.modeling_weeks, result.training_weeks, result.holdout_weeks,
        weeks));
  }
  for (const MediaResult& media : result.media) {
    if (media.adstock.size() != weeks || media.spend.size() != weeks) {
      throw std::logic_error(fmt::format(
          "add_bootstrap: media '{}' has {} adstock and {} spend weeks, expected {}", media.name,
          media.adstock.size(), media.spend.size(), weeks));
    }
  }
}

MediaPlan plan_media(const FitResult& result, const MediaResult& media) {
  MediaPlan plan;
  plan.point_curve = media.selected_curve;
  plan.adstock_multiplier = transform::steady_state_adstock_multiplier(media.decay_rate, media.window_weeks);
  plan.current_spend = current_spend_per_week(media.spend);
  const int first = result.warmup_weeks;
  const int last = result.warmup_weeks + result.modeling_weeks;
  for (int week = first; week < last; ++week) plan.total_spend += media.spend[week];
  return plan;
}

// Steps 3 and 4 for one resample.
ResampleOutcome evaluate_resample(const FitResult& result, const MediaResult& media,
                                  const MediaPlan& plan, std::span<const int> training_weeks,
                                  std::span<const int> holdout_weeks) {
  ResampleOutcome outcome;
  MediaCurves curves;
  try {
    curves = fit_media_curves(MediaFitInput{result.kpi_adjusted, media.adstock, training_weeks,
                                            holdout_weeks});
  } catch (const core::InputError&) {
    return outcome;  // counted as a failed resample
  }
  outcome.fitted = true;
  outcome.selected_other = curves.selected_curve != plan.point_curve;
  // The ranges describe the point-selected curve, so a resample that selected
  // the other curve still contributes that curve's parameters when fitted.
  curves.selected_curve = plan.point_curve;
  if (!selected_curve_fitted(curves)) return outcome;
  const transform::CurveParameters parameters = selected_parameters(curves);
  outcome.parameters = parameter_values(parameters);

  const int first = result.warmup_weeks;
  const int last = result.warmup_weeks + result.modeling_weeks;
  double total = 0;
  for (int week = first; week < last; ++week) {
    total += transform::evaluate_response(parameters, media.adstock[week]);
  }
  outcome.total_contribution = total;
  // NOTE: a media without spend after warm-up gets a historical ROI range of 0.
  outcome.historical_roi = plan.total_spend > 0 ? total / plan.total_spend : 0.0;

  // The simulator's marginal ROI: dR/ds of R(s) = f(A s) is A f'(A s).
  const double settled_adstock = plan.adstock_multiplier * plan.current_spend;
  outcome.marginal_roi =
      plan.adstock_multiplier * transform::response_slope(parameters, settled_adstock);
  outcome.usable = std::isfinite(outcome.total_contribution) &&
                   std::isfinite(outcome.marginal_roi) &&
                   std::all_of(outcome.parameters.begin(), outcome.parameters.end(),
                               [](double value) { return std::isfinite(value); });
  return outcome;
}

// Step 5 for one media.
void summarize_media(FitResult& result, std::size_t media_index,
                     std::span<const ResampleOutcome> outcomes) {
  MediaResult& media = result.media[media_index];
  const std::vector<std::string> names = parameter_names(media.selected_curve);
  std::vector<std::vector<double>> parameter_draws(names.size());
  std::vector<double> totals, historical, marginal;
  int fitted = 0, selected_other = 0;
  for (const ResampleOutcome& outcome : outcomes) {
    fitted += outcome.fitted ? 1 : 0;
    selected_other += outcome.selected_other ? 1 : 0;
    if (!outcome.usable) continue;
    for (std::size_t k = 0; k < names.size(); ++k) parameter_draws[k].push_back(outcome.parameters[k]);
    totals.push_back(outcome.total_contribution);
    historical.push_back(outcome.historical_roi);
    marginal.push_back(outcome.marginal_roi);
  }

  const int resamples = static_cast<int>(outcomes.size());
  const int succeeded = static_cast<int>(totals.size());
  if (2 * succeeded < resamples) {
    const std::string consequence =
        succeeded == 0 ? "so it has no uncertainty ranges"
                       : "so its ranges rest on few resamples";
    result.warnings.push_back(FitWarning{
        "bootstrap_few_resamples", media.name,
        fmt::format("Only {} of {} bootstrap resamples could fit the {} curve of '{}', {}. "
                    "Add weeks of data before relying on this media's estimates.",
                    succeeded, resamples, to_string(media.selected_curve), media.name,
                    consequence)});
  }
  if (succeeded == 0) {
    media.uncertainty.reset();
    return;
  }

  MediaUncertainty uncertainty;
  for (std::size_t k = 0; k < names.size(); ++k) {
    uncertainty.parameters[names[k]] = bootstrap_interval(parameter_draws[k]);
  }
  uncertainty.total_contribution = bootstrap_interval(totals);
  uncertainty.historical_roi = bootstrap_interval(historical);
  uncertainty.marginal_roi = bootstrap_interval(marginal);
  uncertainty.other_curve_share =
      fitted > 0 ? static_cast<double>(selected_other) / static_cast<double>(fitted) : 0.0;
  media.uncertainty = std::move(uncertainty);
}

}  // namespace

double current_spend_per_week(std::span<const double> spend_per_week, int current_weeks) {
  if (spend_per_week.empty()) return 0.0;
  const std::size_t recent =
      std::min<std::size_t>(static_cast<std::size_t>(std::max(current_weeks, 1)), spend_per_week.size());
  double recent_total = 0;
  for (std::size_t week = spend_per_week.size() - recent; week < spend_per_week.size(); ++week) {
    recent_total += spend_per_week[week];
  }
  if (recent_total > 0) return recent_total / static_cast<double>(recent);

  double active_total = 0;
  int active_weeks = 0;
  for (double spend : spend_per_week) {
    if (spend > 0) {
      active_total += spend;
      ++active_weeks;
    }
  }
  return active_weeks > 0 ? active_total / active_weeks : 0.0;
}

// 1. Shared inputs: block length, holdout weeks, and per media the steady-state
//    adstock multiplier, current spend and total spend after warm-up.
// 2. Each resample draws moving-block positions in the training weeks.
// 3. fit_media_curves re-fits baseline and both curves on those weeks, the Hill
//    curve from its full grid, so a resample can land in another basin.
// 4. The point-selected curve, as fitted on the resample, gives parameters,
//    total contribution, historical ROI and marginal ROI.
// 5. Type-7 percentiles over the usable resamples, and a warning per media
//    when fewer than half were usable.
void add_bootstrap(FitResult& result, const FitOptions& options,
                   const BootstrapProgress& progress) {
  const BootstrapOptions& bootstrap = options.bootstrap;
  validate_options(bootstrap, options.threads, result.training_weeks);
  if (bootstrap.resamples == 0) return;
  check_result_shape(result);

  // Step 1.
  const int training_count = result.training_weeks;
  const int block_length =
      bootstrap.block_length_weeks.value_or(default_block_length_weeks(training_count));
  std::vector<int> holdout_weeks(static_cast<std::size_t>(result.holdout_weeks));
  for (int k = 0; k < result.holdout_weeks; ++k) {
    holdout_weeks[k] = result.warmup_weeks + training_count + k;
  }
  std::vector<MediaPlan> plans;
  plans.reserve(result.media.size());
  for (const MediaResult& media : result.media) plans.push_back(plan_media(result, media));

  // Steps 2 to 4 on the workers. Task t is resample t % R of media t / R,
  // and its random stream and its output slot depend on t alone.
  const int resamples = bootstrap.resamples;
  const int task_count = static_cast<int>(result.media.size()) * resamples;
  const int thread_count = resolve_thread_count(options.threads, task_count);
  std::vector<ResampleOutcome> outcomes(static_cast<std::size_t>(task_count));
  std::vector<std::vector<int>> positions(thread_count, std::vector<int>(training_count));
  std::vector<std::vector<int>> training_weeks(thread_count, std::vector<int>(training_count));
  std::mutex progress_mutex;
  int finished = 0;

  run_indexed_tasks(task_count, thread_count, [&](int task, int worker) {
    const int media_index = task / resamples;
    const int resample_index = task % resamples;
    std::mt19937_64 generator = resample_generator(bootstrap.seed, media_index, resample_index);
    draw_block_positions(block_length, generator, positions[worker]);
    for (int k = 0; k < training_count; ++k) {
      training_weeks[worker][k] = result.warmup_weeks + positions[worker][k];
    }
    outcomes[task] = evaluate_resample(result, result.media[media_index], plans[media_index],
                                       training_weeks[worker], holdout_weeks);
    if (progress) {
      const std::lock_guard lock(progress_mutex);
      progress(++finished, task_count);
    }
  });

  // Step 5, in media order on this thread.
  for (std::size_t m = 0; m < result.media.size(); ++m) {
    const std::span<const ResampleOutcome> media_outcomes(outcomes.data() + m * resamples,
                                                          static_cast<std::size_t>(resamples));
    summarize_media(result, m, media_outcomes);
  }

  result.bootstrap = BootstrapInfo{kMethod, resamples, block_length, bootstrap.seed};
  result.fit_id = compute_fit_id(result);
}

}  // namespace cerebro::fit
