// The moving-block bootstrap's variance of a mean, checked on AR(1) series
// whose long-run variance is known in closed form.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "fit/bootstrap_resample.hpp"

namespace cerebro::fit {
namespace {

// Derivation of the expected value. For x_t = phi x_(t-1) + e_t with
// Var(e_t) = sigma^2, the lag-k autocovariance is
//   gamma_k = sigma^2 phi^|k| / (1 - phi^2),
// so n Var(mean) tends to the long-run variance
//   sum over all k of gamma_k = sigma^2 / (1 - phi)^2.
// The moving-block bootstrap with block length b estimates n Var(mean) by
// about the Bartlett-weighted sum over |k| < b of (1 - |k| / b) gamma_k
// (Kuensch 1989), which misses about 2 phi / (b (1 - phi^2)) of the total:
// for phi = 0.5, n = 2000 and b = ceil(2000^(1/3)) = 13 the expected ratio
// of bootstrap variance to long-run variance / n is 0.897 (computed below).
//
// Spread of the ratio: for one series, a Bartlett lag-window estimate of the
// long-run variance has a relative standard deviation of about
// sqrt(4 b / (3 n)) = 0.093 in large samples, and 400 resamples add
// sqrt(2 / 400) = 0.071. Averaging 16
// independent series gives a standard deviation of about 0.03, so the
// tolerance of 0.1 is over three standard deviations.
constexpr double kPhi = 0.5;
constexpr double kSigma = 1.0;
constexpr int kSeriesWeeks = 2000;
constexpr int kSeriesCount = 16;
constexpr int kResamples = 400;
constexpr double kRatioTolerance = 0.1;
// The bootstrap's bias is a property of the method, so the ratio is also
// checked against the long-run variance itself with room for that bias.
constexpr double kLongRunTolerance = 0.2;

std::vector<double> simulate_ar1(std::mt19937_64& generator) {
  std::normal_distribution<double> noise(0.0, kSigma);
  std::vector<double> series(kSeriesWeeks);
  // Start from the stationary distribution so no burn-in is needed.
  double value = noise(generator) / std::sqrt(1 - kPhi * kPhi);
  for (double& entry : series) {
    value = kPhi * value + noise(generator);
    entry = value;
  }
  return series;
}

// Variance of the resampled means, by the two-pass formula.
double bootstrap_variance_of_mean(const std::vector<double>& series, int block_length,
                                  int series_index) {
  std::vector<int> positions(series.size());
  std::vector<double> means(kResamples);
  for (int resample = 0; resample < kResamples; ++resample) {
    std::mt19937_64 generator = resample_generator(99, series_index, resample);
    draw_block_positions(block_length, generator, positions);
    double total = 0;
    for (int position : positions) total += series[position];
    means[resample] = total / static_cast<double>(series.size());
  }
  double center = 0;
  for (double mean : means) center += mean;
  center /= kResamples;
  double squares = 0;
  for (double mean : means) squares += (mean - center) * (mean - center);
  return squares / (kResamples - 1);
}

double bartlett_ratio(int block_length) {
  double weighted = 1;
  for (int lag = 1; lag < block_length; ++lag) {
    weighted += 2 * (1 - static_cast<double>(lag) / block_length) * std::pow(kPhi, lag);
  }
  return weighted / ((1 + kPhi) / (1 - kPhi));
}

TEST(BlockBootstrapAr1, VarianceOfMeanMatchesLongRunVariance) {
  const int block_length = default_block_length_weeks(kSeriesWeeks);
  ASSERT_EQ(block_length, 13);
  const double long_run_variance = kSigma * kSigma / ((1 - kPhi) * (1 - kPhi));
  const double target = long_run_variance / kSeriesWeeks;

  std::mt19937_64 generator(20240601);
  double ratio_sum = 0;
  for (int series_index = 0; series_index < kSeriesCount; ++series_index) {
    const std::vector<double> series = simulate_ar1(generator);
    ratio_sum += bootstrap_variance_of_mean(series, block_length, series_index) / target;
  }
  const double mean_ratio = ratio_sum / kSeriesCount;

  EXPECT_NEAR(mean_ratio, bartlett_ratio(block_length), kRatioTolerance);
  EXPECT_NEAR(mean_ratio, 1.0, kLongRunTolerance);
}

TEST(BlockBootstrapAr1, SingleWeekBlocksMissAutocorrelation) {
  // With b = 1 the bootstrap treats weeks as independent and estimates
  // Var(x) / n = sigma^2 / (1 - phi^2) / n, a third of the long-run value
  // for phi = 0.5: the reason the fit resamples blocks.
  const double long_run_variance = kSigma * kSigma / ((1 - kPhi) * (1 - kPhi));
  const double target = long_run_variance / kSeriesWeeks;
  const double independent_ratio = (1 - kPhi) * (1 - kPhi) / (1 - kPhi * kPhi);

  std::mt19937_64 generator(77);
  double ratio_sum = 0;
  for (int series_index = 0; series_index < kSeriesCount; ++series_index) {
    const std::vector<double> series = simulate_ar1(generator);
    ratio_sum += bootstrap_variance_of_mean(series, 1, series_index) / target;
  }
  EXPECT_NEAR(ratio_sum / kSeriesCount, independent_ratio, kRatioTolerance);
}

}  // namespace
}  // namespace cerebro::fit
