#pragma once
// Dominant-week guard. When one week carries more than half of the KPI's sum of
// squares over the modeling window, least squares fits that week and little
// else; the week is usually a data error or a one-off event.
#include <optional>

#include "checks/data_guards.hpp"

namespace cerebro::checks {

// Share of the total sum of squares above which one week dominates.
inline constexpr double kDominantWeekShare = 0.5;

struct DominantWeek {
  int week = 0;        // panel index
  double share = 0;    // (kpi - mean)^2 of that week over the window's total sum of squares
};

// Returns the week whose squared deviation from the window mean is more than
// kDominantWeekShare of the total sum of squares over the modeling window, or
// nullopt. A constant KPI (zero sum of squares) has no dominant week.
std::optional<DominantWeek> find_dominant_week(const GuardInput& input);

// Throws core::InputError naming the week when find_dominant_week finds one.
void check_dominant_week(const GuardInput& input);

}  // namespace cerebro::checks
