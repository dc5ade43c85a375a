#pragma once
// A small hand-made fit, review and simulation for the report tests: two
// media over 14 weeks, contributions computed from the stated curves.
#include <cmath>
#include <limits>

#include "causal/review_result.hpp"
#include "fit/fit_result.hpp"
#include "simulate/simulation_result.hpp"
#include "transform/response_curve.hpp"

namespace cerebro::report::testing {

inline fit::FitResult make_fit(bool with_uncertainty) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  fit::FitResult fit;
  fit.kpi_name = "swap_volume";
  fit.kpi_unit = "usd";
  fit.warmup_weeks = 2;
  fit.modeling_weeks = 12;
  fit.training_weeks = 8;
  fit.holdout_weeks = 4;
  for (int week = 0; week < 14; ++week) {
    fit.weeks.push_back("2024-01-" + std::string(week + 1 < 10 ? "0" : "") + std::to_string(week + 1));
  }
  const double spend_a[] = {10, 20, 30, 25, 0, 40, 35, 10, 5, 30, 45, 20, 15, 25};
  const double spend_b[] = {5, 5, 8, 12, 6, 0, 3, 9, 14, 7, 4, 6, 10, 2};

  fit::MediaResult a;
  a.name = "claims";
  a.unit = "usd";
  a.decay_rate = 0.5;
  a.window_weeks = 2;
  a.baseline = 100;
  a.concave = {2.0, 0.8, 4.0, 8};
  a.hill = {60.0, 30.0, 1.5, 6.0, 10.0};
  a.selected_curve = transform::CurveKind::concave;

  fit::MediaResult b;
  b.name = "top<ups> & co";
  b.unit = "usd";
  b.decay_rate = 0.3;
  b.decay_rate_auto = true;
  b.window_weeks = 3;
  b.baseline = 90;
  b.concave = {1.5, 0.9, 7.0, 8};
  b.hill = {25.0, 8.0, 2.0, 5.0, 12.0};
  b.selected_curve = transform::CurveKind::hill;

  auto fill = [&](fit::MediaResult& media, const double* spend, transform::CurveParameters curve) {
    for (int week = 0; week < 14; ++week) {
      double adstock = 0;
      for (int lag = 0; lag <= std::min(media.window_weeks, week); ++lag) {
        adstock += std::pow(media.decay_rate, lag) * spend[week - lag];
      }
      media.spend.push_back(spend[week]);
      media.adstock.push_back(adstock);
      media.contribution.push_back(week < 2 ? nan : transform::evaluate_response(curve, adstock));
      if (week >= 2) {
        media.total_spend += spend[week];
        media.total_contribution += media.contribution.back();
      }
    }
    media.historical_roi = media.total_contribution / media.total_spend;
  };
  fill(a, spend_a, {transform::CurveKind::concave, 2.0, 0.8});
  fill(b, spend_b, {transform::CurveKind::hill, 25.0, 0, 8.0, 2.0});
  const double spend_total = a.total_spend + b.total_spend;
  const double effect_total = a.total_contribution + b.total_contribution;
  for (auto* media : {&a, &b}) {
    media->spend_share = media->total_spend / spend_total;
    media->effect_share = media->total_contribution / effect_total;
    if (with_uncertainty) {
      fit::MediaUncertainty range;
      range.parameters["beta"] = {*media->concave.beta * 0.8, *media->concave.beta, *media->concave.beta * 1.2};
      if (media->selected_curve == transform::CurveKind::hill) {
        range.parameters["beta"] = {*media->hill.beta * 0.8, *media->hill.beta, *media->hill.beta * 1.2};
      }
      range.total_contribution = {media->total_contribution * 0.7, media->total_contribution,
                                  media->total_contribution * 1.3};
      range.historical_roi = {*media->historical_roi * 0.7, *media->historical_roi, *media->historical_roi * 1.3};
      range.marginal_roi = {0.1, 0.2, 0.3};
      media->uncertainty = range;
    }
  }
  fit.media = {a, b};
  for (int week = 0; week < 14; ++week) {
    double kpi = 90;
    for (const auto& media : fit.media) {
      if (week >= 2) kpi += media.contribution[static_cast<std::size_t>(week)];
    }
    kpi += (week % 3 == 0 ? 6.0 : -3.0);  // residual noise with mean near zero
    fit.kpi_values.push_back(kpi);
  }
  fit.kpi_adjusted = fit.kpi_values;
  fit.correlations = {{"claims", "top<ups> & co", 0.12}};
  fit.vif = {{"claims", 1.01}, {"top<ups> & co", 1.01}};
  fit.warnings = {{"elasticity_above_one", "claims", "a <warning> text"}};
  fit.events = {{"fork", "2024-01-05", "2024-01-05", 12.5}};
  fit.notes = {"2 weeks of claims filled with 0."};
  fit.fit_id = "abc123def4567890";
  return fit;
}

inline causal::ReviewResult make_review(bool passed) {
  causal::ReviewResult review;
  review.rows = {{"Chronological", "guidebook p.91", true, "T→Y, P→Y"},
                 {"Non-inclusion", "guidebook p.92", true, "no shared sources"},
                 {"Identifiability", "guidebook p.93", passed, "back-door set {} for T→Y"}};
  review.passed = passed;
  review.dag_path = "dag.md";
  review.dag_sha256 = "0123456789abcdef0123456789abcdef";
  review.fit_id = "abc123def4567890";
  return review;
}

inline simulate::SimulationResult make_simulation() {
  simulate::SimulationResult simulation;
  simulation.fit_id = "abc123def4567890";
  simulate::MediaRecommendation claims;
  claims.name = "claims";
  claims.curve = "concave";
  claims.current_spend = 25;
  claims.current_share = 0.7;
  claims.recommended_spend = 20;
  claims.unconstrained_spend = 18;
  claims.change_fraction = -0.2;
  claims.marginal_roi = 0.4;
  claims.average_roi = 0.9;
  claims.predicted_kpi_change = -3.1;
  claims.annotations = {"saturated"};
  claims.marginal_roi_range = fit::Interval{0.3, 0.4, 0.5};
  simulate::MediaRecommendation topups;
  topups.name = "top<ups> & co";
  topups.curve = "hill";
  topups.current_spend = 10;
  topups.current_share = 0.3;
  topups.recommended_spend = 15;
  topups.unconstrained_spend = 17;
  topups.change_fraction = 0.5;
  topups.marginal_roi = 1.1;
  topups.average_roi = 1.4;
  topups.predicted_kpi_change = 4.2;
  simulation.media = {claims, topups};
  simulation.totals = {35, 35, 35, 1.1, 1.6, fit::Interval{0.2, 1.1, 2.0}};
  simulation.assumptions = {"Controls stay at their last observed level."};
  return simulation;
}

}  // namespace cerebro::report::testing
