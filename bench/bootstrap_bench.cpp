// Cost of the moving-block bootstrap: 1,000 resamples of a 208-week, 3-media
// fit with the decay rate fixed, on one thread. Each iteration copies the
// point fit and adds the bootstrap to the copy.
#include <benchmark/benchmark.h>

#include "../tests/fit/bootstrap_fixture.hpp"
#include "fit/bootstrap.hpp"

namespace {

using cerebro::fit::FitOptions;
using cerebro::fit::FitResult;

void BM_Bootstrap208Weeks3Media(benchmark::State& state) {
  const FitResult point = cerebro::fit::testing::simulated_fit(208, 3, 42);
  FitOptions options;
  options.bootstrap.resamples = static_cast<int>(state.range(0));
  options.threads = 1;
  for (auto _ : state) {
    FitResult result = point;
    cerebro::fit::add_bootstrap(result, options);
    benchmark::DoNotOptimize(result.fit_id);
  }
  state.counters["fits_per_second"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * 3 * static_cast<double>(state.range(0)),
      benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Bootstrap208Weeks3Media)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace
