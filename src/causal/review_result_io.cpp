#include "causal/review_result_io.hpp"

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "core/json_reader.hpp"

namespace cerebro::causal {
namespace {

using json = nlohmann::ordered_json;

// A table cell cannot hold `|` or a line break.
std::string table_cell(std::string text) {
  std::string cell;
  for (char c : text) {
    if (c == '|') {
      cell += "\\|";
    } else if (c == '\n' || c == '\r') {
      cell += ' ';
    } else {
      cell += c;
    }
  }
  return cell;
}

// The shared reader plus the check of a verdict word.
struct Reader : core::JsonReader {
  using core::JsonReader::JsonReader;

  bool verdict(const json& object, const std::string& key, const std::string& path,
               const char* pass, const char* block) const {
    const std::string value = text(object, key, path);
    if (value != pass && value != block) {
      fail(path + key, "is '" + value + "' instead of '" + pass + "' or '" + block + "'");
    }
    return value == pass;
  }
};

}  // namespace

std::string review_to_json(const ReviewResult& review) {
  json rows = json::array();
  for (const CheckRow& row : review.rows) {
    rows.push_back({{"check", row.check},
                    {"reference", row.reference},
                    {"verdict", row.passed ? "pass" : "fail"},
                    {"evidence", row.evidence}});
  }
  const json document{{"schema_version", kReviewSchemaVersion},
                      {"verdict", review.passed ? "PASS" : "BLOCK"},
                      {"rows", rows},
                      {"fixes", review.fixes},
                      {"caveats", review.caveats},
                      {"dag_path", review.dag_path},
                      {"dag_sha256", review.dag_sha256},
                      {"fit_sha256", review.fit_sha256},
                      {"fit_id", review.fit_id}};
  return document.dump(2) + "\n";
}

ReviewResult review_from_json(std::string_view text, const std::string& origin) {
  const Reader reader{origin,
                      "Run `cerebro-mmm review DAG.md --fit DIR/fit.json` again to write a fresh "
                      "review.json"};
  const json document = reader.parse(text);
  const json& version = reader.at(document, "schema_version", "");
  if (!version.is_number_integer() || version != kReviewSchemaVersion) {
    reader.fail("schema_version", "is not " + std::to_string(kReviewSchemaVersion));
  }
  ReviewResult review;
  review.passed = reader.verdict(document, "verdict", "", "PASS", "BLOCK");
  const json& rows = reader.at(document, "rows", "");
  if (!rows.is_array()) reader.fail("rows", "is not an array");
  bool all_passed = true;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string path = "rows[" + std::to_string(i) + "].";
    CheckRow row;
    row.check = reader.text(rows[i], "check", path);
    row.reference = reader.text(rows[i], "reference", path);
    row.passed = reader.verdict(rows[i], "verdict", path, "pass", "fail");
    row.evidence = reader.text(rows[i], "evidence", path);
    all_passed = all_passed && row.passed;
    review.rows.push_back(std::move(row));
  }
  if (review.passed && (!all_passed || review.rows.empty())) {
    reader.fail("verdict", "is PASS although a check failed or no check is listed");
  }
  const json& fixes = reader.at(document, "fixes", "");
  if (!fixes.is_array()) reader.fail("fixes", "is not an array");
  for (std::size_t i = 0; i < fixes.size(); ++i) {
    if (!fixes[i].is_string()) reader.fail("fixes[" + std::to_string(i) + "]", "is not a string");
    review.fixes.push_back(fixes[i].get<std::string>());
  }
  // Reviews written before caveats existed have no key; that reads as none.
  if (document.contains("caveats")) {
    const json& caveats = document.at("caveats");
    if (!caveats.is_array()) reader.fail("caveats", "is not an array");
    for (std::size_t i = 0; i < caveats.size(); ++i) {
      if (!caveats[i].is_string()) {
        reader.fail("caveats[" + std::to_string(i) + "]", "is not a string");
      }
      review.caveats.push_back(caveats[i].get<std::string>());
    }
  }
  review.dag_path = reader.text(document, "dag_path", "");
  review.dag_sha256 = reader.text(document, "dag_sha256", "");
  review.fit_sha256 = reader.text(document, "fit_sha256", "");
  review.fit_id = reader.text(document, "fit_id", "");
  return review;
}

std::string review_to_markdown(const ReviewResult& review) {
  std::string text = "| Check | Reference | Verdict | Evidence |\n|---|---|---|---|\n";
  for (const CheckRow& row : review.rows) {
    text += "| " + table_cell(row.check) + " | " + table_cell(row.reference) + " | " +
            (row.passed ? "pass" : "fail") + " | " + table_cell(row.evidence) + " |\n";
  }
  if (!review.fixes.empty()) {
    text += "\nFixes:\n";
    for (std::size_t i = 0; i < review.fixes.size(); ++i) {
      text += std::to_string(i + 1) + ". " + review.fixes[i] + "\n";
    }
  }
  if (!review.caveats.empty()) {
    text += "\nCaveats:\n";
    for (const std::string& caveat : review.caveats) text += "- " + caveat + "\n";
  }
  text += review.passed ? "\nVERDICT: PASS\n" : "\nVERDICT: BLOCK\n";
  return text;
}

}  // namespace cerebro::causal
