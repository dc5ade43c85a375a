#pragma once
// A table as read from a file or returned by a query, before any typing:
// column names and cells as text. Both the native CSV reader and embedded
// ClickHouse produce this, so the rest of loading has one path.
#include <string>
#include <vector>

namespace cerebro::io {

struct RawTable {
  std::string origin;                       // file path or "query '<first 60 chars>'", for messages
  std::vector<std::string> columns;         // names in source order
  std::vector<std::vector<std::string>> cells;  // cells[column][row]; NULL is an empty string

  std::size_t row_count() const { return cells.empty() ? 0 : cells.front().size(); }
};

}  // namespace cerebro::io
