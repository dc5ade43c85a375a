#include "simulate/budget_simulator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "simulate/simulation_json.hpp"

namespace cerebro::simulate {
namespace {

using transform::CurveKind;

// The optimizer meets the total and bounds to near double precision.
constexpr double kRelativeTolerance = 1e-9;
// Token base units scale spend by 1e18; shares agree up to the optimizer's
// bisection precision, relative 1e-7 at worst.
constexpr double kScaleTolerance = 1e-7;

// Geometric adstock as the spec defines it, written out here so the tests do
// not depend on the fit's implementation.
std::vector<double> geometric_adstock(const std::vector<double>& spend, double decay_rate,
                                      int window_weeks) {
  std::vector<double> adstock(spend.size(), 0.0);
  for (std::size_t t = 0; t < spend.size(); ++t) {
    double weight = 1;
    for (int lag = 0; lag <= window_weeks && lag <= static_cast<int>(t); ++lag) {
      adstock[t] += weight * spend[t - lag];
      weight *= decay_rate;
    }
  }
  return adstock;
}

fit::MediaResult power_media(const std::string& name, std::vector<double> spend, double beta,
                             double elasticity) {
  fit::MediaResult media;
  media.name = name;
  media.decay_rate = 0.5;
  media.window_weeks = 8;
  media.spend = std::move(spend);
  media.adstock = geometric_adstock(media.spend, media.decay_rate, media.window_weeks);
  media.selected_curve = CurveKind::concave;
  media.concave.beta = beta;
  media.concave.elasticity = elasticity;
  return media;
}

fit::MediaResult hill_media(const std::string& name, std::vector<double> spend, double beta,
                            double half_saturation, double slope) {
  fit::MediaResult media = power_media(name, std::move(spend), 0, 0);
  media.selected_curve = CurveKind::hill;
  media.hill.beta = beta;
  media.hill.half_saturation = half_saturation;
  media.hill.hill_slope = slope;
  return media;
}

fit::FitResult make_fit(std::vector<fit::MediaResult> media) {
  fit::FitResult fit;
  fit.fit_id = "test-fit";
  fit.weeks.assign(media.front().spend.size(), "2024-01-01");
  fit.media = std::move(media);
  return fit;
}

std::vector<double> constant(double value, int weeks = 30) {
  return std::vector<double>(weeks, value);
}

bool has_annotation(const MediaRecommendation& row, std::string_view text) {
  return std::find(row.annotations.begin(), row.annotations.end(), std::string(text)) !=
         row.annotations.end();
}

fit::FitResult three_media_fit() {
  return make_fit({power_media("claims", constant(100), 20, 0.5),
                   power_media("topups", constant(50), 2, 0.6),
                   hill_media("bridge", constant(80), 3000, 60, 2.5)});
}

TEST(SimulateBudget, RespectsCapAndNeverZero) {
  for (double max_change : {0.3, 0.1}) {
    SimulationOptions options;
    options.max_change = max_change;
    const SimulationResult result = simulate_budget(three_media_fit(), options);
    for (const MediaRecommendation& row : result.media) {
      EXPECT_GT(row.recommended_spend, 0) << row.name;
      EXPECT_GE(row.recommended_spend,
                (1 - max_change) * row.current_spend * (1 - kRelativeTolerance))
          << row.name;
      EXPECT_LE(row.recommended_spend,
                (1 + max_change) * row.current_spend * (1 + kRelativeTolerance))
          << row.name;
      EXPECT_LE(std::fabs(row.change_fraction), max_change + kRelativeTolerance) << row.name;
      EXPECT_GT(row.unconstrained_spend, 0) << row.name;
    }
  }
}

TEST(SimulateBudget, ConservesBudgetWithRequestedChange) {
  for (double budget_change : {-0.2, 0.0, 0.25}) {
    SimulationOptions options;
    options.budget_change = budget_change;
    const SimulationResult result = simulate_budget(three_media_fit(), options);
    const double expected = 230 * (1 + budget_change);
    EXPECT_NEAR(result.totals.current_spend, 230, kRelativeTolerance * 230);
    EXPECT_NEAR(result.totals.recommended_spend, expected, kRelativeTolerance * expected);
    EXPECT_NEAR(result.totals.unconstrained_spend, expected, kRelativeTolerance * expected);
  }
}

TEST(SimulateBudget, SharesAndRoisMatchHandValues) {
  const SimulationResult result = simulate_budget(three_media_fit(), SimulationOptions{});
  ASSERT_EQ(result.media.size(), 3u);
  const MediaRecommendation& claims = result.media[0];
  EXPECT_NEAR(claims.current_share, 100.0 / 230, kRelativeTolerance);
  const double multiplier = (1 - std::pow(0.5, 9)) / 0.5;
  const double adstock = multiplier * 100;
  const double response = 20 * std::sqrt(adstock);
  EXPECT_NEAR(claims.average_roi, response / 100, kRelativeTolerance * response);
  EXPECT_NEAR(claims.marginal_roi, 0.5 * response / 100, kRelativeTolerance * response);
  ASSERT_TRUE(claims.marginal_return_per_adstock_unit.has_value());
  EXPECT_NEAR(*claims.marginal_return_per_adstock_unit, 20 * 0.5 / std::sqrt(adstock),
              kRelativeTolerance);
  EXPECT_FALSE(result.media[2].marginal_return_per_adstock_unit.has_value());
  EXPECT_EQ(result.media[2].curve, "hill");
  EXPECT_EQ(result.fit_id, "test-fit");
  EXPECT_FALSE(result.assumptions.empty());
}

TEST(SimulateBudget, PredictedChangeIsSumOfMediaChanges) {
  const SimulationResult result = simulate_budget(three_media_fit(), SimulationOptions{});
  double sum = 0;
  for (const MediaRecommendation& row : result.media) sum += row.predicted_kpi_change;
  EXPECT_NEAR(result.totals.predicted_kpi_change, sum, 1e-12 * std::fabs(sum));
  // Same budget reallocated optimally cannot lose KPI, and without caps it gains at least as much.
  EXPECT_GE(result.totals.predicted_kpi_change, 0);
  EXPECT_GE(result.totals.unconstrained_predicted_kpi_change,
            result.totals.predicted_kpi_change - 1e-9);
}

TEST(SimulateBudget, NegativeElasticityNeverIncreased) {
  // The other media is saturated, so the optimizer would like to move budget
  // away from it; the negative-elasticity media must still not grow.
  const fit::FitResult fit = make_fit({power_media("strong", constant(100), 0.01, 0.1),
                                       power_media("negative", constant(100), 50, -0.3)});
  SimulationOptions options;
  options.budget_change = 0.1;
  const SimulationResult result = simulate_budget(fit, options);
  const MediaRecommendation& negative = result.media[1];
  EXPECT_LE(negative.recommended_spend, negative.current_spend * (1 + kRelativeTolerance));
  EXPECT_LE(negative.unconstrained_spend, negative.current_spend * (1 + kRelativeTolerance));
  EXPECT_TRUE(has_annotation(negative, kNegativeElasticityAnnotation));
  EXPECT_NEAR(result.totals.recommended_spend, 220, kRelativeTolerance * 220);
  EXPECT_EQ(negative.predicted_kpi_change, 0.0);
}

TEST(SimulateBudget, TotalBeyondCapsRejected) {
  // 240 needs the negative-elasticity media above its current 100, since the
  // other can reach only 130.
  const fit::FitResult fit = make_fit({power_media("strong", constant(100), 0.01, 0.1),
                                       power_media("negative", constant(100), 50, -0.3)});
  SimulationOptions options;
  options.budget_change = 0.2;
  try {
    simulate_budget(fit, options);
    ADD_FAILURE() << "accepted a total the caps cannot reach";
  } catch (const core::InputError& error) {
    EXPECT_NE(std::string(error.what()).find("budget_change 0.2"), std::string::npos)
        << error.what();
  }
}

TEST(SimulateBudget, OffMediaStaysOff) {
  std::vector<double> seasonal = constant(40);
  std::fill(seasonal.end() - 6, seasonal.end(), 0.0);
  seasonal[3] = 80;  // active-week mean: (25 * 40 + 80) / 24 = 45
  const fit::FitResult fit = make_fit({power_media("running", constant(100), 20, 0.5),
                                       power_media("paused", seasonal, 30, 0.5),
                                       power_media("other", constant(60), 10, 0.5)});
  const SimulationResult result = simulate_budget(fit, SimulationOptions{});
  const MediaRecommendation& paused = result.media[1];
  EXPECT_TRUE(paused.off);
  EXPECT_EQ(paused.current_spend, 0.0);
  EXPECT_EQ(paused.recommended_spend, 0.0);
  EXPECT_EQ(paused.unconstrained_spend, 0.0);
  EXPECT_TRUE(has_annotation(paused, kOffAnnotation));
  const double active_mean = (23 * 40.0 + 80) / 24;
  const double multiplier = (1 - std::pow(0.5, 9)) / 0.5;
  const double expected_marginal = 30 * 0.5 * std::sqrt(multiplier) / std::sqrt(active_mean);
  EXPECT_NEAR(paused.marginal_roi, expected_marginal, kRelativeTolerance * expected_marginal);
  EXPECT_NEAR(result.totals.recommended_spend, 160, kRelativeTolerance * 160);
}

TEST(SimulateBudget, OutOfSampleWhenAboveHistory) {
  // History held 100 for weeks with a single week at 200: the unconstrained
  // optimum pushes the strong media to 1.5 x 200, whose steady adstock is far
  // above any adstock seen.
  std::vector<double> spend = constant(100);
  spend[10] = 200;
  const fit::FitResult fit = make_fit(
      {power_media("strong", spend, 100, 0.9), power_media("weak", constant(200), 1, 0.2)});
  const SimulationResult result = simulate_budget(fit, SimulationOptions{});
  EXPECT_TRUE(has_annotation(result.media[0], kOutOfSampleAnnotation));
  EXPECT_FALSE(has_annotation(result.media[1], kOutOfSampleAnnotation));
}

TEST(SimulateBudget, NoOutOfSampleWithinHistory) {
  // Two identical concave media split the same total evenly, at their history.
  const fit::FitResult fit =
      make_fit({power_media("a", constant(100), 5, 0.5), power_media("b", constant(100), 5, 0.5)});
  const SimulationResult result = simulate_budget(fit, SimulationOptions{});
  for (const MediaRecommendation& row : result.media) {
    EXPECT_NEAR(row.recommended_spend, 100, 1e-6 * 100) << row.name;
    EXPECT_FALSE(has_annotation(row, kOutOfSampleAnnotation)) << row.name;
  }
}

TEST(SimulateBudget, SaturatedMediaCutIsObserved) {
  // Hill with K far below current adstock: marginal ROI is a sliver of the average.
  const fit::FitResult fit = make_fit({hill_media("saturated", constant(100), 1000, 5, 2),
                                       power_media("growing", constant(100), 10, 0.8)});
  const SimulationResult result = simulate_budget(fit, SimulationOptions{});
  const MediaRecommendation& saturated = result.media[0];
  EXPECT_LT(saturated.marginal_roi, kSaturationRatio * saturated.average_roi);
  EXPECT_TRUE(has_annotation(saturated, kSaturatedAnnotation));
  EXPECT_LT(saturated.recommended_spend, saturated.current_spend);
  EXPECT_TRUE(has_annotation(saturated, kObserveReducedAnnotation));
  EXPECT_FALSE(has_annotation(result.media[1], kSaturatedAnnotation));
}

TEST(SimulateBudget, RejectsMediaInDifferentUnits) {
  fit::FitResult fit = three_media_fit();
  for (fit::MediaResult& media : fit.media) media.unit = "usd";
  fit.media[1].unit = "gno";
  fit.media[1].decimals = 18;
  try {
    simulate_budget(fit, SimulationOptions{});
    ADD_FAILURE() << "expected an InputError";
  } catch (const core::InputError& error) {
    EXPECT_NE(std::string(error.what()).find("cannot share one budget"), std::string::npos)
        << error.what();
  }
}

TEST(SimulateBudget, TokenBaseUnitsGiveSameShares) {
  // Spend in wei (x 1e18): the same curve needs beta / 1e18^r (power) and
  // K x 1e18 (Hill) to predict the same KPI.
  const double scale = 1e18;
  auto scaled = [&](std::vector<double> values) {
    for (double& value : values) value *= scale;
    return values;
  };
  const fit::FitResult whole = three_media_fit();
  const fit::FitResult wei =
      make_fit({power_media("claims", scaled(constant(100)), 20 / std::pow(scale, 0.5), 0.5),
                power_media("topups", scaled(constant(50)), 2 / std::pow(scale, 0.6), 0.6),
                hill_media("bridge", scaled(constant(80)), 3000, 60 * scale, 2.5)});
  for (double budget_change : {0.0, 0.1, -0.2}) {
    SimulationOptions options;
    options.budget_change = budget_change;
    const SimulationResult a = simulate_budget(whole, options);
    const SimulationResult b = simulate_budget(wei, options);
    EXPECT_NEAR(b.totals.recommended_spend / b.totals.current_spend,
                a.totals.recommended_spend / a.totals.current_spend, kScaleTolerance)
        << "budget_change " << budget_change;
    for (std::size_t m = 0; m < a.media.size(); ++m) {
      EXPECT_NEAR(b.media[m].current_share, a.media[m].current_share, kScaleTolerance)
          << a.media[m].name;
      EXPECT_NEAR(b.media[m].change_fraction, a.media[m].change_fraction, kScaleTolerance)
          << a.media[m].name;
      EXPECT_NEAR(b.media[m].unconstrained_spend / scale, a.media[m].unconstrained_spend,
                  kScaleTolerance * a.media[m].unconstrained_spend)
          << a.media[m].name;
      EXPECT_NEAR(b.media[m].predicted_kpi_change, a.media[m].predicted_kpi_change,
                  kScaleTolerance * std::max(1.0, std::fabs(a.media[m].predicted_kpi_change)))
          << a.media[m].name;
    }
  }
}

TEST(SimulateBudget, RangesFromBootstrapUncertainty) {
  fit::FitResult fit = three_media_fit();
  for (fit::MediaResult& media : fit.media) {
    fit::MediaUncertainty uncertainty;
    uncertainty.marginal_roi = {0.5, 1.0, 2.0};
    uncertainty.historical_roi = {0.8, 1.0, 1.5};
    media.uncertainty = uncertainty;
  }
  SimulationOptions options;
  options.current_weeks = 6;  // not the bootstrap's window, so ranges are rescaled
  const SimulationResult result = simulate_budget(fit, options);
  for (const MediaRecommendation& row : result.media) {
    ASSERT_TRUE(row.marginal_roi_range.has_value()) << row.name;
    EXPECT_NEAR(row.marginal_roi_range->p50, row.marginal_roi,
                kRelativeTolerance * row.marginal_roi);
    EXPECT_NEAR(row.marginal_roi_range->p05, 0.5 * row.marginal_roi,
                kRelativeTolerance * row.marginal_roi);
    ASSERT_TRUE(row.average_roi_range.has_value()) << row.name;
    EXPECT_NEAR(row.average_roi_range->p95, 1.5 * row.average_roi,
                kRelativeTolerance * row.average_roi);
    ASSERT_TRUE(row.predicted_kpi_change_range.has_value()) << row.name;
    EXPECT_LE(row.predicted_kpi_change_range->p05, row.predicted_kpi_change_range->p50);
    EXPECT_LE(row.predicted_kpi_change_range->p50, row.predicted_kpi_change_range->p95);
  }
  ASSERT_TRUE(result.totals.predicted_kpi_change_range.has_value());
  EXPECT_NEAR(result.totals.predicted_kpi_change_range->p50, result.totals.predicted_kpi_change,
              1e-9 * std::max(1.0, std::fabs(result.totals.predicted_kpi_change)));
}

TEST(SimulateBudget, NoRangesWithoutBootstrap) {
  const SimulationResult result = simulate_budget(three_media_fit(), SimulationOptions{});
  EXPECT_FALSE(result.media[0].marginal_roi_range.has_value());
  EXPECT_FALSE(result.totals.predicted_kpi_change_range.has_value());
}

TEST(SimulationOptions, InvalidValuesAreRejected) {
  struct Case {
    const char* field;
    SimulationOptions options;
  };
  const std::vector<Case> cases = {
      {"current_weeks", {0, 0, 0.3}},    {"current_weeks", {31, 0, 0.3}},
      {"budget_change", {4, 0.31, 0.3}}, {"budget_change", {4, -0.5, 0.3}},
      {"budget_change", {4, NAN, 0.3}},  {"max_change", {4, 0, 0}},
      {"max_change", {4, 0, 0.31}},      {"budget_change", {4, 0.2, 0.1}},
  };
  for (const Case& test : cases) {
    try {
      simulate_budget(three_media_fit(), test.options);
      ADD_FAILURE() << "accepted an invalid " << test.field;
    } catch (const core::InputError& error) {
      EXPECT_NE(std::string(error.what()).find(test.field), std::string::npos) << error.what();
    }
  }
}

TEST(SimulateBudget, MissingCurveParametersRejected) {
  fit::FitResult fit = three_media_fit();
  fit.media[1].concave.elasticity.reset();
  EXPECT_THROW(simulate_budget(fit, SimulationOptions{}), core::InputError);
}

TEST(SimulateBudget, AllMediaOffRejected) {
  std::vector<double> spend = constant(50);
  std::fill(spend.end() - 4, spend.end(), 0.0);
  EXPECT_THROW(simulate_budget(make_fit({power_media("a", spend, 5, 0.5)}), SimulationOptions{}),
               core::InputError);
}

TEST(SimulationJson, RoundTripsEveryField) {
  fit::FitResult fit = three_media_fit();
  fit.media[0].uncertainty = fit::MediaUncertainty{};
  fit.media[0].uncertainty->marginal_roi = {0.5, 1.0, 2.0};
  fit.media[0].uncertainty->historical_roi = {0.8, 1.0, 1.5};
  const SimulationResult original = simulate_budget(fit, SimulationOptions{});
  const std::string text = to_json_text(original);
  const SimulationResult copy = simulation_from_json(text, "simulation.json");
  EXPECT_EQ(to_json_text(copy), text);
  EXPECT_EQ(copy.media[0].annotations, original.media[0].annotations);
  EXPECT_TRUE(copy.media[0].marginal_roi_range.has_value());
  EXPECT_FALSE(copy.media[1].marginal_roi_range.has_value());
  EXPECT_NE(text.find("\"marginal_return_per_adstock_unit\": null"), std::string::npos);
}

TEST(SimulationJson, MissingKeyNamesPath) {
  try {
    simulation_from_json(R"({"fit_id": "x", "options": {"current_weeks": 4, "budget_change": 0}})",
                         "sim.json");
    ADD_FAILURE() << "accepted a simulation without options.max_change";
  } catch (const core::InputError& error) {
    EXPECT_NE(std::string(error.what()).find("options.max_change"), std::string::npos)
        << error.what();
    EXPECT_NE(std::string(error.what()).find("sim.json"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace cerebro::simulate
