#include "fit/media_fit.hpp"

#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <vector>

#include "core/errors.hpp"
#include "fit/hill_fit.hpp"

namespace cerebro::fit {
namespace {

// Both sides compute the same sums in a different order: agreement to 1e-9
// relative leaves room for rounding and catches any definitional difference.
constexpr double kRelativeTolerance = 1e-9;

void expect_relative(double actual, double expected) {
  EXPECT_NEAR(actual, expected, kRelativeTolerance * std::max(1.0, std::fabs(expected)));
}

// A small data set: adstock with zeros (so p10 is 0) and a concave KPI with noise.
struct Data {
  std::vector<double> kpi;
  std::vector<double> adstock;
  std::vector<int> training;
  std::vector<int> holdout;
};

Data make_data(unsigned seed, int weeks = 40, int holdout_weeks = 8) {
  std::mt19937 engine(seed);
  std::uniform_real_distribution<double> spend(50.0, 500.0);
  std::normal_distribution<double> noise(0.0, 0.05);
  Data data;
  for (int t = 0; t < weeks; ++t) {
    const double a = (t % 7 == 0) ? 0.0 : spend(engine);
    data.adstock.push_back(a);
    data.kpi.push_back(1000.0 + (a > 0 ? 12.0 * std::pow(a, 0.6) * std::exp(noise(engine)) : 0.0) +
                       noise(engine) * 20);
  }
  data.training.resize(weeks - holdout_weeks);
  std::iota(data.training.begin(), data.training.end(), 0);
  data.holdout.resize(holdout_weeks);
  std::iota(data.holdout.begin(), data.holdout.end(), weeks - holdout_weeks);
  return data;
}

MediaCurves fit(const Data& data) {
  return fit_media_curves(
      MediaFitInput{data.kpi, data.adstock, data.training, data.holdout});
}

// Second implementation, written plainly: sort, interpolate, median, and the
// log-log regression by QR on the design matrix [1, ln a].
struct Reference {
  double p10 = 0;
  double baseline = 0;
  int baseline_weeks = 0;
  double beta = 0;
  double elasticity = 0;
  double concave_mae = 0;
};

Reference reference_fit(const Data& data) {
  Reference ref;
  std::vector<double> a;
  for (int w : data.training) a.push_back(data.adstock[w]);
  std::sort(a.begin(), a.end());
  const double h = (a.size() - 1) * 0.1;
  const auto lo = static_cast<std::size_t>(h);
  ref.p10 = lo + 1 < a.size() ? a[lo] + (h - lo) * (a[lo + 1] - a[lo]) : a[lo];

  std::vector<double> low_kpi;
  for (int w : data.training) {
    if (data.adstock[w] <= ref.p10) low_kpi.push_back(data.kpi[w]);
  }
  std::sort(low_kpi.begin(), low_kpi.end());
  const std::size_t m = low_kpi.size();
  ref.baseline = m % 2 ? low_kpi[m / 2] : (low_kpi[m / 2 - 1] + low_kpi[m / 2]) / 2;
  ref.baseline_weeks = static_cast<int>(m);

  std::vector<int> usable;
  for (int w : data.training) {
    if (data.adstock[w] > 0 && data.kpi[w] > ref.baseline) usable.push_back(w);
  }
  Eigen::MatrixXd design(usable.size(), 2);
  Eigen::VectorXd target(usable.size());
  for (std::size_t i = 0; i < usable.size(); ++i) {
    design(i, 0) = 1.0;
    design(i, 1) = std::log(data.adstock[usable[i]]);
    target(i) = std::log(data.kpi[usable[i]] - ref.baseline);
  }
  const Eigen::Vector2d coefficients = design.householderQr().solve(target);
  ref.beta = std::exp(coefficients(0));
  ref.elasticity = coefficients(1);

  double sum = 0;
  for (int w : data.holdout) {
    const double a_w = data.adstock[w];
    const double predicted = ref.baseline + (a_w > 0 ? ref.beta * std::pow(a_w, ref.elasticity) : 0);
    sum += std::fabs(data.kpi[w] - predicted);
  }
  ref.concave_mae = sum / data.holdout.size();
  return ref;
}

TEST(FitMediaCurves, MatchesReferenceImplementation) {
  for (unsigned seed : {1u, 2u, 3u}) {
    const Data data = make_data(seed);
    const MediaCurves curves = fit(data);
    const Reference ref = reference_fit(data);
    expect_relative(curves.p10_adstock, ref.p10);
    expect_relative(curves.baseline, ref.baseline);
    EXPECT_EQ(curves.baseline_weeks, ref.baseline_weeks);
    ASSERT_TRUE(curves.concave.beta);
    ASSERT_TRUE(curves.concave.elasticity);
    ASSERT_TRUE(curves.concave.holdout_mae);
    expect_relative(*curves.concave.beta, ref.beta);
    expect_relative(*curves.concave.elasticity, ref.elasticity);
    expect_relative(*curves.concave.holdout_mae, ref.concave_mae);
  }
}

TEST(FitMediaCurves, BaselineWithoutZeroAdstock) {
  // Every week has adstock: p10 is interpolated and the baseline is the median
  // of the weeks at or below it.
  Data data = make_data(4);
  for (double& a : data.adstock) a += 10.0;
  const MediaCurves curves = fit(data);
  const Reference ref = reference_fit(data);
  expect_relative(curves.p10_adstock, ref.p10);
  expect_relative(curves.baseline, ref.baseline);
  EXPECT_EQ(curves.baseline_weeks, ref.baseline_weeks);
}

TEST(FitMediaCurves, RepeatedIndicesCountPerOccurrence) {
  const Data data = make_data(5);
  Data resampled = data;
  resampled.training = {0, 0, 1, 3, 3, 3, 5, 8, 9, 10, 12, 14, 14, 20, 21, 22, 25, 27, 30, 31};
  // The same weeks written out as separate rows.
  Data expanded;
  for (int w : resampled.training) {
    expanded.kpi.push_back(data.kpi[w]);
    expanded.adstock.push_back(data.adstock[w]);
  }
  expanded.training.resize(expanded.kpi.size());
  std::iota(expanded.training.begin(), expanded.training.end(), 0);
  for (int w : data.holdout) {
    expanded.holdout.push_back(static_cast<int>(expanded.kpi.size()));
    expanded.kpi.push_back(data.kpi[w]);
    expanded.adstock.push_back(data.adstock[w]);
  }
  const MediaCurves a = fit(resampled);
  const MediaCurves b = fit(expanded);
  expect_relative(a.baseline, b.baseline);
  expect_relative(*a.concave.elasticity, *b.concave.elasticity);
  expect_relative(*a.hill.training_sse, *b.hill.training_sse);
  EXPECT_EQ(a.selected_curve, b.selected_curve);
}

// Dense grid over k/mean and S with the closed-form beta >= 0, independent of
// the engine's grid and refinement.
double dense_grid_sse(const Data& data, double baseline) {
  double mean = 0;
  int positive = 0;
  for (int w : data.training) {
    if (data.adstock[w] > 0) {
      mean += data.adstock[w];
      ++positive;
    }
  }
  mean /= positive;
  double best = HUGE_VAL;
  const int steps = 150;
  for (int i = 0; i < steps; ++i) {
    const double k = 0.01 * std::pow(1000.0, i / (steps - 1.0));
    for (int j = 0; j < steps; ++j) {
      const double s = 0.1 * std::pow(100.0, j / (steps - 1.0));
      double gy = 0, gg = 0;
      for (int w : data.training) {
        const double x = data.adstock[w] / mean;
        const double g = x > 0 ? std::pow(x, s) / (std::pow(x, s) + std::pow(k, s)) : 0.0;
        gy += g * (data.kpi[w] - baseline);
        gg += g * g;
      }
      const double beta = gg > 0 ? std::max(0.0, gy / gg) : 0.0;
      double sse = 0;
      for (int w : data.training) {
        const double x = data.adstock[w] / mean;
        const double g = x > 0 ? std::pow(x, s) / (std::pow(x, s) + std::pow(k, s)) : 0.0;
        const double r = data.kpi[w] - baseline - beta * g;
        sse += r * r;
      }
      best = std::min(best, sse);
    }
  }
  return best;
}

TEST(FitHill, AtLeastAsGoodAsDenseGrid) {
  for (unsigned seed : {11u, 12u, 13u}) {
    Data data = make_data(seed, 60, 12);
    // An S-shaped response, so the Hill curve has something to find.
    for (std::size_t t = 0; t < data.kpi.size(); ++t) {
      const double a = data.adstock[t];
      data.kpi[t] = 1000.0 + (a > 0 ? 400.0 * std::pow(a, 3) / (std::pow(a, 3) + std::pow(250.0, 3)) : 0) +
                    (seed * 7919 % 13) * ((t % 3) - 1.0);
    }
    const MediaCurves curves = fit(data);
    ASSERT_TRUE(curves.hill.training_sse);
    const double grid = dense_grid_sse(data, curves.baseline);
    // Refinement ends at a local minimum; allow rounding of the SSE itself.
    EXPECT_LE(*curves.hill.training_sse, grid * (1 + 1e-9) + 1e-9);
    EXPECT_GE(*curves.hill.hill_slope, kHillMinSlope);
    EXPECT_LE(*curves.hill.hill_slope, kHillMaxSlope);
    EXPECT_GE(*curves.hill.beta, 0.0);
  }
}

TEST(FitHill, SseMatchesReportedParameters) {
  const Data data = make_data(21, 60, 12);
  const MediaCurves curves = fit(data);
  ASSERT_TRUE(curves.hill.beta);
  transform::CurveParameters p{CurveKind::hill, *curves.hill.beta, 0, *curves.hill.half_saturation,
                               *curves.hill.hill_slope};
  double sse = 0;
  for (int w : data.training) {
    const double r = data.kpi[w] - curves.baseline - transform::evaluate_response(p, data.adstock[w]);
    sse += r * r;
  }
  expect_relative(*curves.hill.training_sse, sse);
}

TEST(FitMediaCurves, TieSelectsConcave) {
  // Holdout weeks without adstock: both curves predict the baseline.
  Data data = make_data(6);
  for (int w : data.holdout) data.adstock[w] = 0.0;
  const MediaCurves curves = fit(data);
  ASSERT_TRUE(curves.concave.holdout_mae);
  ASSERT_TRUE(curves.hill.holdout_mae);
  EXPECT_EQ(*curves.concave.holdout_mae, *curves.hill.holdout_mae);
  EXPECT_EQ(curves.selected_curve, CurveKind::concave);
}

TEST(FitMediaCurves, LowerMaeWins) {
  const Data data = make_data(7);
  const MediaCurves curves = fit(data);
  const bool hill_better = *curves.hill.holdout_mae < *curves.concave.holdout_mae;
  EXPECT_EQ(curves.selected_curve, hill_better ? CurveKind::hill : CurveKind::concave);
}

TEST(FitMediaCurves, UnfittableConcaveIsNotSelected) {
  // Only one training week has KPI above the baseline, so the log-log fit has
  // one point; the Hill curve still fits all training weeks.
  Data data = make_data(8);
  for (int w : data.training) data.kpi[w] = 1000.0;
  data.kpi[3] = 1500.0;
  const MediaCurves curves = fit(data);
  EXPECT_FALSE(curves.concave.elasticity);
  EXPECT_EQ(curves.concave.fitted_weeks, 1);
  ASSERT_TRUE(curves.hill.beta);
  EXPECT_EQ(curves.selected_curve, CurveKind::hill);
  EXPECT_TRUE(selected_curve_fitted(curves));
}

TEST(FitMediaCurves, NeitherFittedSelectsConcaveWithoutParameters) {
  Data data = make_data(9);
  for (double& a : data.adstock) a = 0.0;
  data.adstock[5] = 100.0;
  const MediaCurves curves = fit(data);
  EXPECT_FALSE(curves.concave.beta);
  EXPECT_FALSE(curves.hill.beta);
  EXPECT_EQ(curves.selected_curve, CurveKind::concave);
  EXPECT_FALSE(selected_curve_fitted(curves));
  EXPECT_THROW(selected_parameters(curves), std::logic_error);
}

TEST(FitMediaCurves, EmptyTrainingThrows) {
  Data data = make_data(10);
  data.training.clear();
  EXPECT_THROW(fit(data), core::InputError);
}

TEST(FitMediaCurves, TokenUnitsKeepElasticity) {
  const Data tokens = make_data(14);
  Data wei = tokens;
  for (double& a : wei.adstock) a *= 1e18;
  const MediaCurves a = fit(tokens);
  const MediaCurves b = fit(wei);
  expect_relative(*b.concave.elasticity, *a.concave.elasticity);
  expect_relative(*b.concave.beta, *a.concave.beta * std::pow(1e-18, *a.concave.elasticity));
  expect_relative(*b.hill.half_saturation, *a.hill.half_saturation * 1e18);
  expect_relative(*b.hill.beta, *a.hill.beta);
  expect_relative(*b.concave.holdout_mae, *a.concave.holdout_mae);
}

}  // namespace
}  // namespace cerebro::fit
