// Runs the built `cerebro-mmm validate` as a user would.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <string>

#include "core/calendar.hpp"
#include "scratch_dir.hpp"

namespace cerebro::io {
namespace {

using ::testing::HasSubstr;

struct CommandOutput {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

CommandOutput run_validate(const std::string& arguments, const std::string& environment = "") {
  const std::string command = environment + " " + std::string(CEREBRO_BINARY) + " validate " + arguments + " 2>&1";
  CommandOutput result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) result.output += buffer.data();
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

TEST(ValidateCommand, ChdbOsmosisExample) {
  const CommandOutput result = run_validate(std::string(CEREBRO_SOURCE_DIR) + "/examples/osmosis/spec.yaml");
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_THAT(result.output, HasSubstr("valid: 66 weeks from 2022-05-09 to 2023-08-07"));
  EXPECT_THAT(result.output, HasSubstr("media: external_incentives_usd_per_week [sql:external_incentives_usd_per_week, usd]"));
  EXPECT_THAT(result.output, HasSubstr("(2022-06-13)"));
}

// A 40-week panel that passes every data guard: media vary week to week
// without trends, and the KPI follows them with a small periodic wobble.
std::string weekly_panel_csv(const std::string& date_column) {
  std::string text = date_column + ",tvl,lm,ext\n";
  core::Day week = core::parse_date("2024-01-01").value();
  for (int t = 0; t < 40; ++t, week += std::chrono::days{7}) {
    const int lm = 10 + (t * 7) % 5;
    const int ext = 5 + (t * 3) % 4;
    const int tvl = 1000 + 5 * lm + 4 * ext + (t * 13) % 7;
    text += core::format_date(week) + "," + std::to_string(tvl) + "," + std::to_string(lm) + "," +
            std::to_string(ext) + "\n";
  }
  return text;
}

TEST(ValidateCommand, QuickFlags) {
  const testing::ScratchDir scratch("validate-flags");
  const auto data = scratch.write("p.csv", weekly_panel_csv("day"));
  const CommandOutput result =
      run_validate("--data " + data.string() + " --date day --kpi tvl --media lm,ext --step 2024-05-06");
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_THAT(result.output, HasSubstr("valid: 40 weeks"));
  EXPECT_THAT(result.output, HasSubstr("window: 32 weeks after 8 warm-up weeks"));
  EXPECT_THAT(result.output, HasSubstr("data guards and collinearity: passed"));
  EXPECT_THAT(result.output, HasSubstr("media: ext [p.csv:ext]"));
  EXPECT_THAT(result.output, HasSubstr("step event: step_2024-05-06 on 2024-05-06"));
}

TEST(ValidateCommand, SpecAndFlagsTogetherRejected) {
  const CommandOutput result = run_validate(std::string(CEREBRO_SOURCE_DIR) + "/examples/osmosis/spec.yaml --kpi x");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.output, HasSubstr("use one of the two"));
}

TEST(ValidateCommand, NoInputRejected) {
  const CommandOutput result = run_validate("");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.output, HasSubstr("no input given"));
}

TEST(ValidateCommand, BadDataExitsTwo) {
  const testing::ScratchDir scratch("validate-bad");
  const auto data = scratch.write("p.csv", "date,tvl,lm\n2024-01-01,1,1\n2024-01-08,2,-1\n");
  const CommandOutput result = run_validate("--data " + data.string() + " --kpi tvl --media lm");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.output, HasSubstr("error: "));
  EXPECT_THAT(result.output, HasSubstr("is negative"));
}

TEST(ValidateCommand, MissingChdbLibrary) {
  const CommandOutput result = run_validate(std::string(CEREBRO_SOURCE_DIR) + "/examples/osmosis/spec.yaml",
                                            "CEREBRO_CHDB_LIBRARY=/nonexistent/libchdb.so");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.output, HasSubstr("was not found at /nonexistent/libchdb.so"));
  EXPECT_THAT(result.output, HasSubstr("Run scripts/setup"));
}

TEST(ValidateCommand, CsvNeverLoadsChdb) {
  // With the library path broken, a CSV-only analysis still succeeds.
  const testing::ScratchDir scratch("validate-no-chdb");
  const auto data = scratch.write("p.csv", weekly_panel_csv("date"));
  const CommandOutput result =
      run_validate("--data " + data.string() + " --kpi tvl --media lm,ext", "CEREBRO_CHDB_LIBRARY=/nonexistent/libchdb.so");
  EXPECT_EQ(result.exit_code, 0) << result.output;
}

TEST(ValidateCommand, Help) {
  const CommandOutput result = run_validate("--help");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.output, HasSubstr("--resamples"));
}

}  // namespace
}  // namespace cerebro::io
