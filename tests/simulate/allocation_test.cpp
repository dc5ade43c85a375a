#include "simulate/allocation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <vector>

namespace cerebro::simulate {
namespace {

using transform::CurveKind;
using transform::CurveParameters;

// The bisections stop near double precision, so allocations agree with closed
// forms far below this.
constexpr double kSpendTolerance = 1e-7;
// A brute-force grid with n cells misses the optimum by at most half a cell in
// spend; near an optimum the objective loss is second order in that, so the
// optimizer may only beat the grid, never lose to it by more than this.
constexpr double kBruteForceSlack = 1e-9;
// First-order check: moving this fraction of the smaller spend between two media.
constexpr double kPerturbation = 1e-4;

AllocationMedia power_media(double beta, double elasticity, double low, double high) {
  return {{CurveParameters{CurveKind::concave, beta, elasticity, 1, 1}, 1.0}, low, high, false};
}

AllocationMedia hill_media(double beta, double half_saturation, double slope, double low,
                           double high) {
  return {{CurveParameters{CurveKind::hill, beta, 0, half_saturation, slope}, 1.0}, low, high, false};
}

double sum(const std::vector<double>& values) {
  return std::accumulate(values.begin(), values.end(), 0.0);
}

// Best value over an even grid of the first media's spend; the second takes the rest.
double brute_force_two(const std::vector<AllocationMedia>& media, double total, int cells) {
  double best = -1e300;
  for (int cell = 0; cell <= cells; ++cell) {
    const double first = media[0].min_spend + (media[0].max_spend - media[0].min_spend) * cell / cells;
    const double second = total - first;
    if (second < media[1].min_spend || second > media[1].max_spend) continue;
    best = std::max(best, total_response(media, {first, second}));
  }
  return best;
}

double brute_force_three(const std::vector<AllocationMedia>& media, double total, int cells) {
  double best = -1e300;
  for (int i = 0; i <= cells; ++i) {
    const double first = media[0].min_spend + (media[0].max_spend - media[0].min_spend) * i / cells;
    for (int j = 0; j <= cells; ++j) {
      const double second = media[1].min_spend + (media[1].max_spend - media[1].min_spend) * j / cells;
      const double third = total - first - second;
      if (third < media[2].min_spend || third > media[2].max_spend) continue;
      best = std::max(best, total_response(media, {first, second, third}));
    }
  }
  return best;
}

void expect_feasible(const std::vector<AllocationMedia>& media, const std::vector<double>& spend,
                     double total) {
  ASSERT_EQ(spend.size(), media.size());
  EXPECT_NEAR(sum(spend), total, kSpendTolerance * total);
  for (std::size_t m = 0; m < media.size(); ++m) {
    EXPECT_GE(spend[m], media[m].min_spend * (1 - 1e-12)) << "media " << m;
    EXPECT_LE(spend[m], media[m].max_spend * (1 + 1e-12)) << "media " << m;
  }
}

// No feasible transfer of budget between two media raises the total response.
void expect_no_improving_transfer(const std::vector<AllocationMedia>& media,
                                  const std::vector<double>& spend) {
  const double value = total_response(media, spend);
  for (std::size_t from = 0; from < media.size(); ++from) {
    for (std::size_t to = 0; to < media.size(); ++to) {
      if (from == to) continue;
      const double amount = kPerturbation * std::min(spend[from], spend[to]);
      std::vector<double> moved = spend;
      moved[from] -= amount;
      moved[to] += amount;
      if (moved[from] < media[from].min_spend || moved[to] > media[to].max_spend) continue;
      EXPECT_LE(total_response(media, moved), value + 1e-12 * std::fabs(value))
          << "moving " << amount << " from media " << from << " to media " << to;
    }
  }
}

TEST(AllocateBudget, EqualElasticityMatchesClosedForm) {
  // R_m = c_m s^r: equal marginal ROI gives s_m proportional to c_m^(1 / (1 - r)).
  const double r = 0.5;
  const std::vector<AllocationMedia> media = {power_media(1, r, 1e-3, 1e6), power_media(2, r, 1e-3, 1e6),
                                              power_media(3, r, 1e-3, 1e6)};
  const double total = 300;
  const std::vector<double> spend = allocate_budget(media, total);
  const std::vector<double> weights = {1, std::pow(2, 1 / (1 - r)), std::pow(3, 1 / (1 - r))};
  for (std::size_t m = 0; m < media.size(); ++m) {
    EXPECT_NEAR(spend[m], total * weights[m] / sum(weights), kSpendTolerance * total) << "media " << m;
  }
}

TEST(AllocateBudget, BoundsBindAndBudgetIsConserved) {
  const std::vector<AllocationMedia> media = {power_media(10, 0.5, 70, 130), power_media(1, 0.5, 70, 130),
                                              power_media(1, 0.5, 35, 65)};
  const double total = 250;
  const std::vector<double> spend = allocate_budget(media, total);
  expect_feasible(media, spend, total);
  EXPECT_NEAR(spend[0], 130, kSpendTolerance * 130);  // the strongest media hits its cap
  expect_no_improving_transfer(media, spend);
}

TEST(AllocateBudget, ConcaveMatchesBruteForce) {
  const std::vector<AllocationMedia> media = {power_media(5, 0.3, 70, 130), hill_media(400, 90, 0.8, 35, 65)};
  const double total = 170;
  const std::vector<double> spend = allocate_budget(media, total);
  expect_feasible(media, spend, total);
  EXPECT_GE(total_response(media, spend), brute_force_two(media, total, 200000) - kBruteForceSlack);
  expect_no_improving_transfer(media, spend);
}

TEST(AllocateBudget, SShapedHillMatchesBruteForce) {
  // Hill slope 4 with K inside the box: the response is convex below its
  // inflection, so marginal-ROI equalization alone can stop at a minimum.
  const std::vector<AllocationMedia> media = {hill_media(1000, 100, 4, 20, 200), power_media(30, 0.5, 20, 200)};
  for (double total : {60.0, 120.0, 180.0, 260.0}) {
    const std::vector<double> spend = allocate_budget(media, total);
    expect_feasible(media, spend, total);
    EXPECT_GE(total_response(media, spend), brute_force_two(media, total, 200000) - kBruteForceSlack)
        << "total " << total;
    expect_no_improving_transfer(media, spend);
  }
}

TEST(AllocateBudget, TwoSShapedHillsMatchBruteForce) {
  const std::vector<AllocationMedia> media = {hill_media(800, 100, 3, 10, 250), hill_media(500, 60, 5, 10, 250)};
  for (double total : {50.0, 150.0, 300.0}) {
    const std::vector<double> spend = allocate_budget(media, total);
    expect_feasible(media, spend, total);
    EXPECT_GE(total_response(media, spend), brute_force_two(media, total, 200000) - kBruteForceSlack)
        << "total " << total;
    expect_no_improving_transfer(media, spend);
  }
}

TEST(AllocateBudget, ThreeMediaWithSShapeMatchBruteForce) {
  // A 2-D grid of 1200 cells a side: the optimizer must reach at least its best
  // value less the grid's second-order miss (cell 0.2, curvature below 1e2).
  constexpr double kGridSlack = 1e-3;
  const std::vector<AllocationMedia> media = {hill_media(900, 80, 3, 20, 260), power_media(20, 0.6, 20, 260),
                                              hill_media(300, 40, 1.5, 20, 260)};
  for (double total : {100.0, 240.0, 400.0}) {
    const std::vector<double> spend = allocate_budget(media, total);
    expect_feasible(media, spend, total);
    EXPECT_GE(total_response(media, spend), brute_force_three(media, total, 1200) - kGridSlack)
        << "total " << total;
    expect_no_improving_transfer(media, spend);
  }
}

TEST(AllocateBudget, EqualMarginalRoiAtInteriorOptimum) {
  const std::vector<AllocationMedia> media = {power_media(4, 0.4, 1, 1000), hill_media(600, 150, 2.5, 1, 1000)};
  const std::vector<double> spend = allocate_budget(media, 400);
  ASSERT_GT(spend[0], media[0].min_spend);
  ASSERT_LT(spend[0], media[0].max_spend);
  ASSERT_GT(spend[1], media[1].min_spend);
  ASSERT_LT(spend[1], media[1].max_spend);
  const double first = media[0].response.marginal_roi(spend[0]);
  EXPECT_NEAR(media[1].response.marginal_roi(spend[1]), first, 1e-6 * first);
}

TEST(AllocateBudget, NoResponseMediaStaysAtLowerBound) {
  std::vector<AllocationMedia> media = {power_media(4, 0.5, 70, 130), power_media(4, -0.2, 70, 100)};
  media[1].no_response = true;
  const std::vector<double> spend = allocate_budget(media, 200);
  expect_feasible(media, spend, 200);
  EXPECT_NEAR(spend[1], 70, kSpendTolerance * 70);
  EXPECT_NEAR(spend[0], 130, kSpendTolerance * 130);
}

TEST(AllocateBudget, NoResponseMediaAbsorbsWhatOthersCannot) {
  std::vector<AllocationMedia> media = {power_media(4, 0.5, 70, 130), power_media(4, 0.5, 70, 100)};
  media[1].no_response = true;
  const std::vector<double> spend = allocate_budget(media, 220);
  expect_feasible(media, spend, 220);
  EXPECT_NEAR(spend[0], 130, kSpendTolerance * 130);
  EXPECT_NEAR(spend[1], 90, kSpendTolerance * 90);
}

}  // namespace
}  // namespace cerebro::simulate
