#include "core/calendar.hpp"

#include <gtest/gtest.h>

namespace cerebro::core {
namespace {

using std::chrono::days;
using std::chrono::year_month_day;
using std::chrono::sys_days;

Day ymd(int year, unsigned month, unsigned day) {
  return sys_days{year_month_day{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}}};
}

TEST(ParseDate, PlainIsoDate) {
  EXPECT_EQ(parse_date("2024-03-13"), ymd(2024, 3, 13));
  EXPECT_EQ(parse_date("  \"2024-03-13\" "), ymd(2024, 3, 13));
}

TEST(ParseDate, DateTimeFormats) {
  EXPECT_EQ(parse_date("2024-03-13 10:00:00"), ymd(2024, 3, 13));
  EXPECT_EQ(parse_date("2024-03-13T23:59:59.123"), ymd(2024, 3, 13));
  EXPECT_EQ(parse_date("2024-03-13T10:00"), ymd(2024, 3, 13));
  EXPECT_EQ(parse_date("2022-05-15T20:25:12Z"), ymd(2022, 5, 15));
}

TEST(ParseDate, OffsetsMoveToUtcDay) {
  // 23:30 at UTC-02:00 is 01:30 UTC on the next day.
  EXPECT_EQ(parse_date("2024-03-13T23:30:00-02:00"), ymd(2024, 3, 14));
  // 01:00 at UTC+03 is 22:00 UTC on the previous day.
  EXPECT_EQ(parse_date("2024-03-13T01:00:00+03"), ymd(2024, 3, 12));
  EXPECT_EQ(parse_date("2024-03-13T01:00:00+0300"), ymd(2024, 3, 12));
  EXPECT_EQ(parse_date("2024-03-13T12:00:00+05:30"), ymd(2024, 3, 13));
}

TEST(ParseDate, UnixSeconds) {
  // 1710288000 = 19795 days * 86400 s: 2024-03-13T00:00:00Z.
  EXPECT_EQ(parse_date("1710288000"), ymd(2024, 3, 13));
  EXPECT_EQ(parse_date("1710374399"), ymd(2024, 3, 13));
}

TEST(ParseDate, RejectsInvalidText) {
  for (const char* text : {"", "2023-02-30", "2024-13-01", "2024-3-13", "13/03/2024", "2024-03-13X", "abc",
                           "2024-03-13T25:00:00", "2024-03-13T10:00:00+15:00", "2024-03-13T10:00:00.", "12345"}) {
    EXPECT_FALSE(parse_date(text).has_value()) << text;
  }
}

TEST(ParseDate, LeapDay) {
  EXPECT_EQ(parse_date("2024-02-29"), ymd(2024, 2, 29));
  EXPECT_FALSE(parse_date("2023-02-29").has_value());
}

TEST(FormatDate, RoundTrip) {
  EXPECT_EQ(format_date(ymd(2022, 6, 13)), "2022-06-13");
  EXPECT_EQ(parse_date(format_date(ymd(1999, 12, 31))), ymd(1999, 12, 31));
}

TEST(WeekStartOf, MondayAndSunday) {
  // 2024-03-13 is a Wednesday.
  EXPECT_EQ(week_start_of(ymd(2024, 3, 13), WeekStart::monday), ymd(2024, 3, 11));
  EXPECT_EQ(week_start_of(ymd(2024, 3, 13), WeekStart::sunday), ymd(2024, 3, 10));
  // A Sunday starts its own Sunday week but belongs to the Monday week before it.
  EXPECT_EQ(week_start_of(ymd(2024, 3, 17), WeekStart::sunday), ymd(2024, 3, 17));
  EXPECT_EQ(week_start_of(ymd(2024, 3, 17), WeekStart::monday), ymd(2024, 3, 11));
}

TEST(WeekStartOf, PropertiesOverTwoYears) {
  for (Day day = ymd(2023, 1, 1); day < ymd(2025, 1, 1); day += days{1}) {
    for (WeekStart kind : {WeekStart::monday, WeekStart::sunday}) {
      const Day start = week_start_of(day, kind);
      ASSERT_LE(start, day);
      ASSERT_LT(day - start, days{7});
      ASSERT_EQ(std::chrono::weekday{start}, kind == WeekStart::monday ? std::chrono::Monday : std::chrono::Sunday);
      ASSERT_EQ(week_start_of(start, kind), start);
    }
  }
}

}  // namespace
}  // namespace cerebro::core
