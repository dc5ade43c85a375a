#pragma once
// A FitResult built for the bootstrap tests and benchmark from data simulated
// with known concave curves. The point fit runs fit_media_curves directly, so
// these tests depend on the per-media fit but not on fit_model's guards.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "fit/fit_result.hpp"
#include "fit/fit_result_json.hpp"
#include "fit/media_fit.hpp"
#include "transform/response_curve.hpp"

namespace cerebro::fit::testing {

inline constexpr int kWarmupWeeks = 8;
inline constexpr double kDecayRate = 0.5;
inline constexpr double kBaselineKpi = 1000;
inline constexpr double kNoiseSd = 15;

// The simulated truth of media m: KPI lift = beta * adstock^elasticity.
inline double true_beta(int media_index) { return 20.0 + 5.0 * media_index; }
inline double true_elasticity(int media_index) { return 0.5 + 0.1 * media_index; }

// Geometric adstock with an 8-week window, written out independently of the
// transform code.
inline std::vector<double> geometric_adstock(const std::vector<double>& spend) {
  std::vector<double> adstock(spend.size(), 0.0);
  for (std::size_t t = 0; t < spend.size(); ++t) {
    double weight = 1.0;
    for (std::size_t lag = 0; lag <= std::min<std::size_t>(kWarmupWeeks, t); ++lag) {
      adstock[t] += weight * spend[t - lag];
      weight *= kDecayRate;
    }
  }
  return adstock;
}

// Returns a point fit of `media_count` media over `modeling_weeks` weeks after
// an 8-week warm-up; holdout and training follow the spec's split.
inline FitResult simulated_fit(int modeling_weeks, int media_count, std::uint64_t seed) {
  std::mt19937_64 generator(seed);
  std::uniform_real_distribution<double> spend_draw(20.0, 120.0);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::normal_distribution<double> noise(0.0, kNoiseSd);

  const int week_count = kWarmupWeeks + modeling_weeks;
  FitResult result;
  result.kpi_name = "kpi";
  result.kpi_unit = "usd";
  result.warmup_weeks = kWarmupWeeks;
  result.modeling_weeks = modeling_weeks;
  result.holdout_weeks = std::max(4, static_cast<int>(std::floor(0.2 * modeling_weeks + 0.5)));
  result.training_weeks = modeling_weeks - result.holdout_weeks;
  const core::Day first_monday = *core::parse_date("2021-01-04");
  for (int t = 0; t < week_count; ++t) {
    result.weeks.push_back(core::format_date(first_monday + std::chrono::days(7 * t)));
  }

  std::vector<double> kpi(week_count, kBaselineKpi);
  for (int m = 0; m < media_count; ++m) {
    MediaResult media;
    media.name = "media_" + std::to_string(m);
    media.unit = "usd";
    media.decay_rate = kDecayRate;
    media.window_weeks = kWarmupWeeks;
    // Flights of 8 to 20 weeks alternate with dark periods of 10 to 14 weeks,
    // long enough for the adstock to reach 0, so the baseline rests on weeks
    // without this media's effect.
    bool on = unit(generator) < 0.5;
    while (static_cast<int>(media.spend.size()) < week_count) {
      const int run = on ? 8 + static_cast<int>(unit(generator) * 13)
                         : 10 + static_cast<int>(unit(generator) * 5);
      for (int k = 0; k < run && static_cast<int>(media.spend.size()) < week_count; ++k) {
        media.spend.push_back(on ? spend_draw(generator) : 0.0);
      }
      on = !on;
    }
    media.adstock = geometric_adstock(media.spend);
    for (int t = 0; t < week_count; ++t) {
      kpi[t] += true_beta(m) * std::pow(media.adstock[t], true_elasticity(m));
    }
    result.media.push_back(std::move(media));
  }
  for (double& value : kpi) value += noise(generator);
  result.kpi_values = kpi;
  result.kpi_adjusted = kpi;

  std::vector<int> training, holdout;
  for (int k = 0; k < result.training_weeks; ++k) training.push_back(kWarmupWeeks + k);
  for (int k = 0; k < result.holdout_weeks; ++k) {
    holdout.push_back(kWarmupWeeks + result.training_weeks + k);
  }
  for (MediaResult& media : result.media) {
    const MediaCurves curves =
        fit_media_curves(MediaFitInput{result.kpi_adjusted, media.adstock, training, holdout});
    media.p10_adstock = curves.p10_adstock;
    media.baseline = curves.baseline;
    media.baseline_weeks = curves.baseline_weeks;
    media.concave = curves.concave;
    media.hill = curves.hill;
    media.selected_curve = curves.selected_curve;
    const transform::CurveParameters parameters = selected_parameters(curves);
    media.contribution.assign(week_count, std::numeric_limits<double>::quiet_NaN());
    for (int t = kWarmupWeeks; t < week_count; ++t) {
      media.contribution[t] = transform::evaluate_response(parameters, media.adstock[t]);
      media.total_contribution += media.contribution[t];
      media.total_spend += media.spend[t];
    }
    media.historical_roi = media.total_contribution / media.total_spend;
  }
  result.fit_id = compute_fit_id(result);
  return result;
}

}  // namespace cerebro::fit::testing
