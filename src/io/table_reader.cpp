#include "io/table_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "core/errors.hpp"
#include "io/csv_reader.hpp"

namespace cerebro::io {
namespace {

std::string lower_extension(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension;
}

void require_readable_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw core::InputError(fmt::format("data file {} was not found; check the path (relative paths resolve against "
                                       "the spec's folder, or the working directory for --data).",
                                       path.string()));
  }
  if (std::filesystem::is_directory(path, ec)) {
    throw core::InputError(fmt::format("data file {} is a directory; name a file inside it.", path.string()));
  }
  if (std::filesystem::file_size(path, ec) == 0) {
    throw core::InputError(
        fmt::format("data file {} is empty; it needs a header (or schema) and at least one data row.", path.string()));
  }
}

}  // namespace

RawTable read_file_with_session(const std::filesystem::path& path, const std::string& clickhouse_format,
                                SqlSession& session) {
  require_readable_file(path);
  RawTable table = session.query("SELECT * FROM file({path:String}, {format:String})",
                                 {{"path", std::filesystem::absolute(path).string()}, {"format", clickhouse_format}});
  table.origin = path.string();
  if (table.row_count() == 0) {
    throw core::InputError(fmt::format("data file {} has no data rows.", path.string()));
  }
  return table;
}

RawTable read_table_file(const std::filesystem::path& path, SqlSession& session) {
  const std::string extension = lower_extension(path);
  if (extension == ".csv") return read_csv_file(path);
  if (extension == ".parquet") return read_file_with_session(path, "Parquet", session);
  if (extension == ".tsv") return read_file_with_session(path, "TSVWithNames", session);
  // JSONEachRow reads one object per line and also a JSON array of objects.
  if (extension == ".json" || extension == ".jsonl" || extension == ".ndjson") {
    return read_file_with_session(path, "JSONEachRow", session);
  }
  throw core::InputError(fmt::format("data file {} has the extension '{}', which is not supported; use .csv, "
                                     ".parquet, .tsv, .json, .jsonl or .ndjson, or read it with a `sql` query.",
                                     path.string(), extension));
}

}  // namespace cerebro::io
