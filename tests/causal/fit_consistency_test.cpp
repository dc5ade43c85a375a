// A DAG reviewed against a fit must describe that fit, and a passing review
// states when the fit's estimate is not the identified effect.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "causal/dag_markdown.hpp"
#include "causal/review.hpp"
#include "causal/review_result_io.hpp"
#include "core/errors.hpp"

namespace cerebro::causal {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::size_t kNonInclusion = 1;
constexpr std::size_t kIdentifiability = 2;

// One media (claims), one control (gas) and a KPI over 10 weeks, 2 of warm-up.
fit::FitResult one_media_fit() {
  fit::FitResult fit;
  fit.kpi_name = "swaps";
  fit.warmup_weeks = 2;
  fit.media.resize(1);
  fit.media[0].name = "claims";
  fit.controls.resize(1);
  fit.controls[0].name = "gas";
  for (std::size_t week = 0; week < 10; ++week) {
    fit.weeks.push_back("2024-03-" + std::to_string(week + 10));
    const double claims = 5.0 + static_cast<double>(week % 4);
    const double gas = 1.0 + static_cast<double>(week % 3);
    fit.media[0].spend.push_back(claims);
    fit.controls[0].values.push_back(gas);
    fit.kpi_values.push_back(50.0 + 2.0 * claims + gas);
  }
  fit.fit_id = "consistency-fit";
  return fit;
}

Dag parse(const std::string& rows, const std::string& edges, bool roles = false) {
  const std::string header = roles ? "| Node | Variable | Source | Role |\n|---|---|---|---|\n"
                                   : "| Node | Variable | Source |\n|---|---|---|\n";
  return parse_dag_markdown(header + rows + "Edges: " + edges + "\n", "dag.md");
}

std::string refusal(const Dag& dag, const fit::FitResult& fit) {
  try {
    review_dag(dag, fit);
  } catch (const core::InputError& error) {
    return error.what();
  }
  return "no error";
}

TEST(FitConsistency, MatchingIgnoresPrefixesAndAdstockSuffix) {
  const Dag dag = parse("| T | media_claims_adstock | a |\n| G | ctrl_gas | g |\n| Y | kpi_swaps | b |\n",
                        "T→Y, G→T, G→Y");
  EXPECT_EQ(refusal(dag, one_media_fit()), "no error");
}

TEST(FitConsistency, KpiMustBeTheFitsKpi) {
  const Dag dag = parse("| T | claims | a |\n| Y | kpi_tvl | b |\n", "T→Y");
  const std::string error = refusal(dag, one_media_fit());
  EXPECT_THAT(error, HasSubstr("the KPI node Y has the Variable `kpi_tvl` but the fit's KPI is `swaps`"));
  EXPECT_THAT(error, HasSubstr("`kpi_swaps`"));
}

TEST(FitConsistency, FittedMediaNeedsAMediaNode) {
  EXPECT_THAT(refusal(parse("| G | gas | g |\n| Y | kpi_swaps | b |\n", "G→Y"), one_media_fit()),
              HasSubstr("the fitted media `claims` matches no node"));
  EXPECT_THAT(refusal(parse("| T | claims | latent |\n| Y | kpi_swaps | b |\n", "T→Y"), one_media_fit()),
              HasSubstr("node T is marked latent but its Variable `claims` is the fit series"));
  EXPECT_THAT(refusal(parse("| T | claims | Latent (unobserved) |\n| Y | kpi_swaps | b |\n", "T→Y"),
                      one_media_fit()),
              HasSubstr("node T is marked latent"));
  EXPECT_THAT(refusal(parse("| T | claims | a | control |\n| Y | kpi_swaps | b | kpi |\n", "T→Y", true),
                      one_media_fit()),
              HasSubstr("node T is the fitted media `claims` but its Role is `control`"));
  EXPECT_THAT(refusal(parse("| T | claims | a |  |\n| Y | kpi_swaps | b | kpi |\n", "T→Y", true),
                      one_media_fit()),
              HasSubstr("its Role is empty"));
}

TEST(FitConsistency, FittedMediaNeedsAPathToTheKpi) {
  // Reversed: the DAG claims the KPI drives the media.
  const std::string reversed =
      refusal(parse("| M1 | claims | a |\n| Y | kpi_swaps | b |\n", "Y→M1"), one_media_fit());
  EXPECT_THAT(reversed, HasSubstr("node M1 (claims) has no directed path to the KPI Y"));
  EXPECT_THAT(reversed, HasSubstr("reverse it"));
  EXPECT_THAT(refusal(parse("| M1 | claims | a |\n| G | gas | g |\n| Y | kpi_swaps | b |\n", "G→M1, G→Y"),
                      one_media_fit()),
              HasSubstr("no directed path"));
  // Without a fit the same DAG reviews, and the evidence names no edge it lacks.
  const ReviewResult without_fit = review_dag(
      parse("| M1 | claims | a | media |\n| Y | kpi_swaps | b | kpi |\n", "Y→M1", true));
  EXPECT_THAT(without_fit.rows[kIdentifiability].evidence,
              HasSubstr("M1: no directed path to Y, nothing to identify"));
  EXPECT_THAT(without_fit.rows[kIdentifiability].evidence, Not(HasSubstr("M1→Y")));
}

TEST(FitConsistency, LatentNodeMayNotNameAFitSeries) {
  const Dag dag = parse("| T | claims | a |\n| G | gas | latent |\n| Y | kpi_swaps | b |\n",
                        "T→Y, G→T, G→Y");
  EXPECT_THAT(refusal(dag, one_media_fit()), HasSubstr("node G is marked latent"));
}

TEST(Caveats, NonEmptyBackdoorSetGetsACaveatWithAFitOnly) {
  const Dag dag = parse("| M1 | claims | a |\n| C1 | gas | g |\n| Y | kpi_swaps | b |\n",
                        "M1→Y, C1→M1, C1→Y");
  const ReviewResult review = review_dag(dag, one_media_fit());
  EXPECT_TRUE(review.passed) << review_to_markdown(review);
  ASSERT_EQ(review.caveats.size(), 1u);  // C1 is a treatment too, but not a fitted media
  EXPECT_EQ(review.caveats[0],
            "M1→Y is identified by adjusting for {C1} (gas), but the per-media fit regresses the "
            "KPI on M1 alone and adjusts for none of them; read its estimate as directional.");
  const std::string markdown = review_to_markdown(review);
  EXPECT_LT(markdown.find("Caveats:\n- M1→Y"), markdown.find("VERDICT: PASS"));
  EXPECT_TRUE(review_dag(dag).caveats.empty());
}

TEST(Caveats, EmptyBackdoorSetNeedsNoCaveat) {
  const Dag dag = parse("| M1 | claims | a |\n| C1 | gas | g |\n| Y | kpi_swaps | b |\n", "M1→Y, C1→Y");
  const ReviewResult review = review_dag(dag, one_media_fit());
  EXPECT_TRUE(review.passed);
  EXPECT_TRUE(review.caveats.empty()) << review.caveats.front();
  EXPECT_THAT(review_to_markdown(review), Not(HasSubstr("Caveats:")));
}

TEST(Caveats, FrontDoorGetsACaveat) {
  fit::FitResult fit = one_media_fit();
  fit.controls[0].name = "unique_wallets";
  const Dag dag = parse("| T | claims | a |\n| W | unique_wallets | w |\n| U | n_users | latent |\n"
                        "| Y | kpi_swaps | b |\n",
                        "T→W→Y, U→T, U→Y");
  const ReviewResult review = review_dag(dag, fit);
  EXPECT_TRUE(review.passed) << review_to_markdown(review);
  EXPECT_THAT(review.rows[kIdentifiability].evidence, HasSubstr("T→…→Y: front-door through {W}"));
  ASSERT_EQ(review.caveats.size(), 1u);
  EXPECT_THAT(review.caveats[0], HasSubstr("front-door mediators {W} (unique_wallets)"));
}

TEST(Caveats, RoundTripThroughReviewJson) {
  const Dag dag = parse("| M1 | claims | a |\n| C1 | gas | g |\n| Y | kpi_swaps | b |\n",
                        "M1→Y, C1→M1, C1→Y");
  const ReviewResult review = review_dag(dag, one_media_fit());
  const std::string text = review_to_json(review);
  EXPECT_THAT(text, HasSubstr("\"caveats\""));
  EXPECT_EQ(review_from_json(text, "review.json").caveats, review.caveats);
  // A review.json written before caveats existed still reads.
  std::string old = text;
  const std::size_t start = old.find("  \"caveats\"");
  old.erase(start, old.find("\"dag_path\"") - start);
  EXPECT_TRUE(review_from_json(old, "review.json").caveats.empty()) << old;
}

TEST(Caveats, CorrelationEvidenceNamesItsWeeks) {
  const Dag dag = parse("| M1 | claims | a |\n| C1 | gas | g |\n| Y | kpi_swaps | b |\n", "M1→Y, C1→Y");
  EXPECT_THAT(review_dag(dag, one_media_fit()).rows[kNonInclusion].evidence,
              HasSubstr("over all 10 weeks of the fit, the 2 warm-up weeks included (fit.json's "
                        "correlations use the 8 weeks after warm-up)"));
}

}  // namespace
}  // namespace cerebro::causal
