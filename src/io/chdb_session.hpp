#pragma once
namespace cerebro::io {
// Closes the process-wide embedded ClickHouse connection if one was opened.
void close_chdb();
}  // namespace cerebro::io
