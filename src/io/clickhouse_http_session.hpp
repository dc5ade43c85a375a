#pragma once
// A ClickHouse server reached over its HTTP interface (port 8123 by default),
// for warehouse tables that do not fit on the local disk.
#include <string>

#include "io/sql_session.hpp"

namespace cerebro::io {

struct ClickHouseEndpoint {
  std::string url;       // such as "http://127.0.0.1:8123"; https works when libcurl has TLS
  std::string user;      // empty: the server's default user
  std::string password;  // sent in the X-ClickHouse-Key header, never in the URL
  std::string database;  // empty: the user's default database
  long timeout_seconds = 300;
};

class ClickHouseHttpSession final : public SqlSession {
 public:
  explicit ClickHouseHttpSession(ClickHouseEndpoint endpoint) : endpoint_(std::move(endpoint)) {}

  // Sends the query as the POST body. Each parameter whose {name:Type}
  // placeholder appears in the query goes as param_<name> in the URL, so the
  // server binds it. The others are not sent, so plain queries also run on
  // servers without query parameters, such as Debian's 18.16. Throws
  // core::InputError when the server cannot be reached, times out, or responds
  // with an HTTP error (the message includes the server's text).
  RawTable query(const std::string& sql, const std::map<std::string, std::string>& parameters) override;

 private:
  ClickHouseEndpoint endpoint_;
};

}  // namespace cerebro::io
