#include "io/csv_reader.hpp"

#include <csv.h>
#include <fmt/format.h>

#include <set>

#include "core/atomic_file.hpp"
#include "core/errors.hpp"

namespace cerebro::io {
namespace {

// Collects libcsv's callbacks into records of text fields.
struct RecordCollector {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> current;

  static void on_field(void* field, std::size_t length, void* self) {
    auto* collector = static_cast<RecordCollector*>(self);
    collector->current.emplace_back(field == nullptr ? "" : std::string(static_cast<char*>(field), length));
  }
  static void on_record_end(int, void* self) {
    auto* collector = static_cast<RecordCollector*>(self);
    collector->records.push_back(std::move(collector->current));
    collector->current.clear();
  }
};

std::string trim_spaces(std::string text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

}  // namespace

RawTable parse_csv_text(std::string_view text, const std::string& origin) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);

  csv_parser parser;
  if (csv_init(&parser, CSV_APPEND_NULL) != 0) throw std::bad_alloc();
  RecordCollector collector;
  const std::size_t parsed =
      csv_parse(&parser, text.data(), text.size(), RecordCollector::on_field, RecordCollector::on_record_end, &collector);
  const bool failed = parsed != text.size();
  const int error = csv_error(&parser);
  csv_fini(&parser, RecordCollector::on_field, RecordCollector::on_record_end, &collector);
  csv_free(&parser);
  if (failed) {
    throw core::InputError(fmt::format("{} could not be parsed as CSV ({}); check the quoting near byte {}.", origin,
                                       csv_strerror(error), parsed));
  }

  if (collector.records.empty()) {
    throw core::InputError(fmt::format("{} is empty; it needs a header line and at least one data row.", origin));
  }

  RawTable table;
  table.origin = origin;
  std::set<std::string> seen;
  for (auto& name : collector.records.front()) {
    name = trim_spaces(std::move(name));
    if (!seen.insert(name).second) {
      throw core::InputError(
          fmt::format("{} has the column '{}' twice in its header; rename one of them.", origin, name));
    }
    table.columns.push_back(name);
  }
  table.cells.assign(table.columns.size(), {});

  for (std::size_t record = 1; record < collector.records.size(); ++record) {
    auto& fields = collector.records[record];
    if (fields.size() != table.columns.size()) {
      // NOTE: the record index equals the line number only when no quoted cell spans lines.
      throw core::InputError(fmt::format(
          "{} record {} (line {} when no cell spans lines) has {} fields but the header has {}; fix that row.",
          origin, record + 1, record + 1, fields.size(), table.columns.size()));
    }
    for (std::size_t column = 0; column < fields.size(); ++column) {
      std::string& cell = fields[column];
      if (cell == "\\N") cell.clear();
      table.cells[column].push_back(std::move(cell));
    }
  }
  return table;
}

RawTable read_csv_file(const std::filesystem::path& path) {
  const std::optional<std::string> text = core::read_file(path);
  if (!text) {
    throw core::InputError(fmt::format("data file {} was not found; check the path (relative paths resolve against "
                                       "the spec's folder, or the working directory for --data).",
                                       path.string()));
  }
  if (text->find_first_not_of(" \t\r\n") == std::string::npos) {
    throw core::InputError(fmt::format("data file {} is empty; it needs a header line and at least one data row.",
                                       path.string()));
  }
  return parse_csv_text(*text, path.string());
}

}  // namespace cerebro::io
