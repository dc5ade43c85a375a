#pragma once
// The native CSV path: plain CSV files are read with libcsv so that a spec over
// CSV files never pays for loading embedded ClickHouse.
#include <filesystem>
#include <string>
#include <string_view>

#include "io/raw_table.hpp"

namespace cerebro::io {

// Parses CSV text whose first record is the header (RFC 4180 quoting; a UTF-8
// byte-order mark and blank lines are skipped). Cells keep their text, and an
// unquoted `\N` (ClickHouse's NULL) becomes an empty cell. `origin` names the
// source in messages. Throws core::InputError when the text has no header,
// when a header name repeats, or when a record's field count differs from the
// header's (naming the 1-based line of that record).
RawTable parse_csv_text(std::string_view text, const std::string& origin);

// Reads and parses a CSV file. Throws core::InputError naming the path when the
// file is missing, unreadable or empty, or when parse_csv_text rejects it.
RawTable read_csv_file(const std::filesystem::path& path);

}  // namespace cerebro::io
