#include "checks/dominant_week.hpp"

#include <fmt/format.h>

#include "core/errors.hpp"

namespace cerebro::checks {

std::optional<DominantWeek> find_dominant_week(const GuardInput& input) {
  const auto& kpi = input.panel.kpi.values;
  const int first = input.first_modeling_week;
  const int last = input.last_modeling_week;

  double mean = 0;
  for (int week = first; week <= last; ++week) mean += kpi[week];
  mean /= (last - first + 1);

  double total = 0;
  int largest_week = first;
  double largest = -1;
  for (int week = first; week <= last; ++week) {
    const double square = (kpi[week] - mean) * (kpi[week] - mean);
    total += square;
    if (square > largest) {
      largest = square;
      largest_week = week;
    }
  }
  if (!(total > 0) || largest <= kDominantWeekShare * total) return std::nullopt;
  return DominantWeek{largest_week, largest / total};
}

void check_dominant_week(const GuardInput& input) {
  const auto dominant = find_dominant_week(input);
  if (!dominant) return;
  const std::string week = core::format_date(input.panel.weeks[dominant->week]);
  throw core::InputError(fmt::format(
      "KPI '{}' in the week of {} ({:.6g}) accounts for {:.0f}% of the KPI's variance over the "
      "modeling window (more than {:.0f}% is refused), so the fit would explain that one week and "
      "little else. Check the data for an error in that week; if the value is real, declare the "
      "week as an event or move the window's `start`/`end` to exclude it.",
      input.panel.kpi.name, week, input.panel.kpi.values[dominant->week], 100.0 * dominant->share,
      100.0 * kDominantWeekShare));
}

}  // namespace cerebro::checks
