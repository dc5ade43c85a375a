#pragma once
// The part of chDB's C API (libchdb.so, checked against 26.5.3) that cerebro
// calls. The library is opened with dlopen on the first query, so these are
// function-pointer types for dlsym rather than declarations to link against.
#include <cstddef>

namespace cerebro::io::chdb_api {

// Opaque handles; chDB allocates and frees them.
struct Result;
struct ConnectionState;
using Connection = ConnectionState*;

// chdb_connect(argc, argv): argv contains clickhouse-local style flags such as
// "--path=DIR". Without a path the database lives in memory. NULL on failure.
using ConnectFn = Connection* (*)(int argc, char** argv);
// chdb_close_conn: closes the connection and frees the handle.
using CloseConnectionFn = void (*)(Connection* connection);
// chdb_query_with_params: binds each {name:Type} placeholder to the matching
// value (sent as text, typed by the engine) and runs the query. Errors are
// reported through ResultErrorFn.
using QueryWithParamsFn = Result* (*)(Connection connection, const char* query, const char* format,
                                      const char* const* parameter_names,
                                      const char* const* parameter_values, std::size_t parameter_count);
using ResultBufferFn = char* (*)(Result* result);
using ResultLengthFn = std::size_t (*)(Result* result);
// NULL when the query succeeded.
using ResultErrorFn = const char* (*)(Result* result);
using DestroyResultFn = void (*)(Result* result);

}  // namespace cerebro::io::chdb_api
