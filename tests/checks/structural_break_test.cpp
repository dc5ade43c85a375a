#include "checks/structural_break.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <vector>

#include "checks/level_shift_model.hpp"
#include "core/errors.hpp"
#include "guard_fixtures.hpp"

namespace cerebro::checks {
namespace {

using ::testing::HasSubstr;
using testing::GuardFixture;

constexpr int kWeeks = 156;
constexpr double kNoiseSd = 1.0;

// Baseline demand with a linear trend and an annual cycle, plus AR(1) noise
// with coefficient `ar1`, so the series looks like ordinary weekly data.
std::vector<double> ordinary_kpi(std::uint64_t seed, double ar1 = 0.3, int weeks = kWeeks) {
  std::mt19937_64 generator(seed);
  std::normal_distribution<double> normal(0.0, kNoiseSd * std::sqrt(1.0 - ar1 * ar1));
  std::vector<double> kpi(weeks);
  double noise = 0;
  for (int t = 0; t < weeks; ++t) {
    noise = ar1 * noise + normal(generator);
    kpi[t] = 100.0 + 0.05 * t + 2.0 * std::sin(2.0 * std::numbers::pi * t / kWeeksPerYear) + noise;
  }
  return kpi;
}

// Always-on spend with weekly jitter, unrelated to the KPI.
std::vector<double> always_on_spend(int weeks = kWeeks) {
  std::vector<double> spend(weeks);
  for (int t = 0; t < weeks; ++t) spend[t] = 10.0 + (t % 5);
  return spend;
}

void add_step(std::vector<double>& kpi, int from_week, double shift) {
  for (std::size_t t = from_week; t < kpi.size(); ++t) kpi[t] += shift;
}

std::string refusal(const GuardInput& input) {
  try {
    check_structural_break(input);
  } catch (const core::InputError& error) {
    return error.what();
  }
  return "";
}

TEST(StructuralBreak, DetectsLevelShiftAtExactWeek) {
  auto kpi = ordinary_kpi(7);
  add_step(kpi, 90, 4.0 * kNoiseSd);
  GuardFixture fixture;
  testing::fill_fixture(fixture, kpi, {always_on_spend()});
  const std::string week = core::format_date(fixture.panel.weeks[90]);
  ASSERT_EQ(week, "2022-09-26");

  const std::string message = refusal(fixture.input());
  EXPECT_THAT(message, HasSubstr("shifts level in the week of 2022-09-26"));
  EXPECT_THAT(message, HasSubstr("--step 2022-09-26"));
  EXPECT_THAT(message, HasSubstr("`start` past 2022-09-26"));
  EXPECT_THAT(message, HasSubstr("'kpi'"));
}

TEST(StructuralBreak, DetectsDropAndEstimatesShift) {
  auto kpi = ordinary_kpi(11, 0.0);
  add_step(kpi, 60, -3.0 * kNoiseSd);
  GuardFixture fixture;
  testing::fill_fixture(fixture, kpi, {always_on_spend()});
  const auto design = build_level_shift_design(fixture.input());
  const auto test = test_level_shift(design.columns, window_kpi(fixture.input()));
  ASSERT_TRUE(test.rejected());
  EXPECT_EQ(fixture.first_week + test.break_offset, 60);
  // The estimate of a 3-sd shift from about 70 weeks on each side has a
  // standard error near 0.2 sd; 1 sd is a generous bound.
  EXPECT_NEAR(test.level_shift, -3.0 * kNoiseSd, 1.0 * kNoiseSd);
}

TEST(StructuralBreak, SmallShiftIsNearMiss) {
  auto kpi = ordinary_kpi(7);
  add_step(kpi, 90, 0.3 * kNoiseSd);
  GuardFixture fixture;
  testing::fill_fixture(fixture, kpi, {always_on_spend()});
  EXPECT_EQ(refusal(fixture.input()), "");
}

TEST(StructuralBreak, OneWeekSpikeIsNotABreak) {
  auto kpi = ordinary_kpi(7);
  kpi[90] += 8.0 * kNoiseSd;
  GuardFixture fixture;
  testing::fill_fixture(fixture, kpi, {always_on_spend()});
  EXPECT_EQ(refusal(fixture.input()), "");
}

TEST(StructuralBreak, SmoothTrendIsNotABreak) {
  // A logistic adoption curve rising 6 sd over about two years: far from the
  // linear trend of the null model, but smooth.
  auto kpi = ordinary_kpi(3);
  for (int t = 0; t < kWeeks; ++t) kpi[t] += 6.0 * kNoiseSd / (1.0 + std::exp(-(t - 80.0) / 20.0));
  GuardFixture fixture;
  testing::fill_fixture(fixture, kpi, {always_on_spend()});
  EXPECT_EQ(refusal(fixture.input()), "");
}

TEST(StructuralBreak, IncentiveLaunchExplainsShift) {
  // The media starts in week 70 and the KPI follows its adstock, so the jump
  // at the launch is the media's effect, not a break.
  std::vector<double> spend(kWeeks, 0.0);
  std::fill(spend.begin() + 70, spend.end(), 10.0);
  for (int t = 70; t < kWeeks; ++t) spend[t] += (t % 3);
  const auto adstock = testing::adstock_half_decay(spend);
  auto kpi = ordinary_kpi(5);
  for (int t = 0; t < kWeeks; ++t) kpi[t] += 0.25 * adstock[t];

  GuardFixture fixture;
  testing::fill_fixture(fixture, kpi, {spend, always_on_spend()});
  EXPECT_EQ(refusal(fixture.input()), "");

  // Without that media in the model the same shift is a break, which shows
  // that the adstock term is what explains it.
  GuardFixture without_media;
  testing::fill_fixture(without_media, kpi, {always_on_spend()});
  EXPECT_THAT(refusal(without_media.input()), HasSubstr("shifts level in the week of"));
}

TEST(StructuralBreak, DeclaredStepWithinTwoWeeksPasses) {
  auto kpi = ordinary_kpi(7);
  add_step(kpi, 90, 4.0 * kNoiseSd);
  for (const int declared_week : {88, 90, 92}) {
    GuardFixture fixture;
    testing::fill_fixture(fixture, kpi, {always_on_spend()});
    // A Wednesday: the step applies from the week containing it.
    fixture.events.push_back({"fork", fixture.panel.weeks[declared_week] + std::chrono::days(2)});
    EXPECT_EQ(refusal(fixture.input()), "") << "declared at week " << declared_week;
  }
}

TEST(StructuralBreak, ShortWindowIsNotTested) {
  GuardFixture fixture;
  testing::fill_fixture(fixture, ordinary_kpi(1, 0.3, 20), {always_on_spend(20)});
  EXPECT_FALSE(check_structural_break(fixture.input()));
  const auto warnings = run_data_guards(fixture.input());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, "structural_break_not_tested");
}

TEST(StructuralBreak, BaseUnitScaleGivesSameWeek) {
  // Values in wei (1e18 per token) must not change the decision or the week.
  auto kpi = ordinary_kpi(7);
  add_step(kpi, 90, 4.0 * kNoiseSd);
  for (double& value : kpi) value *= 1e18;
  GuardFixture fixture;
  testing::fill_fixture(fixture, kpi, {always_on_spend()});
  EXPECT_THAT(refusal(fixture.input()), HasSubstr("week of 2022-09-26"));
}

// Size of the test on ordinary data: trend, seasonality and AR(1) noise with
// coefficient 0.5, no break. At the nominal 1% level, 100 series should see
// about 1 refusal. Up to 5 allows for the small-sample distortion of HAC tests
// under serial correlation, and more would make the guard a nuisance.
TEST(StructuralBreak, RarelyFiresOnOrdinaryData) {
  constexpr int kSeries = 100;
  constexpr int kMaxRefusals = 5;
  int refusals = 0;
  for (int seed = 0; seed < kSeries; ++seed) {
    GuardFixture fixture;
    testing::fill_fixture(fixture, ordinary_kpi(1000 + seed, 0.5), {always_on_spend()});
    const auto design = build_level_shift_design(fixture.input());
    if (test_level_shift(design.columns, window_kpi(fixture.input())).rejected()) ++refusals;
  }
  EXPECT_LE(refusals, kMaxRefusals);
  ::testing::Test::RecordProperty("refusals", refusals);
}

// Power against the shifts the guard exists for: 3 sd at a random week in the
// trimmed range, AR(1) noise 0.5.
TEST(StructuralBreak, DetectsMostThreeSdShifts) {
  constexpr int kSeries = 100;
  constexpr int kMinDetections = 80;
  std::mt19937_64 generator(99);
  std::uniform_int_distribution<int> break_week(40, 120);
  int detections = 0;
  for (int seed = 0; seed < kSeries; ++seed) {
    auto kpi = ordinary_kpi(2000 + seed, 0.5);
    add_step(kpi, break_week(generator), 3.0 * kNoiseSd);
    GuardFixture fixture;
    testing::fill_fixture(fixture, kpi, {always_on_spend()});
    const auto design = build_level_shift_design(fixture.input());
    if (test_level_shift(design.columns, window_kpi(fixture.input())).rejected()) ++detections;
  }
  EXPECT_GE(detections, kMinDetections);
  ::testing::Test::RecordProperty("detections", detections);
}

// The critical value checked against the limiting distribution: with i.i.d.
// errors and an intercept only, the sup-Wald statistic converges to
// sup over pi in [0.15, 0.85] of B(pi)^2 / (pi (1 - pi)), B a Brownian bridge
// (Andrews 1993). Simulated on a grid of 400 steps.
TEST(StructuralBreak, CriticalValueMatchesLimitingDistribution) {
  constexpr int kPaths = 4000;
  constexpr int kSteps = 400;
  // The 99% quantile of 4000 draws has a sampling error near 4%, and the grid
  // misses part of the supremum, which biases it low by a few percent.
  constexpr double kRelativeTolerance = 0.08;
  std::mt19937_64 generator(2024);
  std::normal_distribution<double> normal(0.0, 1.0);
  std::vector<double> suprema;
  std::vector<double> walk(kSteps + 1);
  for (int path = 0; path < kPaths; ++path) {
    walk[0] = 0;
    for (int i = 1; i <= kSteps; ++i) walk[i] = walk[i - 1] + normal(generator) / std::sqrt(kSteps);
    double supremum = 0;
    for (int i = static_cast<int>(std::ceil(kBreakTrimming * kSteps));
         i <= static_cast<int>(std::floor((1.0 - kBreakTrimming) * kSteps)); ++i) {
      const double pi = static_cast<double>(i) / kSteps;
      const double bridge = walk[i] - pi * walk[kSteps];
      supremum = std::max(supremum, bridge * bridge / (pi * (1.0 - pi)));
    }
    suprema.push_back(supremum);
  }
  std::sort(suprema.begin(), suprema.end());
  const double quantile_99 = suprema[static_cast<std::size_t>(0.99 * kPaths)];
  EXPECT_NEAR(quantile_99, kBreakCriticalValue, kRelativeTolerance * kBreakCriticalValue);
}

}  // namespace
}  // namespace cerebro::checks
