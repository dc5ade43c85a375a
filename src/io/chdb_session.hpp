#pragma once
// Embedded ClickHouse (chDB). libchdb.so is large (about 0.15 s and 200 MB to
// load), so it is opened with dlopen only when the first query runs, and a
// spec over plain CSV files never loads it.
#include <filesystem>

#include "io/sql_session.hpp"

namespace cerebro::io {

// Returns where libchdb.so is looked for: the CEREBRO_CHDB_LIBRARY environment
// variable when set and non-empty, else the path that scripts/setup installs to.
std::filesystem::path chdb_library_path();

// Returns the process-wide embedded ClickHouse session. Nothing is loaded until
// its first query. Queries run one at a time (a mutex serializes them), with
// the session time zone set to UTC so DateTime values print as UTC. A query
// throws core::InputError when the library is missing (telling the user to run
// scripts/setup), cannot be loaded, or the query fails.
SqlSession& embedded_session();

// Closes the process-wide embedded ClickHouse connection if one was opened; a
// later query opens a new one. The library stays mapped, because unloading
// ClickHouse's static state is not safe. Safe to call any number of times.
void close_chdb();

}  // namespace cerebro::io
