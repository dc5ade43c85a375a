#include "io/wide_table.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/errors.hpp"
#include "io/series_values.hpp"

namespace cerebro::io {
namespace {

std::string without_prefix(const std::string& column, const std::string& prefix) {
  return column.starts_with(prefix) && column.size() > prefix.size() ? column.substr(prefix.size()) : column;
}

std::string columns_with_prefix(const RawTable& table, const std::string& prefix) {
  std::string listed;
  for (const auto& column : table.columns) {
    if (column.starts_with(prefix)) listed += (listed.empty() ? "" : ", ") + column;
  }
  return listed.empty() ? "none" : listed;
}

}  // namespace

WideTableSeries plan_wide_table(const WideTableSpec& spec, const RawTable& table) {
  find_column(table, spec.week_column, "the week column of the wide table; set `table.week`");
  if (std::find(table.columns.begin(), table.columns.end(), spec.kpi_column) == table.columns.end()) {
    throw core::InputError(fmt::format("{} has no KPI column '{}'; KPI columns in it: {}. Fix `table.kpi`.",
                                       table.origin, spec.kpi_column, columns_with_prefix(table, "kpi_")));
  }
  for (const auto& column : spec.exclude) {
    find_column(table, column, "named in `table.exclude`");
  }

  WideTableSeries series;
  series.kpi.role = core::SeriesRole::kpi;
  series.kpi.name = without_prefix(spec.kpi_column, "kpi_");
  series.kpi.date_column = spec.week_column;
  series.kpi.value_column = spec.kpi_column;
  series.kpi.aggregate = spec.kpi_aggregate.value_or(Aggregate::last);
  series.kpi.unit = spec.kpi_unit;

  auto excluded = [&](const std::string& column) {
    return std::find(spec.exclude.begin(), spec.exclude.end(), column) != spec.exclude.end();
  };
  for (const auto& column : table.columns) {
    if (excluded(column)) continue;
    SeriesSpec entry;
    entry.date_column = spec.week_column;
    entry.value_column = column;
    if (column.starts_with(spec.media_prefix)) {
      entry.role = core::SeriesRole::media;
      entry.name = without_prefix(column, spec.media_prefix);
      if (const auto found = spec.overrides.find(column); found != spec.overrides.end()) {
        const WideMediaOverride& override_values = found->second;
        if (override_values.decay_rate) entry.decay_rate = *override_values.decay_rate;
        if (override_values.window_weeks) entry.window_weeks = *override_values.window_weeks;
        if (override_values.aggregate) entry.aggregate = *override_values.aggregate;
        if (override_values.gaps) entry.gaps = *override_values.gaps;
        if (override_values.unit) entry.unit = *override_values.unit;
        if (override_values.decimals) entry.decimals = *override_values.decimals;
      }
      series.media.push_back(std::move(entry));
    } else if (column.starts_with(spec.control_prefix)) {
      entry.role = core::SeriesRole::control;
      entry.name = without_prefix(column, spec.control_prefix);
      series.controls.push_back(std::move(entry));
    }
  }

  for (const auto& entry : spec.overrides) {
    const std::string& column = entry.first;
    const bool known = std::any_of(series.media.begin(), series.media.end(),
                                   [&](const SeriesSpec& media) { return media.value_column == column; });
    if (!known) {
      throw core::InputError(fmt::format("`table.media` sets options for '{}', which is not a media column of {}; "
                                         "media columns: {}.",
                                         column, table.origin, columns_with_prefix(table, spec.media_prefix)));
    }
  }
  if (series.media.empty()) {
    throw core::InputError(fmt::format("{} has no media column (prefix '{}'); name incentive columns like "
                                       "media_emissions_usd or set `table.media_prefix`.",
                                       table.origin, spec.media_prefix));
  }
  return series;
}

}  // namespace cerebro::io
