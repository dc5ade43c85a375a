#include "fit/quantile.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

namespace cerebro::fit {
namespace {

// Hand values are exact decimals; allow a few ulps of interpolation rounding.
constexpr double kTolerance = 1e-12;

TEST(QuantileType7, MatchesHandValues) {
  const std::vector<double> ten{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  EXPECT_NEAR(quantile_type7(ten, 0.10), 1.9, kTolerance);  // position 0.9
  EXPECT_NEAR(quantile_type7(ten, 0.50), 5.5, kTolerance);  // position 4.5
  EXPECT_NEAR(quantile_type7(ten, 0.0), 1.0, kTolerance);
  EXPECT_NEAR(quantile_type7(ten, 1.0), 10.0, kTolerance);
  const std::vector<double> three{10, 20, 40};
  EXPECT_NEAR(quantile_type7(three, 0.10), 12.0, kTolerance);  // position 0.2
  EXPECT_NEAR(quantile_type7(three, 0.75), 30.0, kTolerance);  // position 1.5
  const std::vector<double> with_zeros{0, 0, 0, 5, 7};
  EXPECT_EQ(quantile_type7(with_zeros, 0.10), 0.0);  // position 0.4 between two zeros
}

TEST(QuantileType7, SingleValue) {
  const std::vector<double> one{3.5};
  EXPECT_EQ(quantile_type7(one, 0.1), 3.5);
}

TEST(QuantileType7, RejectsEmptyAndBadProbability) {
  EXPECT_THROW(quantile_type7(std::vector<double>{}, 0.1), std::invalid_argument);
  const std::vector<double> values{1, 2};
  EXPECT_THROW(quantile_type7(values, 1.5), std::invalid_argument);
}

TEST(MedianOfSorted, OddAndEvenCounts) {
  EXPECT_EQ(median_of_sorted(std::vector<double>{1, 4, 9}), 4.0);
  EXPECT_EQ(median_of_sorted(std::vector<double>{1, 4, 9, 10}), 6.5);
  EXPECT_THROW(median_of_sorted(std::vector<double>{}), std::invalid_argument);
}

}  // namespace
}  // namespace cerebro::fit
