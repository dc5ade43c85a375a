// End-to-end tests of `cerebro-mmm run`. On PASS it simulates and reports.
// On BLOCK it stops with exit 3 and writes no report. It keeps a dag.md that
// the user edited, and the same seed gives the same bytes.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "core/calendar.hpp"

namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream content;
  content << file.rdbuf();
  return content.str();
}

void write_text(const fs::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

// 100 weeks of a KPI driven by two always-on incentives with different
// weekly patterns, plus a deterministic wiggle; no guard fires on it.
std::string panel_csv() {
  std::string csv = "date,tvl,incentive_a,incentive_b\n";
  const auto first = cerebro::core::parse_date("2021-01-04").value();
  for (int t = 0; t < 100; ++t) {
    const double a = 20.0 + (t * 7) % 11;
    const double b = 15.0 + (t * 5) % 13 + (t % 4 == 0 ? 6.0 : 0.0);
    const double tvl = 1000.0 + 2.0 * t + 30.0 * std::sqrt(a) + 20.0 * std::sqrt(b) + (t * 3) % 7;
    csv += cerebro::core::format_date(first + std::chrono::days(7 * t)) + "," + std::to_string(tvl) +
           "," + std::to_string(a) + "," + std::to_string(b) + "\n";
  }
  return csv;
}

constexpr const char* kSpec = R"(data: data.csv
date: date
kpi: {name: tvl, unit: usd}
media:
  - {name: incentive_a, unit: usd}
  - {name: incentive_b, unit: usd}
bootstrap: {resamples: 50, seed: 7}
simulate: {current_weeks: 4}
)";

// The same analysis with an unobserved driver of both media and the KPI.
constexpr const char* kConfoundedLatent = R"(latent:
  - name: user_growth
)";

class RunEndToEnd : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "cerebro-run-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    folder_ = pattern;
    write_text(folder_ / "data.csv", panel_csv());
  }
  void TearDown() override { fs::remove_all(folder_); }

  int run(const std::string& spec_text, const std::string& out) {
    write_text(folder_ / "spec.yaml", spec_text);
    const std::string command = "cd '" + folder_.string() + "' && '" + CEREBRO_BINARY +
                                "' run spec.yaml --out " + out + " >stdout.txt 2>stderr.txt";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::string stdout_text() const { return read_text(folder_ / "stdout.txt"); }
  bool exists(const std::string& name) const { return fs::exists(folder_ / name); }

  fs::path folder_;
};

TEST_F(RunEndToEnd, PassWritesEveryOutput) {
  ASSERT_EQ(run(kSpec, "out"), 0) << read_text(folder_ / "stderr.txt");
  for (const char* name : {"out/fit.json", "out/dag.md", "out/review.json", "out/review.md",
                           "out/simulation.json", "out/report.html", "out/report.json"}) {
    EXPECT_TRUE(exists(name)) << name;
  }
  EXPECT_NE(stdout_text().find("VERDICT: PASS"), std::string::npos);
  EXPECT_NE(stdout_text().find("report: "), std::string::npos);
}

TEST_F(RunEndToEnd, BlockStopsBeforeReport) {
  ASSERT_EQ(run(std::string(kSpec) + kConfoundedLatent, "out"), 3);
  EXPECT_TRUE(exists("out/fit.json"));
  EXPECT_TRUE(exists("out/dag.md"));
  EXPECT_NE(read_text(folder_ / "out/review.json").find("\"BLOCK\""), std::string::npos);
  EXPECT_FALSE(exists("out/report.html"));
  EXPECT_FALSE(exists("out/report.json"));
  EXPECT_FALSE(exists("out/simulation.json"));
  EXPECT_NE(stdout_text().find("VERDICT: BLOCK"), std::string::npos);
  EXPECT_NE(stdout_text().find("cerebro-mmm review out/dag.md --fit out/fit.json"),
            std::string::npos);
}

TEST_F(RunEndToEnd, EditedDagIsKeptAndReviewed) {
  ASSERT_EQ(run(std::string(kSpec) + kConfoundedLatent, "out"), 3);
  // The analyst drops the latent node and its edges, which the review accepts.
  std::string dag = read_text(folder_ / "out/dag.md");
  std::string edited;
  std::istringstream lines(dag);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("user_growth") != std::string::npos) continue;
    if (line.rfind("Edges:", 0) == 0) line = "Edges: M1→Y, M2→Y";
    edited += line + "\n";
  }
  write_text(folder_ / "out/dag.md", edited);

  ASSERT_EQ(run(std::string(kSpec) + kConfoundedLatent, "out"), 0)
      << read_text(folder_ / "stderr.txt") << stdout_text();
  EXPECT_NE(stdout_text().find("kept and reviewing your edited"), std::string::npos);
  EXPECT_EQ(read_text(folder_ / "out/dag.md"), edited);
  EXPECT_TRUE(exists("out/report.html"));
}

TEST_F(RunEndToEnd, CopiedDirectoryChecksItsOwnDag) {
  ASSERT_EQ(run(kSpec, "out"), 0);
  fs::copy(folder_ / "out", folder_ / "copy", fs::copy_options::recursive);
  fs::remove(folder_ / "copy/report.html");
  fs::remove(folder_ / "copy/report.json");
  const auto report = [&](const std::string& dir) {
    const std::string command = "cd '" + folder_.string() + "' && '" + CEREBRO_BINARY +
                                "' report " + dir + " >/dev/null 2>&1";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  };
  EXPECT_EQ(report("copy"), 0);

  // A cycle added to the copy's DAG must close the copy's gate, even though
  // the DAG the review first read is unchanged in the original directory.
  std::string dag = read_text(folder_ / "copy/dag.md");
  dag.replace(dag.find("Edges: "), 7, "Edges: M1→M2, M2→M1, ");
  write_text(folder_ / "copy/dag.md", dag);
  fs::remove(folder_ / "copy/report.html");
  EXPECT_EQ(report("copy"), 3);
  EXPECT_FALSE(exists("copy/report.html"));
  EXPECT_EQ(report("out"), 0);
}

TEST_F(RunEndToEnd, SameSeedGivesSameBytes) {
  ASSERT_EQ(run(kSpec, "first"), 0);
  ASSERT_EQ(run(kSpec, "second"), 0);
  EXPECT_EQ(read_text(folder_ / "first/fit.json"), read_text(folder_ / "second/fit.json"));
  EXPECT_EQ(read_text(folder_ / "first/simulation.json"),
            read_text(folder_ / "second/simulation.json"));
}

}  // namespace
