// End-to-end: the built command's exit codes and outputs on files in a temp dir.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/atomic_file.hpp"
#include "fit/fit_result_json.hpp"

namespace cerebro::causal {
namespace {

namespace fs = std::filesystem;

class ReviewCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cerebro-review-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { if (!HasFailure()) fs::remove_all(dir_); }

  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  int run(const std::string& arguments) {
    const std::string command = std::string(CEREBRO_BINARY) + " review " + arguments + " > " +
                                (dir_ / "stdout.txt").string() + " 2>&1";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

const std::string kPassing =
    "| Node | Variable | Source |\n|---|---|---|\n| T | claims | a |\n| Y | kpi_swaps | b |\n"
    "Edges: T→Y\nFlags: none\n";
const std::string kBlocking =
    "| Node | Variable | Source |\n|---|---|---|\n| T | claims | a |\n| U | users | latent |\n"
    "| Y | kpi_swaps | b |\nEdges: T→Y, U→T, U→Y\n";

std::string fit_json() {
  fit::FitResult fit;
  fit.kpi_name = "swaps";
  fit.weeks = {"2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22"};
  fit.kpi_values = {10, 12, 14, 11};
  fit.kpi_adjusted = fit.kpi_values;
  fit::MediaResult media;
  media.name = "claims";
  media.spend = {0, 1, 2, 1};
  media.adstock = media.spend;
  media.contribution = {0, 0, 0, 0};
  fit.media.push_back(media);
  fit.decomposition.remainder = {0, 0, 0, 0};
  fit.fit_id = fit::compute_fit_id(fit);
  return fit::to_json_text(fit);
}

TEST_F(ReviewCommand, PassExitsZeroAndWritesReview) {
  write("dag.md", kPassing);
  write("fit.json", fit_json());
  EXPECT_EQ(run(path("dag.md") + " --fit " + path("fit.json") + " --out " + path("verdict.md")), 0);
  EXPECT_TRUE(core::read_file(dir_ / "review.json").has_value());
  EXPECT_TRUE(core::read_file(dir_ / "review.md").has_value());
  const auto verdict = core::read_file(dir_ / "verdict.md");
  ASSERT_TRUE(verdict.has_value());
  EXPECT_NE(verdict->find("VERDICT: PASS"), std::string::npos);
}

TEST_F(ReviewCommand, BlockExitsThree) {
  write("dag.md", kBlocking);
  EXPECT_EQ(run(path("dag.md")), 3);
  const auto output = core::read_file(dir_ / "stdout.txt");
  ASSERT_TRUE(output.has_value());
  EXPECT_NE(output->find("VERDICT: BLOCK"), std::string::npos);
}

TEST_F(ReviewCommand, InvalidInputExitsTwo) {
  write("dag.md", "| Node | Variable |\n");
  EXPECT_EQ(run(path("dag.md")), 2);
  write("good.md", kPassing);
  EXPECT_EQ(run(path("good.md") + " --fit " + path("missing/fit.json")), 2);
  EXPECT_EQ(run(path("absent.md")), 2);
}

TEST_F(ReviewCommand, DagThatDoesNotDescribeFitExitsTwo) {
  // The edge points from the KPI to the fitted media: the fit attributes an
  // effect the DAG denies, so the review refuses instead of judging the DAG.
  write("dag.md",
        "| Node | Variable | Source |\n|---|---|---|\n| T | claims | a |\n| Y | kpi_swaps | b |\n"
        "Edges: Y→T\n");
  write("fit.json", fit_json());
  EXPECT_EQ(run(path("dag.md") + " --fit " + path("fit.json")), 2);
  const auto output = core::read_file(dir_ / "stdout.txt");
  ASSERT_TRUE(output.has_value());
  EXPECT_NE(output->find("no directed path to the KPI"), std::string::npos) << *output;
  EXPECT_FALSE(core::read_file(dir_ / "review.json").has_value());
}

TEST_F(ReviewCommand, OverflowingTimeSubscriptExitsTwo) {
  write("dag.md",
        "| Node | Variable | Source |\n|---|---|---|\n| T_{t-99999999999999999999} | claims | a |\n"
        "| Y | kpi_swaps | b |\nEdges: T_{t-99999999999999999999}→Y\n");
  EXPECT_EQ(run(path("dag.md")), 2);
  const auto output = core::read_file(dir_ / "stdout.txt");
  ASSERT_TRUE(output.has_value());
  EXPECT_NE(output->find("line 3"), std::string::npos) << *output;
}

}  // namespace
}  // namespace cerebro::causal
