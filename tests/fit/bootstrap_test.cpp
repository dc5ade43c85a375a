#include "fit/bootstrap.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "bootstrap_fixture.hpp"
#include "core/errors.hpp"
#include "fit/bootstrap_resample.hpp"
#include "fit/fit_result_json.hpp"

namespace cerebro::fit {
namespace {

using testing::simulated_fit;

// Few resamples keep the suite fast; percentiles of 50 draws are coarse but
// enough for the orderings checked here.
constexpr int kResamples = 50;
// Interval width shrinks like 1 / sqrt(n): 4x the weeks gives about half the
// width. 0.8 leaves room for the noise of 50 resamples per fit.
constexpr double kMaxWidthRatio = 0.8;

FitOptions bootstrap_options(int resamples, int threads, std::uint64_t seed = 0) {
  FitOptions options;
  options.bootstrap.resamples = resamples;
  options.bootstrap.seed = seed;
  options.threads = threads;
  return options;
}

double width(const Interval& range) { return range.p95 - range.p05; }

TEST(CurrentSpend, MeanOfLastFourWeeks) {
  const std::vector<double> spend = {1, 2, 3, 4, 5, 6};
  EXPECT_DOUBLE_EQ(current_spend_per_week(spend), 4.5);
  const std::vector<double> short_spend = {2, 4};
  EXPECT_DOUBLE_EQ(current_spend_per_week(short_spend), 3.0);
}

TEST(CurrentSpend, DarkRecentWeeksUseActiveMean) {
  const std::vector<double> spend = {5, 0, 7, 0, 0, 0, 0};
  EXPECT_DOUBLE_EQ(current_spend_per_week(spend), 6.0);
  const std::vector<double> zeros = {0, 0, 0};
  EXPECT_EQ(current_spend_per_week(zeros), 0.0);
  EXPECT_EQ(current_spend_per_week(std::vector<double>{}), 0.0);
}

TEST(AddBootstrap, FillsInfoAndFitId) {
  FitResult result = simulated_fit(120, 2, 1);
  const std::string point_fit_id = result.fit_id;
  add_bootstrap(result, bootstrap_options(kResamples, 1, 9));

  ASSERT_TRUE(result.bootstrap.has_value());
  EXPECT_EQ(result.bootstrap->method, "moving-block bootstrap");
  EXPECT_EQ(result.bootstrap->resamples, kResamples);
  EXPECT_EQ(result.bootstrap->block_length_weeks,
            default_block_length_weeks(result.training_weeks));
  EXPECT_EQ(result.bootstrap->seed, 9u);
  EXPECT_NE(result.fit_id, point_fit_id);
  EXPECT_EQ(result.fit_id, compute_fit_id(result));
  for (const MediaResult& media : result.media) {
    ASSERT_TRUE(media.uncertainty.has_value()) << media.name;
    EXPECT_GE(media.uncertainty->other_curve_share, 0.0);
    EXPECT_LE(media.uncertainty->other_curve_share, 1.0);
  }
}

TEST(AddBootstrap, ParameterKeysFollowSelectedCurve) {
  FitResult result = simulated_fit(120, 2, 2);
  add_bootstrap(result, bootstrap_options(kResamples, 1));
  for (const MediaResult& media : result.media) {
    ASSERT_TRUE(media.uncertainty.has_value()) << media.name;
    const auto& parameters = media.uncertainty->parameters;
    if (media.selected_curve == CurveKind::concave) {
      EXPECT_EQ(parameters.size(), 2u);
      EXPECT_TRUE(parameters.contains("beta"));
      EXPECT_TRUE(parameters.contains("elasticity"));
    } else {
      EXPECT_EQ(parameters.size(), 3u);
      EXPECT_TRUE(parameters.contains("half_saturation"));
      EXPECT_TRUE(parameters.contains("hill_slope"));
    }
  }
}

TEST(AddBootstrap, BlockLengthOptionIsUsed) {
  FitResult result = simulated_fit(80, 1, 3);
  FitOptions options = bootstrap_options(20, 1);
  options.bootstrap.block_length_weeks = 9;
  add_bootstrap(result, options);
  ASSERT_TRUE(result.bootstrap.has_value());
  EXPECT_EQ(result.bootstrap->block_length_weeks, 9);
}

TEST(AddBootstrap, SeedReproducesAcrossThreadCounts) {
  const FitResult point = simulated_fit(100, 3, 4);
  FitResult one_thread = point;
  FitResult two_threads = point;
  FitResult again = point;
  add_bootstrap(one_thread, bootstrap_options(kResamples, 1, 123));
  add_bootstrap(two_threads, bootstrap_options(kResamples, 2, 123));
  add_bootstrap(again, bootstrap_options(kResamples, 1, 123));
  EXPECT_EQ(to_json_text(one_thread), to_json_text(two_threads));
  EXPECT_EQ(to_json_text(one_thread), to_json_text(again));

  FitResult other_seed = point;
  add_bootstrap(other_seed, bootstrap_options(kResamples, 1, 124));
  EXPECT_NE(to_json_text(one_thread), to_json_text(other_seed));
}

TEST(AddBootstrap, PointEstimateInsideInterval) {
  FitResult result = simulated_fit(160, 3, 5);
  add_bootstrap(result, bootstrap_options(kResamples, 2));
  for (const MediaResult& media : result.media) {
    ASSERT_TRUE(media.uncertainty.has_value()) << media.name;
    const MediaUncertainty& uncertainty = *media.uncertainty;
    EXPECT_LE(uncertainty.total_contribution.p05, media.total_contribution) << media.name;
    EXPECT_GE(uncertainty.total_contribution.p95, media.total_contribution) << media.name;
    EXPECT_LE(uncertainty.historical_roi.p05, *media.historical_roi) << media.name;
    EXPECT_GE(uncertainty.historical_roi.p95, *media.historical_roi) << media.name;
    if (media.selected_curve == CurveKind::concave) {
      const Interval& elasticity = uncertainty.parameters.at("elasticity");
      EXPECT_LE(elasticity.p05, *media.concave.elasticity) << media.name;
      EXPECT_GE(elasticity.p95, *media.concave.elasticity) << media.name;
    }
    EXPECT_LE(uncertainty.marginal_roi.p05, uncertainty.marginal_roi.p50) << media.name;
    EXPECT_LE(uncertainty.marginal_roi.p50, uncertainty.marginal_roi.p95) << media.name;
  }
}

TEST(AddBootstrap, IntervalsNarrowWithMoreWeeks) {
  // Three simulated data sets per length, so one unlucky draw cannot decide.
  // Historical ROI compares across lengths whichever curve each fit selects;
  // parameters compare only when both fits selected the same curve.
  double short_roi_width = 0;
  double long_roi_width = 0;
  for (std::uint64_t seed : {6, 7, 8}) {
    FitResult short_fit = simulated_fit(80, 1, seed);
    FitResult long_fit = simulated_fit(320, 1, seed);
    add_bootstrap(short_fit, bootstrap_options(kResamples, 2));
    add_bootstrap(long_fit, bootstrap_options(kResamples, 2));
    const MediaUncertainty& short_range = short_fit.media[0].uncertainty.value();
    const MediaUncertainty& long_range = long_fit.media[0].uncertainty.value();
    short_roi_width += width(short_range.historical_roi);
    long_roi_width += width(long_range.historical_roi);

    if (short_fit.media[0].selected_curve != long_fit.media[0].selected_curve) continue;
    for (const auto& [name, short_parameter] : short_range.parameters) {
      EXPECT_LT(width(long_range.parameters.at(name)), width(short_parameter))
          << name << ", seed " << seed;
    }
  }
  EXPECT_LT(long_roi_width, kMaxWidthRatio * short_roi_width);
}

TEST(AddBootstrap, ZeroResamplesLeaveResultUnchanged) {
  FitResult result = simulated_fit(80, 1, 7);
  const std::string before = to_json_text(result);
  add_bootstrap(result, bootstrap_options(0, 1));
  EXPECT_FALSE(result.bootstrap.has_value());
  EXPECT_EQ(to_json_text(result), before);
}

TEST(AddBootstrap, RejectsInvalidOptions) {
  const FitResult point = simulated_fit(80, 1, 8);
  FitResult result = point;
  EXPECT_THROW(add_bootstrap(result, bootstrap_options(-1, 1)), core::InputError);
  EXPECT_THROW(add_bootstrap(result, bootstrap_options(1, 1)), core::InputError);
  EXPECT_THROW(add_bootstrap(result, bootstrap_options(19, 1)), core::InputError);
  EXPECT_THROW(add_bootstrap(result, bootstrap_options(20, -2)), core::InputError);

  FitOptions options = bootstrap_options(20, 1);
  options.bootstrap.block_length_weeks = 0;
  EXPECT_THROW(add_bootstrap(result, options), core::InputError);
  options.bootstrap.block_length_weeks = point.training_weeks + 1;
  EXPECT_THROW(add_bootstrap(result, options), core::InputError);
  EXPECT_EQ(to_json_text(result), to_json_text(point));
}

TEST(AddBootstrap, WarnsWhenFewResamplesFit) {
  // The KPI rises above its baseline in two training weeks only, so the
  // concave curve needs both in a resample. With single-week blocks each week
  // enters a resample of n = 40 weeks with probability 1 - (1 - 1/40)^40 =
  // 0.64, both with about 0.40: well under half of the 200 resamples.
  FitResult result = simulated_fit(50, 1, 10);
  ASSERT_EQ(result.training_weeks, 40);
  std::fill(result.kpi_adjusted.begin(), result.kpi_adjusted.end(), 1000.0);
  result.kpi_adjusted[testing::kWarmupWeeks + 10] = 1100.0;
  result.kpi_adjusted[testing::kWarmupWeeks + 30] = 1150.0;
  result.media[0].selected_curve = CurveKind::concave;
  // Both raised weeks need adstock > 0 for the concave fit to use them.
  for (std::size_t t = 0; t < result.media[0].spend.size(); ++t) {
    result.media[0].spend[t] = 10.0 + static_cast<double>(t % 7);
  }
  result.media[0].adstock = testing::geometric_adstock(result.media[0].spend);

  FitOptions options = bootstrap_options(200, 2);
  options.bootstrap.block_length_weeks = 1;
  add_bootstrap(result, options);

  const auto warning = std::find_if(result.warnings.begin(), result.warnings.end(),
                                    [](const FitWarning& item) {
                                      return item.code == "bootstrap_few_resamples";
                                    });
  ASSERT_NE(warning, result.warnings.end());
  EXPECT_EQ(warning->media, "media_0");
  EXPECT_TRUE(result.media[0].uncertainty.has_value());
}

TEST(AddBootstrap, ReportsProgressOfEveryFit) {
  FitResult result = simulated_fit(80, 2, 9);
  std::vector<int> finished;
  int reported_total = 0;
  add_bootstrap(result, bootstrap_options(20, 2), [&](int done, int total) {
    finished.push_back(done);
    reported_total = total;
  });
  EXPECT_EQ(reported_total, 40);
  ASSERT_EQ(finished.size(), 40u);
  for (std::size_t k = 0; k < finished.size(); ++k) {
    EXPECT_EQ(finished[k], static_cast<int>(k) + 1);
  }
}

}  // namespace
}  // namespace cerebro::fit
