#include "causal/review.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "causal/dag_markdown.hpp"
#include "causal/handoff_dag.hpp"
#include "causal/review_result_io.hpp"

namespace cerebro::causal {
namespace {

using ::testing::HasSubstr;

constexpr std::size_t kChronological = 0;
constexpr std::size_t kNonInclusion = 1;
constexpr std::size_t kIdentifiability = 2;

Dag parse(const std::string& rows, const std::string& edges, const std::string& flags = "none") {
  return parse_dag_markdown("| Node | Variable | Source |\n|---|---|---|\n" + rows + "\nEdges: " + edges +
                                "\nFlags: " + flags + "\n",
                            "dag.md");
}

const std::string kTwoMediaRows =
    "| T | claims | dbt.claims.usd |\n| P | topups | dbt.topups.usd |\n"
    "| U | n_users | latent |\n| Y | kpi_swaps | dbt.swaps.usd |\n";

// A fit with weekly spend for two media; values are what the data checks read.
fit::FitResult two_media_fit(const std::vector<double>& claims, const std::vector<double>& topups) {
  fit::FitResult fit;
  fit.kpi_name = "swaps";
  for (std::size_t week = 0; week < claims.size(); ++week) {
    fit.weeks.push_back("2024-01-" + std::to_string(week + 1));
    fit.kpi_values.push_back(100.0 + 3.0 * claims[week] + 2.0 * topups[week] +
                             static_cast<double>(week % 3));
  }
  fit.media.resize(2);
  fit.media[0].name = "claims";
  fit.media[0].spend = claims;
  fit.media[1].name = "topups";
  fit.media[1].spend = topups;
  fit.fit_id = "fit-under-test";
  return fit;
}

TEST(Review, UnobservedCommonCauseBlocks) {
  const ReviewResult review = review_dag(parse(kTwoMediaRows, "T→Y, P→Y, U→T, U→P, U→Y"));
  EXPECT_FALSE(review.passed);
  EXPECT_TRUE(review.rows[kChronological].passed);
  EXPECT_TRUE(review.rows[kNonInclusion].passed);
  EXPECT_FALSE(review.rows[kIdentifiability].passed);
  EXPECT_THAT(review.rows[kIdentifiability].evidence, HasSubstr("T ← U → Y"));
  ASSERT_EQ(review.fixes.size(), 4u);
  EXPECT_THAT(review.fixes[0], HasSubstr("Intervention pattern"));
  EXPECT_THAT(review.fixes[1], HasSubstr("Segmentation"));
  EXPECT_THAT(review.fixes[2], HasSubstr("unique-wallet count"));
  EXPECT_THAT(review.fixes[3], HasSubstr("Dark-period request"));
  EXPECT_THAT(review_to_markdown(review), HasSubstr("VERDICT: BLOCK"));
}

TEST(Review, ObservedCommonCausePasses) {
  const std::string rows =
      "| T | claims | dbt.claims.usd |\n| P | topups | dbt.topups.usd |\n"
      "| U | n_users | dbt.users.count |\n| Y | kpi_swaps | dbt.swaps.usd |\n";
  const ReviewResult review = review_dag(parse(rows, "T→Y, P→Y, U→T, U→P, U→Y"));
  EXPECT_TRUE(review.passed);
  EXPECT_THAT(review.rows[kIdentifiability].evidence, HasSubstr("T→Y: back-door set {U}"));
  EXPECT_TRUE(review.fixes.empty());
  EXPECT_THAT(review_to_markdown(review), HasSubstr("VERDICT: PASS"));
}

TEST(Review, FrontDoorMediatorPasses) {
  const std::string rows =
      "| T | claims | a |\n| W | unique_wallets | b |\n| U | n_users | latent |\n"
      "| Y | kpi_tvl | c |\n";
  const ReviewResult review = review_dag(parse(rows, "T→W→Y, U→T, U→Y"));
  EXPECT_TRUE(review.passed) << review_to_markdown(review);
}

TEST(Review, CycleBlocksChronology) {
  const std::string rows = "| T | claims | a |\n| P | topups | b |\n| Y | kpi_swaps | c |\n";
  const ReviewResult review = review_dag(parse(rows, "T→P, P→T, T→Y, P→Y"));
  EXPECT_FALSE(review.passed);
  EXPECT_FALSE(review.rows[kChronological].passed);
  EXPECT_THAT(review.rows[kChronological].evidence, HasSubstr("directed cycle T→P→T"));
}

TEST(Review, BackwardTimeIndexBlocks) {
  const std::string rows = "| X_{t+1} | a | a |\n| Y_t | kpi_y | b |\n| T_{t-1} | t | c |\n";
  const ReviewResult review = review_dag(parse(rows, "X_{t+1}→Y_t, T_{t-1}→Y_t"));
  EXPECT_FALSE(review.rows[kChronological].passed);
  EXPECT_THAT(review.rows[kChronological].evidence, HasSubstr("points from t+1 back to t"));
  EXPECT_THAT(review.rows[kChronological].evidence, Not(HasSubstr("T_{t-1}→Y_t points")));
}

TEST(Review, SharedSourceBlocksNonInclusion) {
  const std::string rows = "| T | claims | dbt.claims.usd |\n| P | claims_2 | dbt.claims.usd |\n"
                           "| Y | kpi_swaps | c |\n";
  const ReviewResult review = review_dag(parse(rows, "T→Y, P→Y"));
  EXPECT_FALSE(review.passed);
  EXPECT_FALSE(review.rows[kNonInclusion].passed);
  EXPECT_THAT(review.rows[kNonInclusion].evidence, HasSubstr("share the source column"));
  EXPECT_TRUE(review.rows[kIdentifiability].passed);
}

TEST(Review, PartOfFlagBlocks) {
  const std::string rows = "| T | claims | a |\n| P | topups | b |\n| Y | kpi_swaps | c |\n";
  const ReviewResult review = review_dag(parse(rows, "T→Y, P→Y", "T part-of P"));
  EXPECT_FALSE(review.rows[kNonInclusion].passed);
}

TEST(Review, ConfoundedFlagAddsLatentParent) {
  const std::string rows = "| T | claims | a |\n| P | topups | b |\n| Y | kpi_swaps | c |\n";
  const ReviewResult review = review_dag(parse(rows, "T→Y, P→Y", "T,P confounded"));
  EXPECT_FALSE(review.rows[kIdentifiability].passed);
  EXPECT_THAT(review.rows[kIdentifiability].evidence, HasSubstr("U(T,P)"));
}

// Both media launch in week 3 (index 2), so the data flag them co-launched.
const std::vector<double> kClaims = {0, 0, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5};
const std::vector<double> kTopupsAlongside = {0, 0, 4, 3, 5, 4, 3, 5, 4, 3, 5, 4};
const std::vector<double> kTopupsWithPause = {0, 0, 4, 3, 0, 0, 0, 0, 4, 3, 5, 4};

TEST(Review, CoLaunchWithoutDarkPeriodBlocks) {
  const std::string rows = "| T | claims | a |\n| P | topups | b |\n| Y | kpi_swaps | c |\n";
  const ReviewResult review =
      review_dag(parse(rows, "T→Y, P→Y"), two_media_fit(kClaims, kTopupsAlongside));
  EXPECT_FALSE(review.rows[kIdentifiability].passed);
  EXPECT_THAT(review.rows[kIdentifiability].evidence, HasSubstr("found in the data"));
  EXPECT_THAT(review.fixes[0], HasSubstr("no dark period"));
  EXPECT_EQ(review.fit_id, "fit-under-test");
}

TEST(Review, CoLaunchWithDarkPeriodPasses) {
  const std::string rows = "| T | claims | a |\n| P | topups | b |\n| Y | kpi_swaps | c |\n";
  const ReviewResult review =
      review_dag(parse(rows, "T→Y, P→Y", "T,P co-launched"), two_media_fit(kClaims, kTopupsWithPause));
  EXPECT_TRUE(review.passed) << review_to_markdown(review);
  EXPECT_THAT(review.rows[kIdentifiability].evidence,
              HasSubstr("claims ran while topups was off in weeks 2024-01-5 to 2024-01-8 (4 weeks)"));
}

TEST(Review, DuplicateSeriesBlocks) {
  const std::vector<double> doubled = {0, 0, 10, 12, 14, 10, 12, 14, 10, 12, 14, 10};
  const std::string rows = "| T | claims | a |\n| P | topups | b |\n| Y | kpi_swaps | c |\n";
  const ReviewResult review = review_dag(parse(rows, "T→Y, P→Y", "none"),
                                         two_media_fit(kClaims, doubled));
  EXPECT_FALSE(review.rows[kNonInclusion].passed);
  EXPECT_THAT(review.rows[kNonInclusion].evidence, HasSubstr("duplicates"));
}

TEST(Review, SumOfOthersBlocks) {
  fit::FitResult fit = two_media_fit(kClaims, kTopupsWithPause);
  fit::MediaResult total;
  total.name = "all_incentives";
  for (std::size_t week = 0; week < kClaims.size(); ++week) {
    total.spend.push_back(kClaims[week] + kTopupsWithPause[week]);
  }
  fit.media.push_back(total);
  const std::string rows = "| T | claims | a |\n| P | topups | b |\n| A | all_incentives | d |\n"
                           "| Y | kpi_swaps | c |\n";
  const ReviewResult review = review_dag(parse(rows, "T→Y, P→Y, A→Y"), fit);
  EXPECT_FALSE(review.rows[kNonInclusion].passed);
  EXPECT_THAT(review.rows[kNonInclusion].evidence,
              HasSubstr("all_incentives equals the sum of claims + topups"));
}

TEST(Review, UnmatchedObservedNodeCannotAdjust) {
  // U claims to be observed, but the fit has no such series.
  const std::string rows = "| T | claims | a |\n| U | n_users | dbt.users |\n| Y | kpi_swaps | c |\n";
  const Dag dag = parse(rows, "T→Y, U→T, U→Y");
  EXPECT_TRUE(review_dag(dag).passed);
  fit::FitResult fit = two_media_fit(kClaims, kTopupsWithPause);
  fit.media.pop_back();  // the DAG has no node for topups
  const ReviewResult with_fit = review_dag(dag, fit);
  EXPECT_FALSE(with_fit.rows[kIdentifiability].passed);
}

TEST(Review, CauseAfterEffectWindowBlocks) {
  fit::FitResult fit = two_media_fit(kClaims, kTopupsWithPause);
  fit.media[1].spend = {3, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0};  // topups end in week 3
  const std::string rows = "| T | claims | a |\n| P | topups | b |\n| Y | kpi_swaps | c |\n";
  const ReviewResult review = review_dag(parse(rows, "T→P, T→Y, P→Y"), fit);
  // Claims start in week 3 (index 2), topups last run in week 3: still in order.
  EXPECT_TRUE(review.rows[kChronological].passed) << review.rows[kChronological].evidence;
  fit.media[1].spend = {3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  const ReviewResult late = review_dag(parse(rows, "T→P, T→Y, P→Y"), fit);
  EXPECT_FALSE(late.rows[kChronological].passed);
  EXPECT_THAT(late.rows[kChronological].evidence, HasSubstr("first observed in week 2024-01-3"));
}

TEST(Review, HandoffDagRoundTripsAndReviews) {
  fit::FitResult fit = two_media_fit(kClaims, kTopupsWithPause);
  fit::ControlResult gas;
  gas.name = "gas_price";
  gas.values = std::vector<double>(kClaims.size(), 1.0);
  gas.values[4] = 2.0;
  fit.controls.push_back(gas);
  const Dag dag = build_handoff_dag(fit, {{"n_users", {}}});
  EXPECT_EQ(parse_dag_markdown(to_markdown(dag), "dag.md"), dag);
  EXPECT_EQ(dag.nodes[dag.kpi].variable, "kpi_swaps");
  ASSERT_EQ(dag.flags.size(), 1u);  // both media launch in week 3
  // The default latent variable confounds every media with the KPI.
  EXPECT_FALSE(review_dag(dag, fit).rows[kIdentifiability].passed);
  EXPECT_TRUE(review_dag(build_handoff_dag(fit, {}), fit).passed);
}

}  // namespace
}  // namespace cerebro::causal
