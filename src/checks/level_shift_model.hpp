#pragma once
// The KPI model that level-shift estimation and the structural-break test share:
// intercept, linear trend, annual Fourier terms, each media's adstock and one
// step dummy per declared event, over the modeling window only. With these terms
// neither a smooth trend, a yearly cycle nor an incentive launch looks like a
// level shift.
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "checks/data_guards.hpp"

namespace cerebro::checks {

// Weeks of the modeling window a declared step event needs on each side.
inline constexpr int kMinStepSideWeeks = 4;

// Mean length of a year in weeks (365.25 / 7), the period of the Fourier terms.
inline constexpr double kWeeksPerYear = 365.25 / 7.0;

// Number of annual Fourier harmonics (each a sin and a cos column) for a window
// of `window_weeks`: 2 from 104 weeks, 1 from 52 weeks, 0 below, because a
// harmonic needs at least one full cycle per pair of coefficients to be told
// apart from the trend.
int fourier_harmonics(int window_weeks);

// Design matrix of the model over the modeling window (rows = window weeks).
// Columns are scaled to a maximum absolute value of 1 so that the rank
// decision of the QR factorization does not depend on the series' units.
struct LevelShiftDesign {
  Eigen::MatrixXd columns;
  std::vector<std::string> column_names;
  // Per declared event: its column in `columns`, and the panel index of the
  // week its step applies from. Events whose week lies outside the window
  // still get an index but no column (column -1).
  std::vector<int> step_column;
  std::vector<int> step_week_index;
};

// Builds the design for `input`; asserts that the window indices are valid.
LevelShiftDesign build_level_shift_design(const GuardInput& input);

// Panel index of the week that contains `day`: 0 for a day before the first
// week, panel.size() for a day after the last week.
int week_index_of(const core::WeeklyPanel& panel, core::Day day);

// KPI values over the modeling window.
Eigen::VectorXd window_kpi(const GuardInput& input);

}  // namespace cerebro::checks
