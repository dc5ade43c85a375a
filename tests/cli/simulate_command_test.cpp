#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "core/atomic_file.hpp"
#include "fit/fit_result_json.hpp"

namespace cerebro::cli {
namespace {

namespace fs = std::filesystem;

fit::FitResult small_fit() {
  fit::FitResult fit;
  fit.weeks = {"2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22", "2024-01-29"};
  fit.kpi_name = "tvl";
  fit.kpi_values = {10, 11, 12, 13, 14};
  fit.kpi_adjusted = fit.kpi_values;
  fit::MediaResult media;
  media.name = "claims";
  media.spend = {5, 5, 5, 5, 5};
  media.adstock = {5, 7.5, 8.75, 9.375, 9.6875};
  media.contribution = {1, 1, 1, 1, 1};
  media.concave.beta = 2;
  media.concave.elasticity = 0.5;
  fit.media.push_back(media);
  fit.decomposition.remainder = {0, 0, 0, 0, 0};
  fit.fit_id = fit::compute_fit_id(fit);
  return fit;
}

int run_command(const std::string& arguments) {
  const std::string command = std::string(CEREBRO_BINARY) + " " + arguments + " >/dev/null 2>&1";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(SimulateCommand, WithoutReviewExitsThreeAndWritesNothing) {
  const fs::path dir = fs::temp_directory_path() / "cerebro_simulate_command_test";
  fs::remove_all(dir);
  core::write_file_atomically(dir / "fit.json", fit::to_json_text(small_fit()));
  EXPECT_EQ(run_command("simulate " + dir.string()), 3);
  EXPECT_FALSE(fs::exists(dir / "simulation.json"));
  EXPECT_EQ(run_command("simulate " + dir.string() + " --out " + (dir / "other.json").string()), 3);
  EXPECT_FALSE(fs::exists(dir / "other.json"));
  fs::remove_all(dir);
}

TEST(SimulateCommand, MissingFitExitsTwo) {
  const fs::path dir = fs::temp_directory_path() / "cerebro_simulate_command_missing";
  fs::remove_all(dir);
  fs::create_directories(dir);
  EXPECT_EQ(run_command("simulate " + dir.string()), 2);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace cerebro::cli
