#include "fit/fit_window.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "core/errors.hpp"

namespace cerebro::fit {
namespace {

int holdout_weeks_for(int modeling_weeks, double holdout_fraction) {
  const int share = static_cast<int>(std::floor(holdout_fraction * modeling_weeks + 0.5));
  return std::max(kMinHoldoutWeeks, share);
}

}  // namespace

FitWindow plan_fit_window(const std::vector<core::Day>& weeks, core::WeekStart week_start,
                          std::optional<core::Day> start, std::optional<core::Day> end,
                          int max_window_weeks, double holdout_fraction) {
  if (weeks.empty()) throw core::InputError("The panel has no weeks; load at least one KPI row.");
  const int week_count = static_cast<int>(weeks.size());

  int first_requested = 0;
  if (start) {
    const core::Day start_week = core::week_start_of(*start, week_start);
    const auto found = std::lower_bound(weeks.begin(), weeks.end(), start_week);
    if (found == weeks.end()) {
      throw core::InputError(fmt::format(
          "start {} is after the last week of the data ({}); move start to {} or earlier.",
          core::format_date(*start), core::format_date(weeks.back()),
          core::format_date(weeks.back())));
    }
    first_requested = static_cast<int>(found - weeks.begin());
  }
  int last = week_count - 1;
  if (end) {
    const core::Day end_week = core::week_start_of(*end, week_start);
    const auto found = std::upper_bound(weeks.begin(), weeks.end(), end_week);
    if (found == weeks.begin()) {
      throw core::InputError(fmt::format(
          "end {} is before the first week of the data ({}); move end to {} or later.",
          core::format_date(*end), core::format_date(weeks.front()),
          core::format_date(weeks.front())));
    }
    last = static_cast<int>(found - weeks.begin()) - 1;
  }
  if (first_requested > last) {
    throw core::InputError(fmt::format("start {} is after end {}; swap or correct them.",
                                       core::format_date(weeks[first_requested]),
                                       core::format_date(weeks[last])));
  }

  FitWindow window;
  window.warmup_weeks = max_window_weeks;
  window.first_modeling_week = std::max(first_requested, max_window_weeks);
  window.first_warmup_week = window.first_modeling_week - max_window_weeks;
  window.last_modeling_week = last;
  window.modeling_weeks = std::max(0, last - window.first_modeling_week + 1);
  window.holdout_weeks = holdout_weeks_for(window.modeling_weeks, holdout_fraction);
  window.training_weeks = window.modeling_weeks - window.holdout_weeks;

  if (window.training_weeks < kMinTrainingWeeks) {
    // The smallest n whose training part reaches the minimum.
    int needed = window.modeling_weeks;
    while (needed - holdout_weeks_for(needed, holdout_fraction) < kMinTrainingWeeks) ++needed;
    // Data that ends inside the warm-up also lacks the rest of the warm-up.
    const int missing_warmup = std::max(0, window.first_modeling_week - (last + 1));
    throw core::InputError(fmt::format(
        "The fit has {} weeks after {} warm-up weeks; the holdout takes {}, leaving {} training "
        "weeks, fewer than the {} required. Provide at least {} more weeks of data (move start "
        "earlier or end later), or lower window_weeks or holdout_fraction.",
        window.modeling_weeks, window.warmup_weeks, window.holdout_weeks,
        std::max(0, window.training_weeks), kMinTrainingWeeks,
        needed - window.modeling_weeks + missing_warmup));
  }
  return window;
}

}  // namespace cerebro::fit
