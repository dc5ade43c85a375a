#pragma once
// Which panel weeks warm up the adstock, which train the curves and which are
// held out. All indices are into the panel's weeks.
#include <optional>
#include <vector>

#include "core/calendar.hpp"

namespace cerebro::fit {

inline constexpr int kMinTrainingWeeks = 8;
inline constexpr int kMinHoldoutWeeks = 4;

struct FitWindow {
  int first_warmup_week = 0;    // first week of the output; only feeds adstock
  int first_modeling_week = 0;  // first week after warm-up
  int last_modeling_week = 0;   // inclusive; the last week of the output
  int warmup_weeks = 0;         // W*, the largest window_weeks of any media
  int modeling_weeks = 0;       // n = weeks after warm-up
  int training_weeks = 0;       // n - holdout_weeks
  int holdout_weeks = 0;        // the last max(4, floor(holdout_fraction * n + 0.5)) weeks
};

// Plans the window. `weeks` are the panel's consecutive week starts; `start`
// and `end` are mapped to the weeks that contain them (end inclusive). The
// warm-up is the max_window_weeks weeks before `start` when the data has them,
// otherwise the first max_window_weeks weeks of the data, so modeling then
// starts later than `start`. Throws core::InputError when start or end lie
// outside the data, start is after end, or fewer than 8 training weeks remain;
// the message gives the counts and how many weeks are missing.
FitWindow plan_fit_window(const std::vector<core::Day>& weeks, core::WeekStart week_start,
                          std::optional<core::Day> start, std::optional<core::Day> end,
                          int max_window_weeks, double holdout_fraction);

}  // namespace cerebro::fit
