#pragma once
// From dated rows to the panel's weekly spine: rows aggregate into week
// starts, the spine runs without holes from the KPI's first to last week, and
// weeks a series misses are filled by its gap policy.
#include <cstddef>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "io/model_spec.hpp"
#include "io/series_values.hpp"

namespace cerebro::io {

// One value per week that has at least one row, weeks ascending.
struct WeeklyValues {
  std::vector<core::Day> weeks;
  std::vector<double> values;
  std::size_t rows = 0;             // input rows
  std::size_t merged_rows = 0;      // rows that shared a week with an earlier row (rows - weeks)
};

// Aggregates rows into the week that contains each row's day. `sum` adds,
// `mean` averages, `last` keeps the row with the latest day (among rows on that
// same day, the one that comes last in the source). Empty input gives empty output.
WeeklyValues aggregate_to_weeks(const DatedSeries& series, Aggregate aggregate, core::WeekStart week_start);

// Returns the consecutive week starts from `first_week` to `last_week`, both
// included; both must be week starts of the same kind, first <= last.
std::vector<core::Day> weekly_spine(core::Day first_week, core::Day last_week);

// A series laid on the spine.
struct SpineValues {
  std::vector<double> values;           // one per spine week
  std::vector<core::Day> filled_weeks;  // spine weeks that had no row
  std::size_t weeks_outside_spine = 0;  // weeks with rows before or after the spine, dropped
};

// Lays weekly values on the spine and fills missing weeks by `gaps`. `zero`
// writes 0. `interpolate` draws a straight line between the nearest observed
// weeks, and repeats the nearest observed value before the first or after the
// last one. `error` throws core::InputError that names `series_name` (such as
// "media emissions_usd"), lists the missing weeks and ends with `fix_hint`.
// A series with no week inside the spine throws under any policy.
SpineValues lay_on_spine(const WeeklyValues& weekly, const std::vector<core::Day>& spine, GapPolicy gaps,
                         const std::string& series_name, const std::string& fix_hint);

// Formats up to `limit` weeks as "2022-06-13, 2022-06-20, ... (N in all)".
std::string list_weeks(const std::vector<core::Day>& weeks, std::size_t limit = 12);

}  // namespace cerebro::io
