// End-to-end: `cerebro-mmm fit` on bad input exits with code 2, names the
// offending value on stderr, and writes nothing, so an earlier good fit.json
// in the same output folder survives unchanged.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/calendar.hpp"

namespace {

namespace fs = std::filesystem;

constexpr int kWeeks = 100;

std::string read_file(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream content;
  content << file.rdbuf();
  return content.str();
}

void write_file(const fs::path& path, const std::string& content) {
  std::ofstream file(path, std::ios::binary);
  file << content;
}

std::string monday(int week) {
  const auto day = cerebro::core::parse_date("2021-01-04");
  return cerebro::core::format_date(*day + std::chrono::days(7 * week));
}

// One row of the good panel: a KPI driven by two always-on incentives with
// different weekly patterns, plus a deterministic wiggle.
struct Row {
  std::string date;
  std::string tvl;
  std::string incentive_a;
  std::string incentive_b;
};

std::vector<Row> good_rows() {
  std::vector<Row> rows;
  for (int t = 0; t < kWeeks; ++t) {
    const double a = 20.0 + (t * 7) % 11;
    const double b = 15.0 + (t * 5) % 13 + (t % 4 == 0 ? 6.0 : 0.0);
    const double tvl = 1000.0 + 2.0 * t + 30.0 * std::sqrt(a) + 20.0 * std::sqrt(b) + (t * 3) % 7;
    rows.push_back({monday(t), std::to_string(tvl), std::to_string(a), std::to_string(b)});
  }
  return rows;
}

std::string to_csv(const std::vector<Row>& rows) {
  std::string csv = "date,tvl,incentive_a,incentive_b\n";
  for (const auto& row : rows)
    csv += row.date + "," + row.tvl + "," + row.incentive_a + "," + row.incentive_b + "\n";
  return csv;
}

struct RunResult {
  int exit_code = -1;
  std::string stderr_text;
};

RunResult run_cli(const fs::path& folder, const std::string& arguments) {
  const std::string command = "cd '" + folder.string() + "' && '" + CEREBRO_BINARY + "' fit " + arguments +
                              " >stdout.txt 2>stderr.txt";
  const int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.stderr_text = read_file(folder / "stderr.txt");
  return result;
}

const std::string kQuickFlags = "--data data.csv --kpi tvl --media incentive_a,incentive_b --resamples 0 --out out";

class FitEndToEnd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    good_folder_ = make_folder();
    write_file(good_folder_ / "data.csv", to_csv(good_rows()));
    const auto result = run_cli(good_folder_, kQuickFlags);
    ASSERT_EQ(result.exit_code, 0) << result.stderr_text;
    good_fit_ = read_file(good_folder_ / "out" / "fit.json");
    ASSERT_FALSE(good_fit_.empty());
  }

  static void TearDownTestSuite() { fs::remove_all(good_folder_); }

  static fs::path make_folder() {
    std::string pattern = (fs::temp_directory_path() / "cerebro-e2e-XXXXXX").string();
    const char* created = mkdtemp(pattern.data());
    if (created == nullptr) throw std::runtime_error("mkdtemp failed for " + pattern);
    return created;
  }

  // Runs fit in a fresh folder whose out/ contains the good fit.json, then
  // checks exit code 2, the message and that out/ still contains only that file.
  void expect_rejected(const std::string& data_csv, const std::string& arguments,
                       const std::vector<std::string>& expected_in_message,
                       const std::function<void(const fs::path&)>& prepare = {}) {
    const fs::path folder = make_folder();
    if (!data_csv.empty()) write_file(folder / "data.csv", data_csv);
    if (prepare) prepare(folder);
    fs::create_directories(folder / "out");
    write_file(folder / "out" / "fit.json", good_fit_);

    const auto result = run_cli(folder, arguments);
    EXPECT_EQ(result.exit_code, 2) << result.stderr_text;
    for (const auto& expected : expected_in_message)
      EXPECT_NE(result.stderr_text.find(expected), std::string::npos)
          << "expected '" << expected << "' in: " << result.stderr_text;
    EXPECT_EQ(read_file(folder / "out" / "fit.json"), good_fit_);
    std::vector<std::string> outputs;
    for (const auto& entry : fs::directory_iterator(folder / "out"))
      outputs.push_back(entry.path().filename().string());
    EXPECT_EQ(outputs, std::vector<std::string>{"fit.json"});
    fs::remove_all(folder);
  }

  static std::string csv_with(const std::function<void(std::vector<Row>&)>& change) {
    auto rows = good_rows();
    change(rows);
    return to_csv(rows);
  }

  static inline fs::path good_folder_;
  static inline std::string good_fit_;
};

TEST_F(FitEndToEnd, MissingFile) {
  expect_rejected("", "--data missing.csv --kpi tvl --media incentive_a --resamples 0 --out out", {"missing.csv"});
}

TEST_F(FitEndToEnd, UnreadableFile) {
  // A folder where a file is expected: unreadable as data even for root.
  expect_rejected("", "--data folder.csv --kpi tvl --media incentive_a --resamples 0 --out out", {"folder.csv"},
                  [](const fs::path& folder) { fs::create_directory(folder / "folder.csv"); });
}

TEST_F(FitEndToEnd, EmptyFile) {
  expect_rejected("", "--data empty.csv --kpi tvl --media incentive_a --resamples 0 --out out", {"empty.csv"},
                  [](const fs::path& folder) { write_file(folder / "empty.csv", ""); });
}

TEST_F(FitEndToEnd, UnknownColumn) {
  expect_rejected(to_csv(good_rows()), "--data data.csv --kpi tvl_usd --media incentive_a --resamples 0 --out out",
                  {"tvl_usd"});
}

TEST_F(FitEndToEnd, NonNumericCell) {
  expect_rejected(csv_with([](auto& rows) { rows[30].incentive_a = "12abc"; }), kQuickFlags, {"12abc"});
}

TEST_F(FitEndToEnd, UnparseableDate) {
  expect_rejected(csv_with([](auto& rows) { rows[30].date = "2021-13-45"; }), kQuickFlags, {"2021-13-45"});
}

TEST_F(FitEndToEnd, NanValue) {
  expect_rejected(csv_with([](auto& rows) { rows[30].tvl = "nan"; }), kQuickFlags, {"tvl", monday(30)});
}

TEST_F(FitEndToEnd, InfiniteValue) {
  expect_rejected(csv_with([](auto& rows) { rows[30].incentive_b = "inf"; }), kQuickFlags,
                  {"incentive_b", monday(30)});
}

TEST_F(FitEndToEnd, NegativeSpend) {
  expect_rejected(csv_with([](auto& rows) { rows[30].incentive_a = "-5"; }), kQuickFlags,
                  {"incentive_a", "-5", monday(30)});
}

TEST_F(FitEndToEnd, MediaWithoutNonZeroWeek) {
  expect_rejected(csv_with([](auto& rows) {
                    for (auto& row : rows) row.incentive_b = "0";
                  }),
                  kQuickFlags, {"incentive_b"});
}

TEST_F(FitEndToEnd, ConstantKpi) {
  expect_rejected(csv_with([](auto& rows) {
                    for (auto& row : rows) row.tvl = "500";
                  }),
                  kQuickFlags, {"tvl", "constant"});
}

const std::string kSpecHead =
    "kpi:\n"
    "  name: tvl\n"
    "  file: data.csv\n"
    "media:\n"
    "  - name: incentive_a\n"
    "    file: data.csv\n"
    "  - name: incentive_b\n"
    "    file: data.csv\n";

TEST_F(FitEndToEnd, YamlUnknownKeyWithLine) {
  expect_rejected(to_csv(good_rows()), "spec.yaml --resamples 0 --out out", {"holdout_fractoin", "line 9"},
                  [](const fs::path& folder) { write_file(folder / "spec.yaml", kSpecHead + "holdout_fractoin: 0.2\n"); });
}

TEST_F(FitEndToEnd, YamlWrongTypeWithLine) {
  expect_rejected(to_csv(good_rows()), "spec.yaml --resamples 0 --out out", {"holdout_fraction", "line 9"},
                  [](const fs::path& folder) { write_file(folder / "spec.yaml", kSpecHead + "holdout_fraction: lots\n"); });
}

TEST_F(FitEndToEnd, SingleCampaign) {
  expect_rejected(csv_with([](auto& rows) {
                    for (int t = 0; t < kWeeks; ++t) rows[t].incentive_a = (t >= 40 && t < 70) ? "25" : "0";
                  }),
                  "--data data.csv --kpi tvl --media incentive_a --resamples 0 --out out",
                  {"incentive_a", monday(40), monday(69), "A/B test"});
}

TEST_F(FitEndToEnd, DominantWeek) {
  expect_rejected(csv_with([](auto& rows) { rows[50].tvl = "900000"; }), kQuickFlags, {"week of " + monday(50)});
}

TEST_F(FitEndToEnd, StructuralBreak) {
  expect_rejected(csv_with([](auto& rows) {
                    for (int t = 60; t < kWeeks; ++t) rows[t].tvl = std::to_string(std::stod(rows[t].tvl) + 400.0);
                  }),
                  kQuickFlags, {"week of " + monday(60), "--step " + monday(60)});
}

TEST_F(FitEndToEnd, DeclaredStepAcceptsBreak) {
  const fs::path folder = make_folder();
  auto rows = good_rows();
  for (int t = 60; t < kWeeks; ++t) rows[t].tvl = std::to_string(std::stod(rows[t].tvl) + 400.0);
  write_file(folder / "data.csv", to_csv(rows));
  const auto result = run_cli(folder, kQuickFlags + " --step " + monday(60));
  EXPECT_EQ(result.exit_code, 0) << result.stderr_text;
  fs::remove_all(folder);
}

TEST_F(FitEndToEnd, DatesWithTimesAndZonesAccepted) {
  const fs::path folder = make_folder();
  auto rows = good_rows();
  for (int t = 0; t < kWeeks; t += 3) rows[t].date += "T10:15:00Z";
  // Tuesday 01:30 at +02:00 is Monday 23:30 UTC: the same week.
  rows[10].date = cerebro::core::format_date(*cerebro::core::parse_date(monday(10)) + std::chrono::days(1)) +
                  " 01:30:00+02:00";
  write_file(folder / "data.csv", to_csv(rows));
  const auto result = run_cli(folder, kQuickFlags);
  EXPECT_EQ(result.exit_code, 0) << result.stderr_text;
  EXPECT_TRUE(fs::exists(folder / "out" / "fit.json"));
  fs::remove_all(folder);
}

TEST_F(FitEndToEnd, SeveralRowsPerWeekAccepted) {
  // Each week's incentives split over two days sum back to the weekly value;
  // the KPI keeps the last row of the week.
  const fs::path folder = make_folder();
  std::string csv = "date,tvl,incentive_a,incentive_b\n";
  for (const auto& row : good_rows()) {
    const auto day = *cerebro::core::parse_date(row.date);
    const double a = std::stod(row.incentive_a);
    const double b = std::stod(row.incentive_b);
    csv += row.date + ",1," + std::to_string(a / 2) + "," + std::to_string(b / 2) + "\n";
    csv += cerebro::core::format_date(day + std::chrono::days(4)) + "," + row.tvl + "," +
           std::to_string(a / 2) + "," + std::to_string(b / 2) + "\n";
  }
  write_file(folder / "data.csv", csv);
  const auto result = run_cli(folder, kQuickFlags);
  EXPECT_EQ(result.exit_code, 0) << result.stderr_text;
  EXPECT_TRUE(fs::exists(folder / "out" / "fit.json"));
  fs::remove_all(folder);
}

}  // namespace
