#pragma once
// Data guards: analyses the engine refuses because their result would not be
// defensible. Each refusal throws core::InputError naming the series, the week
// and the fix. Guards run in this order and the first failure is reported:
// values, KPI gaps, empty or constant series, single campaign, dominant week,
// structural break, collinearity. Value and gap checks that need the raw rows
// run in io while loading; the rest run here on the weekly panel.
#include <vector>

#include "core/weekly_panel.hpp"
#include "fit/fit_result.hpp"

namespace cerebro::checks {

struct GuardInput {
  const core::WeeklyPanel& panel;
  int first_modeling_week = 0;  // index of the first week after warm-up
  int last_modeling_week = 0;   // index of the last week of the window (inclusive)
  const std::vector<core::StepEvent>& events;
  // Adstock of every media over the whole panel, used by the structural-break
  // null model so a launch that explains a shift is not taken for a break.
  const std::vector<std::vector<double>>& media_adstock;
};

// Runs the guards on the panel; throws core::InputError on the first refusal.
// Returns the warnings of guards that let the analysis continue.
std::vector<fit::FitWarning> run_data_guards(const GuardInput& input);

}  // namespace cerebro::checks

namespace cerebro::checks {

// Estimates each declared step event's KPI level shift over the modeling window
// (least squares with a linear trend and the media's adstock, as in the break
// test's null model) and returns the events with `level_shift` filled, plus the
// KPI with those shifts removed from the weeks at and after each step.
struct LevelShiftAdjustment {
  std::vector<fit::EventResult> events;
  std::vector<double> adjusted_kpi;
};
LevelShiftAdjustment remove_level_shifts(const GuardInput& input);

}  // namespace cerebro::checks
