#include "io/series_values.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "core/errors.hpp"

namespace cerebro::io {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

// Parses a whole cell as a decimal number; NaN and infinities parse so that
// the caller can reject them with their own message.
bool parse_number(std::string_view text, double& value) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::size_t find_column(const RawTable& table, const std::string& column, const std::string& purpose) {
  for (std::size_t index = 0; index < table.columns.size(); ++index) {
    if (table.columns[index] == column) return index;
  }
  std::string available;
  for (const auto& name : table.columns) available += (available.empty() ? "" : ", ") + name;
  throw core::InputError(fmt::format("{} has no column '{}' ({}); available columns: {}. Fix the column name in the "
                                     "spec or flags.",
                                     table.origin, column, purpose, available.empty() ? "none" : available));
}

DatedSeries read_dated_series(const RawTable& table, const std::string& series_name, const std::string& date_column,
                              const std::string& value_column, bool require_non_negative) {
  const std::size_t date_index = find_column(table, date_column, "the date of " + series_name);
  const std::size_t value_index = find_column(table, value_column, "the values of " + series_name);
  const auto& dates = table.cells[date_index];
  const auto& values = table.cells[value_index];

  DatedSeries series;
  series.name = series_name;
  series.origin = table.origin;
  series.value_column = value_column;
  series.rows.reserve(dates.size());
  for (std::size_t row = 0; row < dates.size(); ++row) {
    const std::string_view value_text = trim(values[row]);
    if (value_text.empty()) {
      ++series.blank_value_rows;
      continue;
    }
    const std::optional<core::Day> day = core::parse_date(dates[row]);
    if (!day) {
      throw core::InputError(fmt::format(
          "{} data row {}, column '{}': '{}' is not a date; use YYYY-MM-DD, an ISO-8601 date-time or Unix seconds.",
          table.origin, row + 1, date_column, dates[row]));
    }
    double value = 0;
    if (!parse_number(value_text, value)) {
      throw core::InputError(fmt::format("{} data row {}, column '{}': '{}' is not a number; fix the cell or point "
                                         "the series {} at a numeric column.",
                                         table.origin, row + 1, value_column, value_text, series_name));
    }
    if (!std::isfinite(value)) {
      throw core::InputError(fmt::format("{} data row {} ({}), column '{}': the value {} is not finite; replace it "
                                         "with a number or leave the cell empty to treat the week as a gap.",
                                         table.origin, row + 1, core::format_date(*day), value_column, value_text));
    }
    if (require_non_negative && value < 0) {
      throw core::InputError(fmt::format("{} data row {} ({}), column '{}': media spend {} is negative; spend must "
                                         "be zero or more (record refunds or clawbacks as a control instead).",
                                         table.origin, row + 1, core::format_date(*day), value_column, value_text));
    }
    series.rows.push_back({*day, value, row});
  }
  return series;
}

}  // namespace cerebro::io
