#include "io/chdb_session.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

#include <cstdlib>
#include <mutex>
#include <vector>

#include "core/errors.hpp"
#include "io/chdb_api.hpp"
#include "io/csv_reader.hpp"

namespace cerebro::io {
namespace {

// Resolves one symbol; a missing one means an incompatible libchdb.so.
template <typename Function>
Function resolve(void* library, const char* name, const std::filesystem::path& path) {
  void* symbol = dlsym(library, name);
  if (symbol == nullptr) {
    throw core::InputError(fmt::format("{} has no function {}; it is not a compatible chDB build (26.5 or later "
                                       "is expected). Run scripts/setup to install the pinned version.",
                                       path.string(), name));
  }
  return reinterpret_cast<Function>(symbol);
}

class ChdbSession final : public SqlSession {
 public:
  RawTable query(const std::string& sql, const std::map<std::string, std::string>& parameters) override {
    std::lock_guard lock(mutex_);
    open();

    std::vector<const char*> names;
    std::vector<const char*> values;
    for (const auto& [name, value] : parameters) {
      names.push_back(name.c_str());
      values.push_back(value.c_str());
    }
    chdb_api::Result* result =
        query_with_params_(*connection_, sql.c_str(), "CSVWithNames", names.data(), values.data(), names.size());
    const std::string origin = describe(sql);
    if (result == nullptr) {
      throw core::InputError(fmt::format("embedded ClickHouse returned no result for {}.", origin));
    }
    if (const char* error = result_error_(result); error != nullptr) {
      std::string message = error;
      destroy_result_(result);
      throw core::InputError(fmt::format("{} failed in embedded ClickHouse: {}", origin, message));
    }
    const std::string text(result_buffer_(result), result_length_(result));
    destroy_result_(result);

    if (text.empty()) {
      RawTable empty;
      empty.origin = origin;
      return empty;
    }
    return parse_csv_text(text, origin);
  }

  void close() {
    std::lock_guard lock(mutex_);
    if (connection_ != nullptr) {
      close_connection_(connection_);
      connection_ = nullptr;
    }
  }

 private:
  static std::string describe(const std::string& sql) {
    std::string head = sql.substr(0, 60);
    for (char& c : head) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    return fmt::format("query '{}{}'", head, sql.size() > 60 ? "..." : "");
  }

  void open() {
    if (connection_ != nullptr) return;
    if (library_ == nullptr) load_library();

    // No --path flag: the database lives in memory.
    std::string program = "clickhouse";
    char* arguments[] = {program.data()};
    connection_ = connect_(1, arguments);
    if (connection_ == nullptr) {
      throw core::InputError(fmt::format("embedded ClickHouse ({}) failed to open an in-memory connection.",
                                         chdb_library_path().string()));
    }

    // DateTime values print in the session time zone; UTC keeps their days equal to core::parse_date's.
    chdb_api::Result* result = query_with_params_(*connection_, "SET session_timezone = 'UTC'", "CSV", nullptr,
                                                  nullptr, 0);
    const char* error = result == nullptr ? "no result" : result_error_(result);
    const std::string message = error == nullptr ? "" : error;
    if (result != nullptr) destroy_result_(result);
    if (!message.empty()) {
      throw core::InputError(fmt::format("embedded ClickHouse rejected the UTC session time zone: {}", message));
    }
  }

  void load_library() {
    const std::filesystem::path path = chdb_library_path();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      throw core::InputError(fmt::format(
          "embedded ClickHouse (libchdb.so) was not found at {}; it is needed for SQL series and for "
          ".parquet/.tsv/.json/.jsonl files. Run scripts/setup, or set CEREBRO_CHDB_LIBRARY to its path.",
          path.string()));
    }
    void* library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
      throw core::InputError(fmt::format("loading embedded ClickHouse from {} failed: {}. Run scripts/setup to "
                                         "reinstall it.",
                                         path.string(), dlerror()));
    }
    connect_ = resolve<chdb_api::ConnectFn>(library, "chdb_connect", path);
    close_connection_ = resolve<chdb_api::CloseConnectionFn>(library, "chdb_close_conn", path);
    query_with_params_ = resolve<chdb_api::QueryWithParamsFn>(library, "chdb_query_with_params", path);
    result_buffer_ = resolve<chdb_api::ResultBufferFn>(library, "chdb_result_buffer", path);
    result_length_ = resolve<chdb_api::ResultLengthFn>(library, "chdb_result_length", path);
    result_error_ = resolve<chdb_api::ResultErrorFn>(library, "chdb_result_error", path);
    destroy_result_ = resolve<chdb_api::DestroyResultFn>(library, "chdb_destroy_query_result", path);
    library_ = library;
  }

  std::mutex mutex_;
  void* library_ = nullptr;
  chdb_api::Connection* connection_ = nullptr;
  chdb_api::ConnectFn connect_ = nullptr;
  chdb_api::CloseConnectionFn close_connection_ = nullptr;
  chdb_api::QueryWithParamsFn query_with_params_ = nullptr;
  chdb_api::ResultBufferFn result_buffer_ = nullptr;
  chdb_api::ResultLengthFn result_length_ = nullptr;
  chdb_api::ResultErrorFn result_error_ = nullptr;
  chdb_api::DestroyResultFn destroy_result_ = nullptr;
};

ChdbSession& process_session() {
  // Never destroyed: main closes the connection explicitly, and a destructor
  // running after ClickHouse's own static teardown would be unsafe.
  static ChdbSession* session = new ChdbSession();
  return *session;
}

}  // namespace

std::filesystem::path chdb_library_path() {
  const char* configured = std::getenv("CEREBRO_CHDB_LIBRARY");
  if (configured != nullptr && *configured != '\0') return configured;
  return CEREBRO_DEFAULT_CHDB_PATH;
}

SqlSession& embedded_session() { return process_session(); }

void close_chdb() { process_session().close(); }

}  // namespace cerebro::io
