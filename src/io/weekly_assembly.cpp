#include "io/weekly_assembly.hpp"

#include <fmt/format.h>

#include <cassert>
#include <map>

#include "core/errors.hpp"

namespace cerebro::io {

WeeklyValues aggregate_to_weeks(const DatedSeries& series, Aggregate aggregate, core::WeekStart week_start) {
  struct Accumulator {
    double sum = 0;
    std::size_t count = 0;
    core::Day last_day;
    double last_value = 0;
  };
  std::map<core::Day, Accumulator> by_week;
  for (const DatedValue& row : series.rows) {
    Accumulator& week = by_week[core::week_start_of(row.day, week_start)];
    week.sum += row.value;
    // Rows arrive in source order, so >= lets a later row on the same day win.
    if (week.count == 0 || row.day >= week.last_day) {
      week.last_day = row.day;
      week.last_value = row.value;
    }
    ++week.count;
  }

  WeeklyValues weekly;
  weekly.rows = series.rows.size();
  weekly.merged_rows = series.rows.size() - by_week.size();
  for (const auto& [week, accumulator] : by_week) {
    weekly.weeks.push_back(week);
    switch (aggregate) {
      case Aggregate::sum: weekly.values.push_back(accumulator.sum); break;
      case Aggregate::mean: weekly.values.push_back(accumulator.sum / static_cast<double>(accumulator.count)); break;
      case Aggregate::last: weekly.values.push_back(accumulator.last_value); break;
    }
  }
  return weekly;
}

std::vector<core::Day> weekly_spine(core::Day first_week, core::Day last_week) {
  assert(first_week <= last_week);
  std::vector<core::Day> spine;
  for (core::Day week = first_week; week <= last_week; week += std::chrono::days{7}) spine.push_back(week);
  return spine;
}

std::string list_weeks(const std::vector<core::Day>& weeks, std::size_t limit) {
  std::string listed;
  for (std::size_t i = 0; i < weeks.size() && i < limit; ++i) {
    listed += (i == 0 ? "" : ", ") + core::format_date(weeks[i]);
  }
  if (weeks.size() > limit) listed += fmt::format(", ... ({} in all)", weeks.size());
  return listed;
}

SpineValues lay_on_spine(const WeeklyValues& weekly, const std::vector<core::Day>& spine, GapPolicy gaps,
                         const std::string& series_name, const std::string& fix_hint) {
  assert(!spine.empty());
  SpineValues laid;
  laid.values.assign(spine.size(), 0.0);
  std::vector<bool> observed(spine.size(), false);
  for (std::size_t i = 0; i < weekly.weeks.size(); ++i) {
    const core::Day week = weekly.weeks[i];
    if (week < spine.front() || week > spine.back()) {
      ++laid.weeks_outside_spine;
      continue;
    }
    // Aggregated weeks use the spine's week start, so the offset is a whole number of weeks.
    const auto index = static_cast<std::size_t>((week - spine.front()).count() / 7);
    laid.values[index] = weekly.values[i];
    observed[index] = true;
  }

  std::vector<std::size_t> observed_indices;
  for (std::size_t i = 0; i < spine.size(); ++i) {
    if (observed[i]) {
      observed_indices.push_back(i);
    } else {
      laid.filled_weeks.push_back(spine[i]);
    }
  }
  if (observed_indices.empty()) {
    throw core::InputError(fmt::format("{} has no data in the KPI's weeks {} to {}; check its dates and its source.",
                                       series_name, core::format_date(spine.front()), core::format_date(spine.back())));
  }
  if (laid.filled_weeks.empty()) return laid;

  switch (gaps) {
    case GapPolicy::zero: break;  // already 0
    case GapPolicy::error:
      throw core::InputError(fmt::format("{} has no rows in {} week(s): {}. {}", series_name,
                                         laid.filled_weeks.size(), list_weeks(laid.filled_weeks), fix_hint));
    case GapPolicy::interpolate: {
      std::size_t next = 0;  // index into observed_indices of the first observed week after i
      for (std::size_t i = 0; i < spine.size(); ++i) {
        if (observed[i]) {
          ++next;
          continue;
        }
        if (next == 0) {
          laid.values[i] = laid.values[observed_indices.front()];
        } else if (next == observed_indices.size()) {
          laid.values[i] = laid.values[observed_indices.back()];
        } else {
          const std::size_t before = observed_indices[next - 1];
          const std::size_t after = observed_indices[next];
          const double fraction = static_cast<double>(i - before) / static_cast<double>(after - before);
          laid.values[i] = laid.values[before] + fraction * (laid.values[after] - laid.values[before]);
        }
      }
      break;
    }
  }
  return laid;
}

}  // namespace cerebro::io
