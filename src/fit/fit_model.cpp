#include "fit/fit_model.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <numeric>
#include <span>

#include "checks/correlation.hpp"
#include "checks/data_guards.hpp"
#include "checks/vif.hpp"
#include "core/errors.hpp"
#include "fit/fit_result_json.hpp"
#include "fit/fit_window.hpp"
#include "fit/media_fit.hpp"
#include "transform/adstock.hpp"

namespace cerebro::fit {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kDefaultDecayRate = 0.5;
constexpr int kDirectionalOnlyWeeks = 60;
constexpr int kFewBaselineWeeks = 5;
constexpr int kDecayGridSteps = 10;  // 0.0, 0.1, ..., 0.9

std::vector<MediaFitOptions> resolve_media_options(const core::WeeklyPanel& panel,
                                                   const FitOptions& options) {
  std::vector<MediaFitOptions> resolved;
  for (const core::Series& series : panel.media) {
    MediaFitOptions media;
    media.name = series.name;
    if (!options.media.empty()) {
      const auto found = std::find_if(options.media.begin(), options.media.end(),
                                      [&](const MediaFitOptions& o) { return o.name == series.name; });
      if (found == options.media.end()) {
        throw core::InputError(fmt::format(
            "Media '{}' is in the data but has no entry in the fit options; add it under media.",
            series.name));
      }
      media = *found;
    }
    if (media.decay_rate && !(*media.decay_rate >= 0 && *media.decay_rate < 1)) {
      throw core::InputError(fmt::format(
          "Media '{}': decay_rate {} is outside [0, 1); use a value such as 0.5, or auto.",
          media.name, *media.decay_rate));
    }
    if (media.window_weeks < 0 || media.window_weeks > 52) {
      throw core::InputError(fmt::format(
          "Media '{}': window_weeks {} is outside [0, 52]; the default is 8.", media.name,
          media.window_weeks));
    }
    resolved.push_back(media);
  }
  return resolved;
}

void require_finite(const core::Series& series, const core::WeeklyPanel& panel, int first,
                    int last) {
  for (int t = first; t <= last; ++t) {
    if (!std::isfinite(series.values[t])) {
      throw core::InputError(fmt::format(
          "Series '{}' has the non-finite value {} in the week of {}; fix or remove that row.",
          series.name, series.values[t], core::format_date(panel.weeks[t])));
    }
  }
}

std::vector<double> slice(const std::vector<double>& values, int first, int last) {
  return std::vector<double>(values.begin() + first, values.begin() + last + 1);
}

std::string iso_week(const core::WeeklyPanel& panel, int index) {
  return core::format_date(panel.weeks[index]);
}

// One media's fit at one decay rate, on output-window indices.
struct DecayTrial {
  double decay_rate = 0;
  std::vector<double> adstock;
  MediaCurves curves;
};

DecayTrial fit_at_decay(std::span<const double> spend, std::span<const double> kpi,
                        double decay_rate, int window_weeks, std::span<const int> training,
                        std::span<const int> holdout) {
  DecayTrial trial;
  trial.decay_rate = decay_rate;
  trial.adstock = transform::geometric_adstock(spend, decay_rate, window_weeks);
  trial.curves = fit_media_curves(
      MediaFitInput{kpi, trial.adstock, training, holdout});
  return trial;
}

std::optional<double> selected_mae(const MediaCurves& curves) {
  if (!selected_curve_fitted(curves)) return std::nullopt;
  return curves.selected_curve == CurveKind::hill ? curves.hill.holdout_mae
                                                  : curves.concave.holdout_mae;
}

void add_curve_warnings(const MediaResult& media, std::vector<FitWarning>& warnings) {
  if (media.concave.elasticity && *media.concave.elasticity > 1) {
    warnings.push_back({"elasticity_above_one", media.name,
                        fmt::format("Media '{}' has elasticity {:.3f} > 1: returns grow with "
                                    "spend, which incentives rarely show. Treat it as a red flag "
                                    "for confounding (a common driver of spend and KPI).",
                                    media.name, *media.concave.elasticity)});
  }
  if (media.concave.elasticity && *media.concave.elasticity <= 0) {
    warnings.push_back({"no_response", media.name,
                        fmt::format("Media '{}' has elasticity {:.3f} <= 0: the KPI does not rise "
                                    "with its adstock in the training weeks.",
                                    media.name, *media.concave.elasticity)});
  }
  if (media.baseline_weeks < kFewBaselineWeeks) {
    warnings.push_back({"few_baseline_weeks", media.name,
                        fmt::format("Media '{}': the baseline rests on {} training weeks at or "
                                    "below the 10th percentile of adstock (fewer than {}); "
                                    "more weeks with low or no spend would make it firmer.",
                                    media.name, media.baseline_weeks, kFewBaselineWeeks)});
  }
}

}  // namespace

PreparedFit prepare_fit(const core::WeeklyPanel& panel, const FitOptions& options) {
  if (!(options.holdout_fraction > 0 && options.holdout_fraction <= 0.5)) {
    throw core::InputError(fmt::format(
        "holdout_fraction {} is outside (0, 0.5]; the default is 0.2.", options.holdout_fraction));
  }
  if (panel.media.empty()) {
    throw core::InputError("The panel has no media series; declare at least one media.");
  }
  PreparedFit prepared;
  prepared.media_options = resolve_media_options(panel, options);
  int max_window_weeks = 0;
  for (const MediaFitOptions& media : prepared.media_options) {
    max_window_weeks = std::max(max_window_weeks, media.window_weeks);
  }
  prepared.window = plan_fit_window(panel.weeks, panel.week_start, options.start, options.end,
                                    max_window_weeks, options.holdout_fraction);
  const FitWindow& window = prepared.window;
  require_finite(panel.kpi, panel, window.first_warmup_week, window.last_modeling_week);
  for (const core::Series& series : panel.media) {
    require_finite(series, panel, window.first_warmup_week, window.last_modeling_week);
  }
  // Spend only before the window feeds adstock but leaves nothing to fit.
  for (const core::Series& series : panel.media) {
    double window_spend = 0;
    for (int t = window.first_modeling_week; t <= window.last_modeling_week; ++t) {
      window_spend += series.values[t];
    }
    if (!(window_spend > 0)) {
      throw core::InputError(fmt::format(
          "media '{}' has no spend in the modeling window ({} to {}); any spend it has lies in "
          "the adstock warm-up or outside the window. Remove the media, or move `start` so the "
          "window covers weeks in which it ran.",
          series.name, iso_week(panel, window.first_modeling_week),
          iso_week(panel, window.last_modeling_week)));
    }
  }

  // Guards and level shifts see the whole panel's adstock. NOTE: media with
  // decay_rate auto enter them at the default 0.5, because the grid choice
  // needs the KPI that remove_level_shifts returns.
  std::vector<std::vector<double>> panel_adstock;
  for (std::size_t m = 0; m < panel.media.size(); ++m) {
    panel_adstock.push_back(transform::geometric_adstock(
        panel.media[m].values, prepared.media_options[m].decay_rate.value_or(kDefaultDecayRate),
        prepared.media_options[m].window_weeks));
  }
  const checks::GuardInput guard_input{panel, window.first_modeling_week,
                                       window.last_modeling_week, options.events, panel_adstock};
  prepared.warnings = checks::run_data_guards(guard_input);
  prepared.level_shifts = checks::remove_level_shifts(guard_input);

  // Collinearity of spend over the weeks after warm-up, after the guards.
  std::vector<checks::NamedSeries> modeled_spend;
  for (const core::Series& series : panel.media) {
    modeled_spend.push_back(
        {series.name, std::span<const double>(series.values)
                          .subspan(window.first_modeling_week, window.modeling_weeks)});
  }
  prepared.correlations = checks::media_correlations(modeled_spend);
  prepared.vif = checks::variance_inflation_factors(modeled_spend);
  for (FitWarning& warning :
       checks::check_collinearity(prepared.correlations, options.allowed_collinear_pairs)) {
    prepared.collinearity_warnings.push_back(std::move(warning));
  }
  return prepared;
}

FitResult fit_model(const core::WeeklyPanel& panel, const FitOptions& options) {
  PreparedFit prepared = prepare_fit(panel, options);
  const std::vector<MediaFitOptions>& media_options = prepared.media_options;
  const FitWindow& window = prepared.window;
  const int first = window.first_warmup_week;
  const int last = window.last_modeling_week;
  FitResult result;
  result.warnings = std::move(prepared.warnings);
  checks::LevelShiftAdjustment& adjustment = prepared.level_shifts;
  // Output window: local index 0 is the first warm-up week.
  const int warmup = window.first_modeling_week - first;
  const int output_weeks = last - first + 1;
  std::vector<int> training(window.training_weeks);
  std::iota(training.begin(), training.end(), warmup);
  std::vector<int> holdout(window.holdout_weeks);
  std::iota(holdout.begin(), holdout.end(), warmup + window.training_weeks);

  result.week_start = panel.week_start == core::WeekStart::sunday ? "sunday" : "monday";
  for (int t = first; t <= last; ++t) result.weeks.push_back(iso_week(panel, t));
  result.kpi_name = panel.kpi.name;
  result.kpi_unit = panel.kpi.unit;
  result.kpi_values = slice(panel.kpi.values, first, last);
  result.kpi_adjusted = slice(adjustment.adjusted_kpi, first, last);
  for (double value : result.kpi_adjusted) {
    if (!std::isfinite(value)) {
      throw core::InputError("The KPI with step events removed has a non-finite value; check "
                             "the declared events and the KPI values.");
    }
  }
  result.warmup_weeks = warmup;
  result.modeling_weeks = window.modeling_weeks;
  result.training_weeks = window.training_weeks;
  result.holdout_weeks = window.holdout_weeks;
  result.directional_only = window.modeling_weeks < kDirectionalOnlyWeeks;
  if (result.directional_only) {
    result.warnings.push_back(
        {"directional_only", "",
         fmt::format("Only {} weeks after warm-up (fewer than {}): treat every result as "
                     "directional only.",
                     window.modeling_weeks, kDirectionalOnlyWeeks)});
  }

  result.correlations = std::move(prepared.correlations);
  result.vif = std::move(prepared.vif);
  for (FitWarning& warning : prepared.collinearity_warnings) {
    result.warnings.push_back(std::move(warning));
  }

  // Per-media fits.
  std::vector<double> sum_contribution(output_weeks, 0.0);
  for (std::size_t m = 0; m < panel.media.size(); ++m) {
    const core::Series& series = panel.media[m];
    const MediaFitOptions& media_option = media_options[m];
    MediaResult media;
    media.name = series.name;
    media.unit = series.unit;
    media.decimals = series.decimals;
    media.window_weeks = media_option.window_weeks;
    media.spend = slice(series.values, first, last);

    DecayTrial chosen;
    if (media_option.decay_rate) {
      chosen = fit_at_decay(media.spend, result.kpi_adjusted, *media_option.decay_rate,
                            media.window_weeks, training, holdout);
    } else {
      // Lowest holdout MAE of the selected curve; scanning upward with a strict
      // comparison keeps the smaller rate on a tie.
      media.decay_rate_auto = true;
      std::optional<double> best_mae;
      for (int step = 0; step < kDecayGridSteps; ++step) {
        const double decay_rate = step / 10.0;
        DecayTrial trial = fit_at_decay(media.spend, result.kpi_adjusted, decay_rate,
                                        media.window_weeks, training, holdout);
        const std::optional<double> mae = selected_mae(trial.curves);
        media.decay_rate_grid.emplace_back(decay_rate, mae.value_or(kNaN));
        if (step == 0 || (mae && (!best_mae || *mae < *best_mae))) {
          if (mae) best_mae = mae;
          chosen = std::move(trial);
        }
      }
    }
    media.decay_rate = chosen.decay_rate;
    const double last_grid_rate = (kDecayGridSteps - 1) / 10.0;
    if (media.decay_rate_auto && media.decay_rate >= last_grid_rate) {
      // The best value may lie beyond the grid, and a long carryover is also
      // what a trend in the KPI that the media does not explain looks like.
      result.warnings.push_back(
          {"decay_rate_at_grid_edge", media.name,
           fmt::format("Media '{}': decay_rate auto chose {:.1f}, the top of its grid, so the "
                       "holdout error still falls as carryover grows. Check the KPI for a trend "
                       "the media do not explain before trusting a carryover this long.",
                       media.name, media.decay_rate)});
    }
    media.adstock = std::move(chosen.adstock);
    const MediaCurves& curves = chosen.curves;
    media.p10_adstock = curves.p10_adstock;
    media.baseline = curves.baseline;
    media.baseline_weeks = curves.baseline_weeks;
    media.concave = curves.concave;
    media.hill = curves.hill;
    media.selected_curve = curves.selected_curve;

    const bool fitted = selected_curve_fitted(curves);
    if (!fitted) {
      result.warnings.push_back(
          {"no_curve_fitted", media.name,
           fmt::format("Media '{}': neither the concave nor the Hill curve could be fitted "
                       "(too few training weeks with adstock above 0 and KPI above the "
                       "baseline), so its contribution is set to 0.",
                       media.name)});
    }
    media.contribution.assign(output_weeks, kNaN);
    for (int t = warmup; t < output_weeks; ++t) {
      const double contribution =
          fitted ? transform::evaluate_response(selected_parameters(curves), media.adstock[t])
                 : 0.0;
      media.contribution[t] = contribution;
      sum_contribution[t] += contribution;
      media.total_spend += media.spend[t];
      media.total_contribution += contribution;
    }
    if (media.total_spend != 0) media.historical_roi = media.total_contribution / media.total_spend;
    add_curve_warnings(media, result.warnings);
    if (fitted && media.total_contribution == 0) {
      result.warnings.push_back(
          {"zero_contribution", media.name,
           fmt::format("Media '{}': the selected {} curve attributes nothing to it (beta is 0 or "
                       "its adstock is 0 in every modeling week), so its ROI is 0. Check that it "
                       "ran long enough in the training weeks to be fitted.",
                       media.name, to_string(media.selected_curve))});
    }
    result.media.push_back(std::move(media));
  }

  double all_spend = 0;
  double all_positive_effect = 0;
  double smallest_baseline = HUGE_VAL;
  for (const MediaResult& media : result.media) {
    all_spend += media.total_spend;
    all_positive_effect += std::max(0.0, media.total_contribution);
    smallest_baseline = std::min(smallest_baseline, media.baseline);
  }
  for (const MediaResult& media : result.media) {
    const MediaResult& first = result.media.front();
    if (media.unit != first.unit || media.decimals != first.decimals) {
      result.warnings.push_back(
          {"mixed_spend_units", "",
           fmt::format("Media '{}' ({}, {} decimals) and '{}' ({}, {} decimals) are in different "
                       "units, so spend shares add unlike amounts and the simulator rejects the "
                       "fit. Convert every media to one unit (for example USD) in the spec.",
                       first.name, first.unit.empty() ? "no unit" : first.unit, first.decimals,
                       media.name, media.unit.empty() ? "no unit" : media.unit, media.decimals)});
      break;
    }
  }
  for (MediaResult& media : result.media) {
    media.spend_share = all_spend > 0 ? media.total_spend / all_spend : 0.0;
    media.effect_share =
        all_positive_effect > 0 ? std::max(0.0, media.total_contribution) / all_positive_effect
                                : 0.0;
  }

  // Decomposition: a remainder below every media's baseline means the curves
  // together claim more than the KPI left above organic demand.
  result.decomposition.remainder.assign(output_weeks, kNaN);
  for (int t = warmup; t < output_weeks; ++t) {
    const double remainder = result.kpi_adjusted[t] - sum_contribution[t];
    result.decomposition.remainder[t] = remainder;
    if (remainder < smallest_baseline) {
      result.decomposition.over_attributed_weeks.push_back(result.weeks[t]);
    }
  }

  for (const core::Series& control : panel.controls) {
    result.controls.push_back({control.name, control.unit, control.source, slice(control.values, first, last)});
  }
  result.controls_note =
      "Controls are recorded and placed in the causal DAG; the per-media fits do not use them.";
  result.events = std::move(adjustment.events);
  result.notes = panel.notes;
  result.fit_id = compute_fit_id(result);
  return result;
}

}  // namespace cerebro::fit
