#pragma once
// Reading a data file into a RawTable, by its extension.
#include <filesystem>
#include <string>

#include "io/raw_table.hpp"
#include "io/sql_session.hpp"

namespace cerebro::io {

// Reads a table file. `.csv` is parsed natively (the session is not touched);
// `.parquet`, `.tsv`, `.json`, `.jsonl` and `.ndjson` are read through the
// session's file() table function with schema inference. Throws
// core::InputError when the file is missing or empty, the extension is not one
// of these, or reading fails.
RawTable read_table_file(const std::filesystem::path& path, SqlSession& session);

// Reads any file through the session as `clickhouse_format` (a ClickHouse input
// format name such as "CSVWithNames" or "Parquet"). Same errors as above.
RawTable read_file_with_session(const std::filesystem::path& path, const std::string& clickhouse_format,
                                SqlSession& session);

}  // namespace cerebro::io
