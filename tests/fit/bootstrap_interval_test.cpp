#include "fit/bootstrap_interval.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

namespace cerebro::fit {
namespace {

// Hand values are exact up to one rounding of the interpolation.
constexpr double kRoundingTolerance = 1e-12;

TEST(BootstrapInterval, MatchesHandValues) {
  // Sorted 1..5, h = 4p: p05 -> 1 + 0.2 (2 - 1), p50 -> 3, p95 -> 4 + 0.8 (5 - 4).
  std::vector<double> values = {5, 1, 4, 2, 3};
  const Interval range = bootstrap_interval(values);
  EXPECT_NEAR(range.p05, 1.2, kRoundingTolerance);
  EXPECT_NEAR(range.p50, 3.0, kRoundingTolerance);
  EXPECT_NEAR(range.p95, 4.8, kRoundingTolerance);
}

TEST(BootstrapInterval, EvenCountMedianInterpolates) {
  // Sorted 10, 20, 30, 40, h = 3p: p05 -> 10 + 0.15 * 10, p50 -> 25, p95 -> 30 + 0.85 * 10.
  std::vector<double> values = {40, 10, 30, 20};
  const Interval range = bootstrap_interval(values);
  EXPECT_NEAR(range.p05, 11.5, kRoundingTolerance);
  EXPECT_NEAR(range.p50, 25.0, kRoundingTolerance);
  EXPECT_NEAR(range.p95, 38.5, kRoundingTolerance);
}

TEST(BootstrapInterval, SingleValueIsPoint) {
  std::vector<double> values = {-2.5};
  const Interval range = bootstrap_interval(values);
  EXPECT_EQ(range.p05, -2.5);
  EXPECT_EQ(range.p50, -2.5);
  EXPECT_EQ(range.p95, -2.5);
}

TEST(BootstrapInterval, RejectsEmpty) {
  std::vector<double> values;
  EXPECT_THROW(bootstrap_interval(values), std::invalid_argument);
}

}  // namespace
}  // namespace cerebro::fit
