#include "checks/correlation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "checks/vif.hpp"
#include "core/errors.hpp"

namespace cerebro::checks {
namespace {

// Sums over a handful of values: rounding stays near machine epsilon.
constexpr double kTolerance = 1e-12;

TEST(PearsonCorrelation, MatchesHandValue) {
  // x = 1,2,3 (mean 2), y = 2,4,7 (mean 13/3): sxy = 5, sxx = 2, syy = 38/3.
  const std::vector<double> x{1, 2, 3};
  const std::vector<double> y{2, 4, 7};
  EXPECT_NEAR(pearson_correlation(x, y), 5.0 / std::sqrt(2.0 * 38.0 / 3.0), kTolerance);
}

TEST(PearsonCorrelation, StableForLargeOffset) {
  // A one-pass formula loses every digit here; the two-pass one keeps them.
  const std::vector<double> x{1e18 + 1024, 1e18 + 2048, 1e18 + 3072};
  const std::vector<double> y{2, 4, 7};
  EXPECT_NEAR(pearson_correlation(x, y), 5.0 / std::sqrt(2.0 * 38.0 / 3.0), 1e-9);
}

TEST(PearsonCorrelation, ConstantSeriesGivesZero) {
  const std::vector<double> x{3, 3, 3};
  const std::vector<double> y{1, 2, 3};
  EXPECT_EQ(pearson_correlation(x, y), 0.0);
}

TEST(CheckCollinearity, StopsWithPairValueAndRemedies) {
  const std::vector<fit::Correlation> correlations{{"claims", "topups", 0.95}};
  try {
    check_collinearity(correlations, {});
    FAIL() << "expected core::InputError";
  } catch (const core::InputError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("claims"), std::string::npos);
    EXPECT_NE(message.find("topups"), std::string::npos);
    EXPECT_NE(message.find("0.9500"), std::string::npos);
    EXPECT_NE(message.find("Merge"), std::string::npos);
    EXPECT_NE(message.find("drop"), std::string::npos);
    EXPECT_NE(message.find("segment"), std::string::npos);
  }
}

TEST(CheckCollinearity, AllowedPairWarnsInEitherOrder) {
  const std::vector<fit::Correlation> correlations{{"claims", "topups", -0.97},
                                                   {"claims", "bridge", 0.5}};
  const auto warnings = check_collinearity(correlations, {{"topups", "claims"}});
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, "collinear_pair_allowed");
}

TEST(CheckCollinearity, LimitIsExclusive) {
  const std::vector<fit::Correlation> correlations{{"a", "b", 0.9}};
  EXPECT_TRUE(check_collinearity(correlations, {}).empty());
}

TEST(VarianceInflation, TwoMediaClosedForm) {
  // With two regressors R^2 is the squared correlation.
  const std::vector<double> a{1, 2, 3, 4, 5, 7};
  const std::vector<double> b{2, 1, 4, 3, 6, 5};
  const double r = pearson_correlation(a, b);
  const auto vif = variance_inflation_factors({{"a", a}, {"b", b}});
  EXPECT_NEAR(vif.at("a"), 1.0 / (1.0 - r * r), 1e-10);
  EXPECT_NEAR(vif.at("b"), 1.0 / (1.0 - r * r), 1e-10);
}

TEST(VarianceInflation, OneMediaIsOne) {
  const std::vector<double> a{1, 2, 3};
  EXPECT_EQ(variance_inflation_factors({{"a", a}}).at("a"), 1.0);
}

TEST(VarianceInflation, ExactDependenceIsLarge) {
  const std::vector<double> a{1, 0, 3, 2, 5, 1};
  const std::vector<double> b{0, 2, 1, 4, 1, 3};
  std::vector<double> c(6);
  for (int t = 0; t < 6; ++t) c[t] = a[t] + b[t];
  const auto vif = variance_inflation_factors({{"a", a}, {"b", b}, {"c", c}});
  EXPECT_GT(vif.at("c"), 1e8);
}

}  // namespace
}  // namespace cerebro::checks
