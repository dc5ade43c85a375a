#pragma once
// A place where SQL runs: embedded ClickHouse (chDB) now, a ClickHouse server
// over HTTP later. Loading code requests tables through this interface and
// does not depend on which one runs them.
#include <map>
#include <string>

#include "io/raw_table.hpp"

namespace cerebro::io {

class SqlSession {
 public:
  virtual ~SqlSession() = default;

  // Runs one ClickHouse query and returns its result with the column names as
  // the engine reports them. Each {name:Type} placeholder in `sql` is bound to
  // parameters.at(name) by the engine, so values are never spliced into the text.
  // Throws core::InputError with the engine's message when the query fails.
  virtual RawTable query(const std::string& sql, const std::map<std::string, std::string>& parameters) = 0;
};

}  // namespace cerebro::io
