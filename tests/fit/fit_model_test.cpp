#include "fit/fit_model.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include <chrono>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "transform/adstock.hpp"

namespace cerebro::fit {
namespace {

using std::chrono::days;

// Values that pass through the same arithmetic in a different order.
constexpr double kRelativeTolerance = 1e-9;

const core::Day kFirstMonday = core::Day{std::chrono::year{2021} / 1 / 4};

void expect_relative(double actual, double expected) {
  EXPECT_NEAR(actual, expected, kRelativeTolerance * std::max(1.0, std::fabs(expected)));
}

core::Series media_series(const std::string& name, std::vector<double> values) {
  core::Series series;
  series.name = name;
  series.role = core::SeriesRole::media;
  series.unit = "usd";
  series.values = std::move(values);
  return series;
}

// Spend that is off in about a quarter of the weeks, drawn independently per media.
std::vector<double> random_spend(int weeks, unsigned seed) {
  std::mt19937 engine(seed);
  std::uniform_real_distribution<double> draw(100.0, 1000.0);
  std::bernoulli_distribution off(0.25);
  std::vector<double> spend(weeks, 0.0);
  for (int t = 0; t < weeks; ++t) spend[t] = off(engine) ? 0.0 : draw(engine);
  return spend;
}

// Spend with off periods of 10 weeks (longer than the window), so adstock is
// exactly 0 in a share of weeks.
std::vector<double> flighted_spend(int weeks, unsigned seed) {
  std::mt19937 engine(seed);
  std::uniform_real_distribution<double> draw(100.0, 1000.0);
  std::vector<double> spend(weeks, 0.0);
  for (int t = 0; t < weeks; ++t) {
    if (t % 30 >= 10) spend[t] = draw(engine);
  }
  return spend;
}

// A KPI with a near-linear response to each media's adstock (decay 0.5, window
// 8) plus noise, which the structural-break guard's linear null model accepts.
// Spend after `last_spend_week` is 0.
core::WeeklyPanel make_panel(int weeks, int media_count, unsigned seed, int last_spend_week = 1 << 30) {
  core::WeeklyPanel panel;
  for (int t = 0; t < weeks; ++t) panel.weeks.push_back(kFirstMonday + days(7 * t));
  panel.kpi.name = "tvl_usd";
  panel.kpi.role = core::SeriesRole::kpi;
  panel.kpi.values.assign(weeks, 5000.0);
  std::mt19937 engine(seed);
  std::normal_distribution<double> noise(0.0, 30.0);
  for (int m = 0; m < media_count; ++m) {
    auto spend = random_spend(weeks, seed + 13 * m);
    for (int t = last_spend_week + 1; t < weeks; ++t) spend[t] = 0.0;
    const auto adstock = transform::geometric_adstock(spend, 0.5, 8);
    for (int t = 0; t < weeks; ++t) panel.kpi.values[t] += 0.8 * adstock[t];
    panel.media.push_back(media_series("media_" + std::to_string(m), std::move(spend)));
  }
  for (double& value : panel.kpi.values) value += noise(engine);
  return panel;
}

TEST(FitModel, WarmupAndHoldoutCounts) {
  const core::WeeklyPanel panel = make_panel(100, 2, 1);
  FitOptions options;
  options.media = {{"media_0", 0.5, 8}, {"media_1", 0.5, 4}};
  const FitResult result = fit_model(panel, options);
  EXPECT_EQ(result.warmup_weeks, 8);
  EXPECT_EQ(result.modeling_weeks, 92);
  EXPECT_EQ(result.holdout_weeks, 18);  // floor(0.2 * 92 + 0.5)
  EXPECT_EQ(result.training_weeks, 74);
  EXPECT_EQ(result.weeks.size(), 100u);
  EXPECT_EQ(result.media[0].contribution.size(), 100u);
  for (int t = 0; t < 8; ++t) {
    EXPECT_TRUE(std::isnan(result.media[0].contribution[t]));
    EXPECT_TRUE(std::isnan(result.decomposition.remainder[t]));
  }
  EXPECT_FALSE(result.directional_only);
  EXPECT_EQ(result.fit_id.size(), 64u);
}

TEST(FitModel, StartUsesEarlierWeeksAsWarmup) {
  const core::WeeklyPanel panel = make_panel(120, 1, 2);
  FitOptions options;
  options.start = kFirstMonday + days(7 * 20 + 3);  // inside week 20
  options.end = kFirstMonday + days(7 * 110);
  const FitResult result = fit_model(panel, options);
  EXPECT_EQ(result.weeks.front(), core::format_date(kFirstMonday + days(7 * 12)));
  EXPECT_EQ(result.weeks.back(), core::format_date(kFirstMonday + days(7 * 110)));
  EXPECT_EQ(result.warmup_weeks, 8);
  EXPECT_EQ(result.modeling_weeks, 91);  // weeks 20..110
  EXPECT_EQ(result.holdout_weeks, 18);   // floor(18.2 + 0.5)
}

TEST(FitModel, EarlyStartMovesModelingAfterWarmup) {
  const core::WeeklyPanel panel = make_panel(80, 1, 3);
  FitOptions options;
  options.start = kFirstMonday + days(7 * 3);
  const FitResult result = fit_model(panel, options);
  EXPECT_EQ(result.weeks.front(), core::format_date(kFirstMonday));
  EXPECT_EQ(result.modeling_weeks, 72);
}

TEST(FitModel, TooFewTrainingWeeksThrows) {
  // 19 weeks: 8 warm-up, n = 11, holdout 4, training 7.
  const core::WeeklyPanel panel = make_panel(19, 1, 4);
  try {
    fit_model(panel, FitOptions{});
    FAIL() << "expected core::InputError";
  } catch (const core::InputError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("leaving 7 training weeks"), std::string::npos) << message;
    EXPECT_NE(message.find("at least 1 more week"), std::string::npos) << message;
  }
  EXPECT_NO_THROW(fit_model(make_panel(20, 1, 4), FitOptions{}));
}

TEST(FitModel, NoNonFiniteValueAfterWarmup) {
  const core::WeeklyPanel panel = make_panel(70, 3, 5);
  FitOptions options;
  options.media = {{"media_0", std::nullopt, 8}, {"media_1", 0.5, 8}, {"media_2", 0.5, 4}};
  const FitResult result = fit_model(panel, options);
  for (const MediaResult& media : result.media) {
    for (int t = result.warmup_weeks; t < static_cast<int>(result.weeks.size()); ++t) {
      EXPECT_TRUE(std::isfinite(media.contribution[t]));
      EXPECT_TRUE(std::isfinite(media.adstock[t]));
    }
    EXPECT_TRUE(std::isfinite(media.baseline));
    EXPECT_TRUE(std::isfinite(media.spend_share));
    EXPECT_TRUE(std::isfinite(media.effect_share));
    ASSERT_TRUE(media.historical_roi);
    EXPECT_TRUE(std::isfinite(*media.historical_roi));
  }
  for (const auto& [name, value] : result.vif) EXPECT_TRUE(std::isfinite(value)) << name;
  for (const Correlation& c : result.correlations) EXPECT_TRUE(std::isfinite(c.value));
}

TEST(FitModel, NonFiniteInputThrows) {
  core::WeeklyPanel panel = make_panel(70, 1, 6);
  panel.media[0].values[30] = std::nan("");
  EXPECT_THROW(fit_model(panel, FitOptions{}), core::InputError);
}

TEST(FitModel, DecompositionSumsToKpi) {
  const core::WeeklyPanel panel = make_panel(90, 2, 7);
  const FitResult result = fit_model(panel, FitOptions{});
  double smallest_baseline = HUGE_VAL;
  for (const MediaResult& media : result.media) {
    smallest_baseline = std::min(smallest_baseline, media.baseline);
  }
  std::size_t over = 0;
  for (int t = result.warmup_weeks; t < static_cast<int>(result.weeks.size()); ++t) {
    double sum = result.decomposition.remainder[t];
    for (const MediaResult& media : result.media) sum += media.contribution[t];
    expect_relative(sum, result.kpi_adjusted[t]);
    if (result.decomposition.remainder[t] < smallest_baseline) ++over;
  }
  EXPECT_EQ(result.decomposition.over_attributed_weeks.size(), over);
}

TEST(FitModel, TotalsAndShares) {
  const core::WeeklyPanel panel = make_panel(90, 2, 8);
  const FitResult result = fit_model(panel, FitOptions{});
  double spend_total = 0;
  double share_sum = 0;
  for (const MediaResult& media : result.media) {
    double spend = 0, contribution = 0;
    for (int t = result.warmup_weeks; t < static_cast<int>(result.weeks.size()); ++t) {
      spend += media.spend[t];
      contribution += media.contribution[t];
    }
    expect_relative(media.total_spend, spend);
    expect_relative(media.total_contribution, contribution);
    expect_relative(*media.historical_roi, contribution / spend);
    spend_total += spend;
    share_sum += media.effect_share;
  }
  expect_relative(result.media[0].spend_share, result.media[0].total_spend / spend_total);
  expect_relative(share_sum, 1.0);
}

// One flighted media "rewards" and a noiseless KPI = 800 + 15 * adstock^0.4,
// with the adstock built at `true_decay_rate` over 8 weeks.
core::WeeklyPanel noiseless_power_panel(double true_decay_rate) {
  core::WeeklyPanel panel;
  const int weeks = 104;
  for (int t = 0; t < weeks; ++t) panel.weeks.push_back(kFirstMonday + days(7 * t));
  auto spend = flighted_spend(weeks, 21);
  const auto adstock = transform::geometric_adstock(spend, true_decay_rate, 8);
  panel.kpi.name = "volume_usd";
  for (int t = 0; t < weeks; ++t) {
    panel.kpi.values.push_back(800.0 + (adstock[t] > 0 ? 15.0 * std::pow(adstock[t], 0.4) : 0.0));
  }
  panel.media.push_back(media_series("rewards", std::move(spend)));
  return panel;
}

TEST(FitModel, RecoversKnownParameters) {
  // The baseline weeks have adstock 0, so the log-log fit is exact at the true
  // decay and the decay grid picks it by a zero holdout error.
  const core::WeeklyPanel panel = noiseless_power_panel(0.6);
  FitOptions options;
  options.media = {{"rewards", std::nullopt, 8}};
  const FitResult result = fit_model(panel, options);
  const MediaResult& media = result.media[0];
  EXPECT_TRUE(media.decay_rate_auto);
  EXPECT_EQ(media.decay_rate_grid.size(), 10u);
  EXPECT_NEAR(media.decay_rate, 0.6, 1e-12);
  expect_relative(media.baseline, 800.0);
  expect_relative(*media.concave.elasticity, 0.4);
  expect_relative(*media.concave.beta, 15.0);
  EXPECT_EQ(media.selected_curve, CurveKind::concave);
}

TEST(FitModel, AutoDecayAtGridTopWarns) {
  // A true decay of 0.95 lies above the grid's 0.9, so the holdout error
  // falls all the way up the grid.
  const core::WeeklyPanel panel = noiseless_power_panel(0.95);
  FitOptions options;
  options.media = {{"rewards", std::nullopt, 8}};
  const FitResult result = fit_model(panel, options);
  EXPECT_NEAR(result.media[0].decay_rate, 0.9, 1e-12);
  const bool warned = std::any_of(result.warnings.begin(), result.warnings.end(), [](const auto& w) {
    return w.code == "decay_rate_at_grid_edge" && w.media == "rewards";
  });
  EXPECT_TRUE(warned);
}

TEST(FitModel, SpendOnlyInWarmupIsRejected) {
  core::WeeklyPanel panel = make_panel(100, 2, 5);
  // The second media runs only in the 8 warm-up weeks.
  for (int t = 8; t < 100; ++t) panel.media[1].values[t] = 0.0;
  try {
    fit_model(panel, FitOptions{});
    FAIL() << "expected an InputError";
  } catch (const core::InputError& error) {
    EXPECT_THAT(error.what(), ::testing::HasSubstr("media 'media_1' has no spend in the modeling window"));
  }
}

TEST(FitModel, AutoDecayTieKeepsSmallerRate) {
  // With window_weeks 0 the adstock equals the spend at every decay rate, so
  // all grid errors are equal.
  const core::WeeklyPanel panel = make_panel(100, 1, 9);
  FitOptions options;
  options.media = {{"media_0", std::nullopt, 0}};
  const FitResult result = fit_model(panel, options);
  const auto& grid = result.media[0].decay_rate_grid;
  ASSERT_EQ(grid.size(), 10u);
  for (const auto& [decay_rate, mae] : grid) EXPECT_EQ(mae, grid.front().second) << decay_rate;
  EXPECT_EQ(result.media[0].decay_rate, 0.0);
}

TEST(FitModel, TokenUnitsGiveSameElasticity) {
  const core::WeeklyPanel tokens = make_panel(90, 2, 10);
  core::WeeklyPanel wei = tokens;
  for (core::Series& media : wei.media) {
    media.decimals = 18;
    for (double& value : media.values) value *= 1e18;
  }
  FitOptions options;
  options.media = {{"media_0", std::nullopt, 8}, {"media_1", 0.5, 8}};
  const FitResult a = fit_model(tokens, options);
  const FitResult b = fit_model(wei, options);
  for (std::size_t m = 0; m < a.media.size(); ++m) {
    EXPECT_EQ(a.media[m].decay_rate, b.media[m].decay_rate);
    expect_relative(*b.media[m].concave.elasticity, *a.media[m].concave.elasticity);
    expect_relative(b.media[m].total_contribution, a.media[m].total_contribution);
    expect_relative(*b.media[m].historical_roi * 1e18, *a.media[m].historical_roi);
  }
}

TEST(FitModel, DirectionalOnlyBelowSixtyWeeks) {
  const FitResult result = fit_model(make_panel(60, 1, 11), FitOptions{});
  EXPECT_TRUE(result.directional_only);
  bool warned = false;
  for (const FitWarning& warning : result.warnings) warned |= warning.code == "directional_only";
  EXPECT_TRUE(warned);
}

TEST(FitModel, CollinearMediaStop) {
  core::WeeklyPanel panel = make_panel(90, 1, 12);
  std::vector<double> twin = panel.media[0].values;
  for (std::size_t t = 0; t < twin.size(); ++t) twin[t] = 2 * twin[t] + (t % 2);
  panel.media.push_back(media_series("twin", twin));
  EXPECT_THROW(fit_model(panel, FitOptions{}), core::InputError);
  FitOptions options;
  options.allowed_collinear_pairs = {{"twin", "media_0"}};
  const FitResult result = fit_model(panel, options);
  bool warned = false;
  for (const FitWarning& warning : result.warnings) warned |= warning.code == "collinear_pair_allowed";
  EXPECT_TRUE(warned);
}

TEST(FitModel, RejectsInvalidOptions) {
  const core::WeeklyPanel panel = make_panel(90, 1, 13);
  FitOptions options;
  options.holdout_fraction = 0.6;
  EXPECT_THROW(fit_model(panel, options), core::InputError);
  options = FitOptions{};
  options.media = {{"media_0", 1.0, 8}};
  EXPECT_THROW(fit_model(panel, options), core::InputError);
  options.media = {{"other", 0.5, 8}};
  EXPECT_THROW(fit_model(panel, options), core::InputError);
}

}  // namespace
}  // namespace cerebro::fit
