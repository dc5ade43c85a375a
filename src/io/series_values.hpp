#pragma once
// Typed rows of one series: the date and value columns of a RawTable parsed
// and checked, before any weekly aggregation.
#include <cstddef>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "io/raw_table.hpp"

namespace cerebro::io {

struct DatedValue {
  core::Day day;     // UTC calendar day of the row
  double value = 0;  // finite
  std::size_t row = 0;  // 0-based data row in the source, for messages and tie order
};

struct DatedSeries {
  std::string name;    // the series name in the spec
  std::string origin;  // the table's origin
  std::string value_column;
  std::vector<DatedValue> rows;  // in source order; rows with an empty value cell are left out
  std::size_t blank_value_rows = 0;
};

// Parses `date_column` with core::parse_date and `value_column` as decimal
// numbers. An empty value cell (or NULL) skips the row, so that week becomes a
// gap handled by the series' gap policy. Throws core::InputError when a
// column is not in the table, and the message lists the available ones. Also
// throws, naming the origin, the column, the 1-based data row and the cell,
// when a date does not parse or a value is not a number, is NaN or infinite,
// or is negative while `require_non_negative` is set (media spend).
DatedSeries read_dated_series(const RawTable& table, const std::string& series_name, const std::string& date_column,
                              const std::string& value_column, bool require_non_negative);

// Returns the index of `column` in `table`, or throws core::InputError that
// lists the available columns. `purpose` describes the column's role in messages.
std::size_t find_column(const RawTable& table, const std::string& column, const std::string& purpose);

}  // namespace cerebro::io
