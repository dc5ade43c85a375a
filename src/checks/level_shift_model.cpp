#include "checks/level_shift_model.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>

namespace cerebro::checks {

int fourier_harmonics(int window_weeks) {
  if (window_weeks >= 104) return 2;
  if (window_weeks >= 52) return 1;
  return 0;
}

int week_index_of(const core::WeeklyPanel& panel, core::Day day) {
  if (panel.weeks.empty()) return 0;
  const core::Day week = core::week_start_of(day, panel.week_start);
  if (week < panel.weeks.front()) return 0;
  if (week > panel.weeks.back()) return static_cast<int>(panel.size());
  const auto offset_days = (week - panel.weeks.front()).count();
  return static_cast<int>(offset_days / 7);
}

Eigen::VectorXd window_kpi(const GuardInput& input) {
  const int first = input.first_modeling_week;
  const int length = input.last_modeling_week - first + 1;
  Eigen::VectorXd kpi(length);
  for (int t = 0; t < length; ++t) kpi(t) = input.panel.kpi.values[first + t];
  return kpi;
}

LevelShiftDesign build_level_shift_design(const GuardInput& input) {
  const int first = input.first_modeling_week;
  const int last = input.last_modeling_week;
  assert(first >= 0);
  assert(first <= last);
  assert(last < static_cast<int>(input.panel.size()));
  assert(input.media_adstock.size() == input.panel.media.size());
  const int length = last - first + 1;

  std::vector<Eigen::VectorXd> columns;
  LevelShiftDesign design;
  auto add_column = [&](Eigen::VectorXd column, std::string name) {
    const double scale = column.cwiseAbs().maxCoeff();
    if (scale > 0 && std::isfinite(scale)) column /= scale;
    columns.push_back(std::move(column));
    design.column_names.push_back(std::move(name));
  };

  add_column(Eigen::VectorXd::Ones(length), "intercept");
  add_column(Eigen::VectorXd::LinSpaced(length, 0.0, length - 1.0), "trend");
  for (int k = 1; k <= fourier_harmonics(length); ++k) {
    Eigen::VectorXd sine(length), cosine(length);
    for (int t = 0; t < length; ++t) {
      const double angle = 2.0 * std::numbers::pi * k * (first + t) / kWeeksPerYear;
      sine(t) = std::sin(angle);
      cosine(t) = std::cos(angle);
    }
    add_column(sine, "sin_" + std::to_string(k));
    add_column(cosine, "cos_" + std::to_string(k));
  }
  for (std::size_t m = 0; m < input.media_adstock.size(); ++m) {
    const auto& adstock = input.media_adstock[m];
    assert(adstock.size() == input.panel.size());
    Eigen::VectorXd column(length);
    for (int t = 0; t < length; ++t) column(t) = adstock[first + t];
    add_column(column, input.panel.media[m].name + "_adstock");
  }
  for (const auto& event : input.events) {
    const int week = week_index_of(input.panel, event.date);
    design.step_week_index.push_back(week);
    // A step needs weeks on both sides to be distinguished from the intercept,
    // and a few of them, because a level estimated from one week is that
    // week's noise.
    if (week < first + kMinStepSideWeeks || week > last + 1 - kMinStepSideWeeks) {
      design.step_column.push_back(-1);
      continue;
    }
    Eigen::VectorXd column = Eigen::VectorXd::Zero(length);
    column.tail(last - week + 1).setOnes();
    design.step_column.push_back(static_cast<int>(columns.size()));
    add_column(column, "step_" + event.name);
  }

  design.columns.resize(length, static_cast<Eigen::Index>(columns.size()));
  for (std::size_t c = 0; c < columns.size(); ++c) design.columns.col(c) = columns[c];
  return design;
}

}  // namespace cerebro::checks
