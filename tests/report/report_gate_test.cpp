// End-to-end gate tests: fixtures come from the real `fit` and `review`
// commands on the Osmosis example, without bootstrap to stay fast. The suite
// name carries "Chdb" because the example's SQL runs in embedded ClickHouse,
// which the sanitizer build cannot load.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

namespace fs = std::filesystem;

int run(const std::string& arguments) {
  const std::string command = std::string(CEREBRO_BINARY) + " " + arguments + " >/dev/null 2>&1";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A DAG without latent confounders or shared sources, which the review passes.
constexpr const char* kPassingDag = R"(| Node | Variable | Source | Role |
|---|---|---|---|
| Y | kpi_pools_tvl_usd | sql:kpi | kpi |
| M1 | osmo_incentives_usd_per_week | sql:m1 | media |
| M2 | external_incentives_usd_per_week | sql:m2 | media |

Edges: M1→Y, M2→Y
Flags: none
)";

// The same DAG with an unobserved common cause of both media and the KPI,
// which the review blocks on identifiability.
constexpr const char* kBlockingDag = R"(| Node | Variable | Source | Role |
|---|---|---|---|
| Y | kpi_pools_tvl_usd | sql:kpi | kpi |
| M1 | osmo_incentives_usd_per_week | sql:m1 | media |
| M2 | external_incentives_usd_per_week | sql:m2 | media |
| U | osmo_price | latent | latent |

Edges: M1→Y, M2→Y, U→M1, U→M2, U→Y
Flags: none
)";

class ReportGateChdb : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cerebro-report-gate-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    const std::string spec = std::string(CEREBRO_SOURCE_DIR) + "/examples/osmosis/spec.yaml";
    ASSERT_EQ(run("fit " + spec + " --out " + dir_.string() + " --resamples 0"), 0);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write_passing_dag() { std::ofstream(dir_ / "passing_dag.md") << kPassingDag; }
  void write_blocking_dag() { std::ofstream(dir_ / "blocking_dag.md") << kBlockingDag; }
  bool report_written() const { return fs::exists(dir_ / "report.html") || fs::exists(dir_ / "report.json"); }

  fs::path dir_;
};

TEST_F(ReportGateChdb, NoReviewExitsThree) {
  EXPECT_EQ(run("report " + dir_.string()), 3);
  EXPECT_FALSE(report_written());
}

TEST_F(ReportGateChdb, BlockReviewExitsThree) {
  write_blocking_dag();
  ASSERT_EQ(run("review " + (dir_ / "blocking_dag.md").string() + " --fit " + (dir_ / "fit.json").string()), 3);
  ASSERT_TRUE(fs::exists(dir_ / "review.json"));
  EXPECT_EQ(run("report " + dir_.string()), 3);
  EXPECT_FALSE(report_written());
}

TEST_F(ReportGateChdb, FitChangedAfterReviewExitsThree) {
  write_passing_dag();
  ASSERT_EQ(run("review " + (dir_ / "passing_dag.md").string() + " --fit " + (dir_ / "fit.json").string()), 0);
  std::ofstream(dir_ / "fit.json", std::ios::app) << "\n";
  EXPECT_EQ(run("report " + dir_.string()), 3);
  EXPECT_FALSE(report_written());
}

TEST_F(ReportGateChdb, PassReviewWritesBothFiles) {
  write_passing_dag();
  ASSERT_EQ(run("review " + (dir_ / "passing_dag.md").string() + " --fit " + (dir_ / "fit.json").string()), 0);
  const fs::path out = dir_ / "custom" / "page.html";
  EXPECT_EQ(run("report " + dir_.string() + " --out " + out.string()), 0);
  EXPECT_TRUE(fs::exists(out));
  EXPECT_TRUE(fs::exists(dir_ / "custom" / "page.json"));
}

}  // namespace
