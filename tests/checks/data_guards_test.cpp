#include "checks/data_guards.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <numbers>
#include <vector>

#include "checks/dominant_week.hpp"
#include "checks/level_shift_model.hpp"
#include "checks/single_campaign.hpp"
#include "core/errors.hpp"
#include "guard_fixtures.hpp"

namespace cerebro::checks {
namespace {

using ::testing::HasSubstr;
using testing::GuardFixture;

constexpr int kWeeks = 80;

std::string refusal(const GuardInput& input) {
  try {
    run_data_guards(input);
  } catch (const core::InputError& error) {
    return error.what();
  }
  return "";
}

// KPI with a mild annual cycle and a deterministic wiggle, far from any guard.
std::vector<double> calm_kpi(int weeks = kWeeks) {
  std::vector<double> kpi(weeks);
  for (int t = 0; t < weeks; ++t)
    kpi[t] = 50.0 + 3.0 * std::sin(2.0 * std::numbers::pi * t / 52.18) + ((t * 7) % 5) * 0.4;
  return kpi;
}

std::vector<double> flight(int first_on, int last_on, int weeks = kWeeks) {
  std::vector<double> spend(weeks, 0.0);
  for (int t = first_on; t <= last_on; ++t) spend[t] = 100.0;
  return spend;
}

// ---- single campaign -------------------------------------------------------

TEST(SingleCampaign, OneFlightIsRefusedWithWeeks) {
  GuardFixture fixture;
  testing::fill_fixture(fixture, calm_kpi(), {flight(30, 50)});
  const auto found = find_single_campaign(fixture.input());
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->first_week, 30);
  EXPECT_EQ(found->last_week, 50);

  const std::string message = refusal(fixture.input());
  EXPECT_THAT(message, HasSubstr("'media_0'"));
  EXPECT_THAT(message, HasSubstr(core::format_date(fixture.panel.weeks[30])));
  EXPECT_THAT(message, HasSubstr(core::format_date(fixture.panel.weeks[50])));
  EXPECT_THAT(message, HasSubstr("A/B test"));
  EXPECT_THAT(message, HasSubstr("interrupted time-series"));
}

TEST(SingleCampaign, FlightRunningToWindowEndIsRefused) {
  GuardFixture fixture;
  testing::fill_fixture(fixture, calm_kpi(), {flight(30, kWeeks - 1)});
  EXPECT_TRUE(find_single_campaign(fixture.input()).has_value());
}

TEST(SingleCampaign, FlightFromWindowStartEndingEarlyIsRefused) {
  GuardFixture fixture;
  testing::fill_fixture(fixture, calm_kpi(), {flight(0, 60)});
  EXPECT_TRUE(find_single_campaign(fixture.input()).has_value());
}

TEST(SingleCampaign, AlwaysOnMediaPasses) {
  GuardFixture fixture;
  // Off during part of the warm-up only: on for every week of the window.
  testing::fill_fixture(fixture, calm_kpi(), {flight(testing::kWarmupWeeks, kWeeks - 1)});
  EXPECT_FALSE(find_single_campaign(fixture.input()).has_value());
}

TEST(SingleCampaign, TwoFlightsPass) {
  auto spend = flight(20, 35);
  for (int t = 50; t < 65; ++t) spend[t] = 80.0;
  GuardFixture fixture;
  testing::fill_fixture(fixture, calm_kpi(), {spend});
  EXPECT_FALSE(find_single_campaign(fixture.input()).has_value());
}

TEST(SingleCampaign, TwoMediaPass) {
  GuardFixture fixture;
  testing::fill_fixture(fixture, calm_kpi(), {flight(30, 50), flight(10, 70)});
  EXPECT_FALSE(find_single_campaign(fixture.input()).has_value());
}

// ---- dominant week ---------------------------------------------------------

// Values 0 except the listed weeks, which makes the shares exact: with +2, -1,
// -1 (mean 0, sum of squares 6) the +2 week carries 4/6 of the total.
std::vector<double> sparse_kpi(const std::vector<std::pair<int, double>>& values) {
  std::vector<double> kpi(kWeeks, 0.0);
  for (const auto& [week, value] : values) kpi[week] = value;
  return kpi;
}

TEST(DominantWeek, FiresNamingTheWeek) {
  GuardFixture fixture;
  testing::fill_fixture(fixture, sparse_kpi({{40, 2.0}, {20, -1.0}, {60, -1.0}}),
                        {flight(0, kWeeks - 1)});
  const auto found = find_dominant_week(fixture.input());
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->week, 40);
  EXPECT_DOUBLE_EQ(found->share, 4.0 / 6.0);
  const std::string message = refusal(fixture.input());
  EXPECT_THAT(message, HasSubstr("week of " + core::format_date(fixture.panel.weeks[40])));
  EXPECT_THAT(message, HasSubstr("67%"));
  EXPECT_THAT(message, HasSubstr("error"));
}

TEST(DominantWeek, ExactlyHalfIsNearMiss) {
  // +1 and -1: each week carries exactly half, and the rule is "more than half".
  GuardFixture fixture;
  testing::fill_fixture(fixture, sparse_kpi({{40, 1.0}, {60, -1.0}}), {flight(0, kWeeks - 1)});
  EXPECT_FALSE(find_dominant_week(fixture.input()).has_value());
}

TEST(DominantWeek, WarmupWeeksAreIgnored) {
  GuardFixture fixture;
  testing::fill_fixture(fixture, sparse_kpi({{3, 50.0}, {20, 1.0}, {40, -1.0}, {60, 1.0}}),
                        {flight(0, kWeeks - 1)});
  EXPECT_FALSE(find_dominant_week(fixture.input()).has_value());
}

TEST(DominantWeek, ConstantKpiHasNoDominantWeek) {
  GuardFixture fixture;
  testing::fill_fixture(fixture, std::vector<double>(kWeeks, 5.0), {flight(0, kWeeks - 1)});
  EXPECT_FALSE(find_dominant_week(fixture.input()).has_value());
}

// ---- order and warnings ----------------------------------------------------

TEST(RunDataGuards, SingleCampaignIsReportedBeforeDominantWeek) {
  GuardFixture fixture;
  testing::fill_fixture(fixture, sparse_kpi({{40, 2.0}, {20, -1.0}, {60, -1.0}}), {flight(30, 50)});
  EXPECT_THAT(refusal(fixture.input()), HasSubstr("one flight"));
}

TEST(RunDataGuards, CalmPanelPassesWithoutWarnings) {
  GuardFixture fixture;
  auto spend = flight(0, kWeeks - 1);
  for (int t = 0; t < kWeeks; ++t) spend[t] += t % 4;
  testing::fill_fixture(fixture, calm_kpi(), {spend});
  EXPECT_TRUE(run_data_guards(fixture.input()).empty());
}

// ---- remove_level_shifts ---------------------------------------------------

TEST(RemoveLevelShifts, RecoversShiftsExactlyWithoutNoise) {
  // KPI built from the null model's own terms plus two steps, so least squares
  // must return the steps exactly.
  constexpr double kExactTolerance = 1e-8;  // rounding of a 100-week QR solve
  constexpr int weeks = 100;
  std::vector<double> spend(weeks);
  for (int t = 0; t < weeks; ++t) spend[t] = 20.0 + (t * 3) % 7;
  const auto adstock = testing::adstock_half_decay(spend);
  std::vector<double> kpi(weeks);
  for (int t = 0; t < weeks; ++t) {
    kpi[t] = 500.0 + 1.5 * t + 10.0 * std::sin(2.0 * std::numbers::pi * t / kWeeksPerYear) + 0.8 * adstock[t];
    if (t >= 40) kpi[t] += 25.0;
    if (t >= 70) kpi[t] -= 60.0;
  }
  GuardFixture fixture;
  testing::fill_fixture(fixture, kpi, {spend});
  // Declared on a Thursday and a Monday: both apply from their week's Monday.
  fixture.events.push_back({"upgrade", fixture.panel.weeks[40] + std::chrono::days(3)});
  fixture.events.push_back({"exploit", fixture.panel.weeks[70]});

  const auto adjustment = remove_level_shifts(fixture.input());
  ASSERT_EQ(adjustment.events.size(), 2u);
  EXPECT_EQ(adjustment.events[0].name, "upgrade");
  EXPECT_EQ(adjustment.events[0].date, core::format_date(fixture.panel.weeks[40] + std::chrono::days(3)));
  EXPECT_EQ(adjustment.events[0].week, core::format_date(fixture.panel.weeks[40]));
  EXPECT_NEAR(adjustment.events[0].level_shift, 25.0, kExactTolerance);
  EXPECT_NEAR(adjustment.events[1].level_shift, -60.0, kExactTolerance);

  ASSERT_EQ(adjustment.adjusted_kpi.size(), kpi.size());
  for (int t = 0; t < weeks; ++t) {
    double expected = kpi[t];
    if (t >= 40) expected -= 25.0;
    if (t >= 70) expected += 60.0;
    EXPECT_NEAR(adjustment.adjusted_kpi[t], expected, kExactTolerance) << "week " << t;
  }
}

TEST(RemoveLevelShifts, NoEventsLeavesKpiUnchanged) {
  GuardFixture fixture;
  testing::fill_fixture(fixture, calm_kpi(), {flight(0, kWeeks - 1)});
  const auto adjustment = remove_level_shifts(fixture.input());
  EXPECT_TRUE(adjustment.events.empty());
  EXPECT_EQ(adjustment.adjusted_kpi, fixture.panel.kpi.values);
}

TEST(RemoveLevelShifts, EventOutsideWindowIsRefused) {
  GuardFixture fixture;
  testing::fill_fixture(fixture, calm_kpi(), {flight(0, kWeeks - 1)});
  fixture.events.push_back({"early", fixture.panel.weeks[2]});
  try {
    remove_level_shifts(fixture.input());
    FAIL() << "expected an InputError";
  } catch (const core::InputError& error) {
    EXPECT_THAT(error.what(), HasSubstr("'early'"));
    EXPECT_THAT(error.what(), HasSubstr(core::format_date(fixture.panel.weeks[2])));
  }
}

TEST(RemoveLevelShifts, StepNeedsWeeksOnEachSide) {
  GuardFixture fixture;
  testing::fill_fixture(fixture, calm_kpi(), {flight(0, kWeeks - 1)});
  const int last = fixture.input().last_modeling_week;
  fixture.events.push_back({"late", fixture.panel.weeks[last]});
  EXPECT_THROW(remove_level_shifts(fixture.input()), core::InputError);

  // The latest accepted step leaves kMinStepSideWeeks weeks from it to the end.
  fixture.events.back().date = fixture.panel.weeks[last + 1 - kMinStepSideWeeks];
  EXPECT_NO_THROW(remove_level_shifts(fixture.input()));
}

TEST(RemoveLevelShifts, TwoEventsInOneWeekAreRefused) {
  GuardFixture fixture;
  testing::fill_fixture(fixture, calm_kpi(), {flight(0, kWeeks - 1)});
  fixture.events.push_back({"fork", fixture.panel.weeks[40]});
  fixture.events.push_back({"fork_again", fixture.panel.weeks[40] + std::chrono::days(1)});
  EXPECT_THROW(remove_level_shifts(fixture.input()), core::InputError);
}

}  // namespace
}  // namespace cerebro::checks
