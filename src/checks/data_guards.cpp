#include "checks/data_guards.hpp"

#include <cassert>

#include <fmt/format.h>

#include "checks/dominant_week.hpp"
#include "checks/level_shift_model.hpp"
#include "checks/single_campaign.hpp"
#include "checks/structural_break.hpp"
#include "core/errors.hpp"

namespace cerebro::checks {

std::vector<fit::FitWarning> run_data_guards(const GuardInput& input) {
  std::vector<fit::FitWarning> warnings;
  check_single_campaign(input);
  check_dominant_week(input);
  if (!check_structural_break(input)) {
    warnings.push_back({"structural_break_not_tested", "",
                        fmt::format("the modeling window ({} weeks) is too short for the "
                                    "structural-break test, so a level shift in the KPI would go "
                                    "unnoticed; check the KPI chart for one",
                                    input.last_modeling_week - input.first_modeling_week + 1)});
  }
  return warnings;
}

namespace {

// Rejects declared events whose level shift cannot be estimated from the window.
void check_event_placement(const GuardInput& input, const LevelShiftDesign& design) {
  const auto& weeks = input.panel.weeks;
  const std::string window = fmt::format("{} to {}", core::format_date(weeks[input.first_modeling_week]),
                                         core::format_date(weeks[input.last_modeling_week]));
  for (std::size_t e = 0; e < input.events.size(); ++e) {
    if (design.step_column[e] >= 0) continue;
    const auto& event = input.events[e];
    throw core::InputError(fmt::format(
        "step event '{}' on {} does not leave {} weeks of the modeling window ({}) on each side, "
        "so its level shift cannot be estimated. "
        "Remove the event, or move the window's `start` or `end` so that {} weeks lie before "
        "and after {}.",
        event.name, core::format_date(event.date), kMinStepSideWeeks, window, kMinStepSideWeeks,
        core::format_date(event.date)));
  }
}

}  // namespace

LevelShiftAdjustment remove_level_shifts(const GuardInput& input) {
  LevelShiftAdjustment adjustment;
  adjustment.adjusted_kpi = input.panel.kpi.values;
  if (input.events.empty()) return adjustment;

  const LevelShiftDesign design = build_level_shift_design(input);
  check_event_placement(input, design);
  const Eigen::VectorXd kpi = window_kpi(input);

  // Least squares by column-pivoting QR, which also reveals a step that other
  // terms already explain (two events in one week, or a step that coincides
  // with a media's launch so exactly that the two cannot be separated).
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(design.columns);
  const Eigen::VectorXd coefficients = qr.solve(kpi);
  const Eigen::Index rank = qr.rank();
  std::vector<bool> column_in_basis(static_cast<std::size_t>(design.columns.cols()), false);
  for (Eigen::Index i = 0; i < rank; ++i) column_in_basis[qr.colsPermutation().indices()(i)] = true;

  for (std::size_t e = 0; e < input.events.size(); ++e) {
    const auto& event = input.events[e];
    const int column = design.step_column[e];
    if (!column_in_basis[column]) {
      throw core::InputError(fmt::format(
          "step event '{}' on {} cannot be estimated separately from the other terms of the model "
          "(another event in the same week, or a media whose launch coincides with it). Remove "
          "the duplicate event, or declare it in a week where only the level shifts.",
          event.name, core::format_date(event.date)));
    }
    // Columns are scaled to a maximum of 1 and a step column's maximum is 1,
    // so its coefficient is already the shift in KPI units.
    const double level_shift = coefficients(column);
    const int step_week = design.step_week_index[e];
    for (std::size_t week = step_week; week < adjustment.adjusted_kpi.size(); ++week)
      adjustment.adjusted_kpi[week] -= level_shift;

    fit::EventResult result;
    result.name = event.name;
    result.date = core::format_date(event.date);
    result.week = core::format_date(input.panel.weeks[step_week]);
    result.level_shift = level_shift;
    adjustment.events.push_back(std::move(result));
  }
  return adjustment;
}

}  // namespace cerebro::checks
