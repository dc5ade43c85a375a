#include "checks/single_campaign.hpp"

#include <fmt/format.h>

#include "core/errors.hpp"

namespace cerebro::checks {

std::optional<SingleFlight> find_single_campaign(const GuardInput& input) {
  if (input.panel.media.size() != 1) return std::nullopt;
  const auto& spend = input.panel.media.front().values;

  int first_on = -1;
  int last_on = -1;
  int runs = 0;
  bool previous_on = false;
  for (int week = input.first_modeling_week; week <= input.last_modeling_week; ++week) {
    const bool on = spend[week] != 0.0;
    if (on && !previous_on) ++runs;
    if (on) {
      if (first_on < 0) first_on = week;
      last_on = week;
    }
    previous_on = on;
  }
  if (runs != 1) return std::nullopt;
  if (first_on == input.first_modeling_week && last_on == input.last_modeling_week) return std::nullopt;
  return SingleFlight{first_on, last_on};
}

void check_single_campaign(const GuardInput& input) {
  const auto flight = find_single_campaign(input);
  if (!flight) return;
  const auto& weeks = input.panel.weeks;
  throw core::InputError(fmt::format(
      "media '{}' is the only media and runs as one flight from the week of {} to the week of {} "
      "(modeling window {} to {}). One flight cannot be told apart from anything else that "
      "changed when it started or stopped, so a marketing-mix model cannot attribute the KPI to "
      "it. Use an A/B test (holdout group) or an interrupted time-series analysis of the launch "
      "instead, or add the other media and a period with a different spend pattern.",
      input.panel.media.front().name, core::format_date(weeks[flight->first_week]),
      core::format_date(weeks[flight->last_week]),
      core::format_date(weeks[input.first_modeling_week]),
      core::format_date(weeks[input.last_modeling_week])));
}

}  // namespace cerebro::checks
