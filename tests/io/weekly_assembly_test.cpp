#include "io/weekly_assembly.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.hpp"

namespace cerebro::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Sums of a few short decimals; the exact result differs by rounding only.
constexpr double kSumTolerance = 1e-12;

core::Day day(const char* text) { return *core::parse_date(text); }

DatedSeries rows(std::initializer_list<std::pair<const char*, double>> values) {
  DatedSeries series;
  series.name = "s";
  std::size_t row = 0;
  for (const auto& [date, value] : values) series.rows.push_back({day(date), value, row++});
  return series;
}

// 2024-01-01 is a Monday; 2024-01-07 is the Sunday that ends its Monday week.
const DatedSeries kTwoWeeks = rows({{"2024-01-01", 1.0}, {"2024-01-03", 2.5}, {"2024-01-07", 4.0}, {"2024-01-08", 10.0}});

TEST(AggregateToWeeks, Sum) {
  const WeeklyValues weekly = aggregate_to_weeks(kTwoWeeks, Aggregate::sum, core::WeekStart::monday);
  EXPECT_THAT(weekly.weeks, ElementsAre(day("2024-01-01"), day("2024-01-08")));
  ASSERT_EQ(weekly.values.size(), 2u);
  EXPECT_NEAR(weekly.values[0], 1.0 + 2.5 + 4.0, kSumTolerance);
  EXPECT_EQ(weekly.values[1], 10.0);
  EXPECT_EQ(weekly.rows, 4u);
  EXPECT_EQ(weekly.merged_rows, 2u);
}

TEST(AggregateToWeeks, Mean) {
  const WeeklyValues weekly = aggregate_to_weeks(kTwoWeeks, Aggregate::mean, core::WeekStart::monday);
  EXPECT_NEAR(weekly.values[0], 7.5 / 3.0, kSumTolerance);
}

TEST(AggregateToWeeks, LastTakesLatestDay) {
  // The latest day comes first in the file; `last` follows dates, not order.
  const WeeklyValues weekly = aggregate_to_weeks(rows({{"2024-01-05", 5.0}, {"2024-01-02", 2.0}}), Aggregate::last,
                                                 core::WeekStart::monday);
  EXPECT_THAT(weekly.values, ElementsAre(5.0));
}

TEST(AggregateToWeeks, LastTieKeepsFileOrder) {
  const WeeklyValues weekly = aggregate_to_weeks(rows({{"2024-01-05", 5.0}, {"2024-01-05", 6.0}}), Aggregate::last,
                                                 core::WeekStart::monday);
  EXPECT_THAT(weekly.values, ElementsAre(6.0));
}

TEST(AggregateToWeeks, SundayWeeks) {
  // With Sunday weeks, 2024-01-07 (a Sunday) opens a new week with 2024-01-08.
  const WeeklyValues weekly = aggregate_to_weeks(kTwoWeeks, Aggregate::sum, core::WeekStart::sunday);
  EXPECT_THAT(weekly.weeks, ElementsAre(day("2023-12-31"), day("2024-01-07")));
  EXPECT_NEAR(weekly.values[0], 3.5, kSumTolerance);
  EXPECT_NEAR(weekly.values[1], 14.0, kSumTolerance);
}

TEST(AggregateToWeeks, EmptyInput) {
  const WeeklyValues weekly = aggregate_to_weeks(DatedSeries{}, Aggregate::sum, core::WeekStart::monday);
  EXPECT_TRUE(weekly.weeks.empty());
  EXPECT_EQ(weekly.merged_rows, 0u);
}

TEST(WeeklySpine, ConsecutiveWeeks) {
  const auto spine = weekly_spine(day("2023-12-25"), day("2024-01-22"));
  ASSERT_EQ(spine.size(), 5u);
  for (std::size_t i = 1; i < spine.size(); ++i) EXPECT_EQ((spine[i] - spine[i - 1]).count(), 7);
  EXPECT_EQ(spine.back(), day("2024-01-22"));
  EXPECT_EQ(weekly_spine(day("2024-01-01"), day("2024-01-01")).size(), 1u);
}

// Weeks 0, 3 and 5 of a six-week spine observed; weeks 1, 2 and 4 missing.
WeeklyValues sparse_weeks() {
  WeeklyValues weekly;
  weekly.weeks = {day("2024-01-01"), day("2024-01-22"), day("2024-02-05")};
  weekly.values = {3.0, 9.0, 5.0};
  return weekly;
}

TEST(LayOnSpine, ZeroFill) {
  const auto spine = weekly_spine(day("2024-01-01"), day("2024-02-05"));
  const SpineValues laid = lay_on_spine(sparse_weeks(), spine, GapPolicy::zero, "media m", "");
  EXPECT_THAT(laid.values, ElementsAre(3.0, 0.0, 0.0, 9.0, 0.0, 5.0));
  EXPECT_THAT(laid.filled_weeks, ElementsAre(day("2024-01-08"), day("2024-01-15"), day("2024-01-29")));
}

TEST(LayOnSpine, LinearInterpolation) {
  const auto spine = weekly_spine(day("2024-01-01"), day("2024-02-05"));
  const SpineValues laid = lay_on_spine(sparse_weeks(), spine, GapPolicy::interpolate, "media m", "");
  // Hand values: 3 -> 9 over three steps adds 2 per week; 9 -> 5 over two steps is 7 halfway.
  EXPECT_THAT(laid.values, ElementsAre(3.0, 5.0, 7.0, 9.0, 7.0, 5.0));
}

TEST(LayOnSpine, InterpolationEdgesRepeatNearestValue) {
  const auto spine = weekly_spine(day("2023-12-18"), day("2024-02-19"));
  const SpineValues laid = lay_on_spine(sparse_weeks(), spine, GapPolicy::interpolate, "media m", "");
  ASSERT_EQ(laid.values.size(), 10u);
  EXPECT_EQ(laid.values[0], 3.0);
  EXPECT_EQ(laid.values[1], 3.0);
  EXPECT_EQ(laid.values[9], 5.0);
}

TEST(LayOnSpine, ErrorListsWeeks) {
  const auto spine = weekly_spine(day("2024-01-01"), day("2024-02-05"));
  try {
    lay_on_spine(sparse_weeks(), spine, GapPolicy::error, "KPI tvl", "Add the rows.");
    FAIL() << "expected InputError";
  } catch (const core::InputError& error) {
    EXPECT_THAT(error.what(), HasSubstr("KPI tvl has no rows in 3 week(s): 2024-01-08, 2024-01-15, 2024-01-29. Add the rows."));
  }
}

TEST(LayOnSpine, WeeksOutsideSpineDropped) {
  const auto spine = weekly_spine(day("2024-01-22"), day("2024-01-29"));
  const SpineValues laid = lay_on_spine(sparse_weeks(), spine, GapPolicy::zero, "media m", "");
  EXPECT_EQ(laid.weeks_outside_spine, 2u);
  EXPECT_THAT(laid.values, ElementsAre(9.0, 0.0));
}

TEST(LayOnSpine, NoWeekInsideSpineThrows) {
  const auto spine = weekly_spine(day("2025-01-06"), day("2025-01-13"));
  EXPECT_THROW(lay_on_spine(sparse_weeks(), spine, GapPolicy::zero, "media m", ""), core::InputError);
}

TEST(ListWeeks, TruncatesLongLists) {
  const auto spine = weekly_spine(day("2024-01-01"), day("2024-12-30"));
  const std::string listed = list_weeks(spine, 2);
  EXPECT_EQ(listed, "2024-01-01, 2024-01-08, ... (53 in all)");
}

}  // namespace
}  // namespace cerebro::io
