// Kernels of the attribution fit: adstock and a 208-week, 3-media fit_model.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "fit/fit_model.hpp"
#include "fit/media_fit.hpp"
#include "transform/adstock.hpp"

namespace {

std::vector<double> random_spend(int weeks, unsigned seed) {
  std::mt19937 engine(seed);
  std::uniform_real_distribution<double> draw(100.0, 1000.0);
  std::bernoulli_distribution off(0.25);
  std::vector<double> spend(weeks);
  for (double& value : spend) value = off(engine) ? 0.0 : draw(engine);
  return spend;
}

void BM_GeometricAdstock(benchmark::State& state) {
  const auto spend = random_spend(static_cast<int>(state.range(0)), 1);
  std::vector<double> adstock(spend.size());
  for (auto _ : state) {
    cerebro::transform::geometric_adstock(spend, 0.5, 8, adstock);
    benchmark::DoNotOptimize(adstock.data());
  }
}
BENCHMARK(BM_GeometricAdstock)->Arg(208)->Arg(1040);

cerebro::core::WeeklyPanel make_panel(int weeks, int media_count) {
  cerebro::core::WeeklyPanel panel;
  const auto first = cerebro::core::Day{std::chrono::year{2021} / 1 / 4};
  for (int t = 0; t < weeks; ++t) panel.weeks.push_back(first + std::chrono::days(7 * t));
  panel.kpi.name = "tvl_usd";
  panel.kpi.values.assign(weeks, 5000.0);
  std::mt19937 engine(7);
  std::normal_distribution<double> noise(0.0, 30.0);
  for (int m = 0; m < media_count; ++m) {
    cerebro::core::Series series;
    series.name = "media_" + std::to_string(m);
    series.values = random_spend(weeks, 11 + m);
    const auto adstock = cerebro::transform::geometric_adstock(series.values, 0.5, 8);
    for (int t = 0; t < weeks; ++t) panel.kpi.values[t] += 0.8 * adstock[t];
    panel.media.push_back(std::move(series));
  }
  for (double& value : panel.kpi.values) value += noise(engine);
  return panel;
}

void BM_FitModel208Weeks3Media(benchmark::State& state) {
  const auto panel = make_panel(208, 3);
  cerebro::fit::FitOptions options;
  options.bootstrap.resamples = 0;
  for (auto _ : state) benchmark::DoNotOptimize(cerebro::fit::fit_model(panel, options));
}
BENCHMARK(BM_FitModel208Weeks3Media)->Unit(benchmark::kMicrosecond);

// One media's baseline, both curves and selection on 166 training and 42
// holdout weeks: the unit of work of every bootstrap resample.
void BM_FitMediaCurves208Weeks(benchmark::State& state) {
  const auto panel = make_panel(208, 1);
  const auto adstock = cerebro::transform::geometric_adstock(panel.media[0].values, 0.5, 8);
  std::vector<int> training(166);
  std::vector<int> holdout(42);
  for (int i = 0; i < 166; ++i) training[i] = i;
  for (int i = 0; i < 42; ++i) holdout[i] = 166 + i;
  const cerebro::fit::MediaFitInput input{panel.kpi.values, adstock, training, holdout};
  for (auto _ : state) benchmark::DoNotOptimize(cerebro::fit::fit_media_curves(input));
}
BENCHMARK(BM_FitMediaCurves208Weeks)->Unit(benchmark::kMicrosecond);

}  // namespace
