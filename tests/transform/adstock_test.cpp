#include "transform/adstock.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <stdexcept>
#include <vector>

namespace cerebro::transform {
namespace {

// Sums of at most 53 products of doubles: a few ulps of the largest term.
constexpr double kRelativeTolerance = 1e-12;

std::vector<double> random_spend(std::size_t weeks, unsigned seed) {
  std::mt19937 engine(seed);
  std::uniform_real_distribution<double> draw(0.0, 1000.0);
  std::vector<double> spend(weeks);
  for (double& value : spend) value = draw(engine);
  return spend;
}

void expect_close(double actual, double expected) {
  EXPECT_NEAR(actual, expected, kRelativeTolerance * std::max(1.0, std::fabs(expected)));
}

TEST(GeometricAdstock, DecayZeroIsIdentity) {
  const std::vector<double> spend = random_spend(30, 1);
  EXPECT_EQ(geometric_adstock(spend, 0.0, 8), spend);
}

TEST(GeometricAdstock, ZeroSpendGivesZero) {
  const std::vector<double> spend(20, 0.0);
  for (double value : geometric_adstock(spend, 0.7, 8)) EXPECT_EQ(value, 0.0);
}

TEST(GeometricAdstock, EmptyInputGivesEmpty) {
  EXPECT_TRUE(geometric_adstock(std::vector<double>{}, 0.5, 8).empty());
}

TEST(GeometricAdstock, IsLinear) {
  const std::vector<double> first = random_spend(40, 2);
  const std::vector<double> second = random_spend(40, 3);
  std::vector<double> combined(40);
  for (std::size_t t = 0; t < combined.size(); ++t) combined[t] = 2.5 * first[t] + 0.75 * second[t];
  const auto first_adstock = geometric_adstock(first, 0.6, 8);
  const auto second_adstock = geometric_adstock(second, 0.6, 8);
  const auto combined_adstock = geometric_adstock(combined, 0.6, 8);
  for (std::size_t t = 0; t < combined.size(); ++t) {
    expect_close(combined_adstock[t], 2.5 * first_adstock[t] + 0.75 * second_adstock[t]);
  }
}

TEST(GeometricAdstock, UnitImpulseClosedForm) {
  // An impulse at week 3 gives decay^(t - 3) for t in 3..3+W and 0 elsewhere.
  const int window_weeks = 5;
  const double decay_rate = 0.4;
  std::vector<double> spend(15, 0.0);
  spend[3] = 1.0;
  const auto adstock = geometric_adstock(spend, decay_rate, window_weeks);
  for (int t = 0; t < 15; ++t) {
    const double expected =
        (t >= 3 && t <= 3 + window_weeks) ? std::pow(decay_rate, t - 3) : 0.0;
    expect_close(adstock[t], expected);
  }
}

TEST(GeometricAdstock, ConstantSpendReachesGeometricSum) {
  // From week W on, constant spend s gives s * (1 - decay^(W+1)) / (1 - decay).
  const std::vector<double> spend(20, 10.0);
  const auto adstock = geometric_adstock(spend, 0.5, 8);
  const double steady = 10.0 * (1 - std::pow(0.5, 9)) / (1 - 0.5);
  for (int t = 8; t < 20; ++t) expect_close(adstock[t], steady);
  expect_close(adstock[0], 10.0);
  expect_close(adstock[1], 15.0);
}

TEST(GeometricAdstock, RejectsInvalidArguments) {
  const std::vector<double> spend(5, 1.0);
  EXPECT_THROW(geometric_adstock(spend, 1.0, 8), std::invalid_argument);
  EXPECT_THROW(geometric_adstock(spend, -0.1, 8), std::invalid_argument);
  EXPECT_THROW(geometric_adstock(spend, 0.5, -1), std::invalid_argument);
  std::vector<double> short_output(4);
  EXPECT_THROW(geometric_adstock(spend, 0.5, 8, short_output), std::invalid_argument);
}

TEST(SteadyStateMultiplier, MatchesGeometricSeries) {
  for (double decay_rate : {0.0, 0.3, 0.5, 0.9}) {
    for (int window_weeks : {0, 1, 8, 52}) {
      // Closed form of the geometric sum: (1 - lambda^(W + 1)) / (1 - lambda).
      const double expected =
          decay_rate == 0 ? 1.0 : (1 - std::pow(decay_rate, window_weeks + 1)) / (1 - decay_rate);
      EXPECT_NEAR(steady_state_adstock_multiplier(decay_rate, window_weeks), expected,
                  kRelativeTolerance * expected)
          << "decay_rate " << decay_rate << ", window_weeks " << window_weeks;
    }
  }
}

TEST(SteadyStateMultiplier, RejectsNegativeWindow) {
  EXPECT_THROW(steady_state_adstock_multiplier(0.5, -1), std::invalid_argument);
}

}  // namespace
}  // namespace cerebro::transform
