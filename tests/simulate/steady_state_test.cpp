#include "simulate/steady_state.hpp"
#include "transform/adstock.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace cerebro::simulate {
namespace {

using transform::CurveKind;
using transform::CurveParameters;

// Central differences with a step of 1e-5 relative have truncation error
// ~1e-10 and rounding error ~1e-11 relative, so 1e-6 leaves a wide margin.
constexpr double kFiniteDifferenceTolerance = 1e-6;
constexpr double kRelativeStep = 1e-5;
// Closed forms against a summed loop: only rounding differs.
constexpr double kRoundingTolerance = 1e-12;

double central_difference(const SteadyStateResponse& response, double spend) {
  const double step = kRelativeStep * spend;
  return (response.response(spend + step) - response.response(spend - step)) / (2 * step);
}

SteadyStateResponse power_response(double beta, double elasticity, double multiplier) {
  return {CurveParameters{CurveKind::concave, beta, elasticity, 1, 1}, multiplier};
}

SteadyStateResponse hill_response(double beta, double half_saturation, double slope,
                                  double multiplier) {
  return {CurveParameters{CurveKind::hill, beta, 0, half_saturation, slope}, multiplier};
}


TEST(SteadyState, ResponseIsCurveAtSteadyAdstock) {
  const SteadyStateResponse response = power_response(3.0, 0.6, 1.75);
  EXPECT_NEAR(response.response(40), 3.0 * std::pow(1.75 * 40, 0.6), kRoundingTolerance * 40);
  EXPECT_EQ(response.response(0), 0.0);
  EXPECT_EQ(response.marginal_roi(0), 0.0);
  EXPECT_EQ(response.average_roi(0), 0.0);
  EXPECT_EQ(response.average_roi(-5), 0.0);
}

TEST(SteadyState, PowerMarginalRoiMatchesFiniteDifference) {
  for (double elasticity : {0.2, 0.5, 0.95, 1.4}) {
    const SteadyStateResponse response = power_response(2.5, elasticity, 1.99);
    for (double spend : {0.01, 1.0, 250.0, 1e6}) {
      const double numeric = central_difference(response, spend);
      EXPECT_NEAR(response.marginal_roi(spend), numeric, kFiniteDifferenceTolerance * std::fabs(numeric))
          << "elasticity " << elasticity << ", spend " << spend;
    }
  }
}

TEST(SteadyState, HillMarginalRoiMatchesFiniteDifference) {
  for (double slope : {0.7, 1.0, 2.0, 4.5}) {
    const SteadyStateResponse response = hill_response(1000, 500, slope, 1.5);
    for (double spend : {10.0, 200.0, 333.0, 2000.0}) {
      const double numeric = central_difference(response, spend);
      EXPECT_NEAR(response.marginal_roi(spend), numeric, kFiniteDifferenceTolerance * std::fabs(numeric))
          << "hill_slope " << slope << ", spend " << spend;
    }
  }
}

TEST(SteadyState, AverageRoiIsResponsePerSpend) {
  const SteadyStateResponse response = hill_response(1000, 500, 2, 1.5);
  EXPECT_NEAR(response.average_roi(300), response.response(300) / 300, kRoundingTolerance);
}

TEST(SteadyState, PowerAverageRoiIsMarginalOverElasticity) {
  // R = beta (A s)^r gives R / s = (dR/ds) / r: a second, independent relation.
  const SteadyStateResponse response = power_response(4, 0.4, 2);
  EXPECT_NEAR(response.average_roi(90), response.marginal_roi(90) / 0.4,
              kRoundingTolerance * response.average_roi(90));
}

TEST(SteadyState, HillInflectionIsWhereCurvatureChangesSign) {
  const SteadyStateResponse response = hill_response(1000, 500, 3, 1.5);
  const double inflection = response.inflection_spend();
  ASSERT_GT(inflection, 0);
  // The marginal ROI rises before the inflection and falls after it.
  EXPECT_LT(response.marginal_roi(0.9 * inflection), response.marginal_roi(inflection));
  EXPECT_LT(response.marginal_roi(1.1 * inflection), response.marginal_roi(inflection));
}

TEST(SteadyState, ConcaveCurvesHaveNoInflection) {
  EXPECT_EQ(power_response(1, 0.5, 2).inflection_spend(), 0.0);
  EXPECT_EQ(hill_response(1, 5, 1.0, 2).inflection_spend(), 0.0);
  EXPECT_EQ(power_response(1, 1.5, 2).inflection_spend(), std::numeric_limits<double>::infinity());
}

TEST(MarginalReturnPerAdstockUnit, MatchesSlopeInAdstock) {
  const CurveParameters curve{CurveKind::concave, 2.0, 0.7, 1, 1};
  const double adstock = 120;
  const double step = kRelativeStep * adstock;
  const double numeric = (transform::evaluate_response(curve, adstock + step) -
                          transform::evaluate_response(curve, adstock - step)) /
                         (2 * step);
  EXPECT_NEAR(marginal_return_per_adstock_unit(curve, adstock), numeric,
              kFiniteDifferenceTolerance * numeric);
  EXPECT_EQ(marginal_return_per_adstock_unit(curve, 0), 0.0);
}

}  // namespace
}  // namespace cerebro::simulate
