#include "report/report_json.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "report_fixture.hpp"

namespace cerebro::report {
namespace {

// The JSON stores the same doubles the fixture computed.
constexpr double kExact = 0;

TEST(ReportJson, CarriesFitMediaReviewAndCharts) {
  const auto fit = testing::make_fit(true);
  const auto review = testing::make_review(true);
  const auto json = report_json({fit, review, nullptr});
  EXPECT_EQ(json["fit_id"], fit.fit_id);
  EXPECT_EQ(json["kpi"]["unit"], "usd");
  EXPECT_EQ(json["weeks"]["first"], fit.weeks[2]);
  EXPECT_EQ(json["media"].size(), 2u);
  EXPECT_EQ(json["media"][1]["selected_curve"], "hill");
  EXPECT_NEAR(json["media"][0]["historical_roi"].get<double>(), *fit.media[0].historical_roi, kExact);
  EXPECT_NEAR(json["media"][0]["ranges"]["historical_roi"]["p95"].get<double>(),
              fit.media[0].uncertainty->historical_roi.p95, kExact);
  EXPECT_EQ(json["review"]["verdict"], "PASS");
  EXPECT_EQ(json["review"]["rows"].size(), 3u);
  EXPECT_TRUE(json["simulation"].is_null());
  EXPECT_EQ(json["charts"].size(), 6u);
}

TEST(ReportJson, HoldoutErrorsMatchHandComputation) {
  const auto fit = testing::make_fit(false);
  const auto review = testing::make_review(true);
  const auto json = report_json({fit, review, nullptr});
  // Fitted = lowest baseline (90) + contributions; the fixture's KPI adds
  // +6 on weeks divisible by 3 and -3 otherwise. Holdout weeks 10..13.
  const double expected_mae = (3.0 + 3.0 + 6.0 + 3.0) / 4;
  EXPECT_NEAR(json["holdout_errors"]["mae"].get<double>(), expected_mae, 1e-12);
  EXPECT_EQ(json["holdout_errors"]["weeks"], 4);
  EXPECT_DOUBLE_EQ(json["baseline"].get<double>(), 90);
  EXPECT_TRUE(json["media"][0]["ranges"].is_null());
}

TEST(ReportJson, SimulationAndItsCharts) {
  const auto fit = testing::make_fit(false);
  const auto review = testing::make_review(true);
  const auto simulation = testing::make_simulation();
  const auto json = report_json({fit, review, &simulation});
  EXPECT_DOUBLE_EQ(json["simulation"]["totals"]["predicted_kpi_change"].get<double>(), 1.1);
  EXPECT_EQ(json["simulation"]["media"][0]["annotations"][0], "saturated");
  EXPECT_TRUE(json["simulation"]["media"][1]["marginal_roi_range"].is_null());
  EXPECT_EQ(json["charts"].size(), 9u);
}

}  // namespace
}  // namespace cerebro::report
