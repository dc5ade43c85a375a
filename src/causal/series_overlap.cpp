#include "causal/series_overlap.hpp"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>

namespace cerebro::causal {
namespace {

// Two-pass Pearson correlation, so large levels (token base units) do not
// cancel catastrophically.
std::optional<double> pearson(const std::vector<double>& a, const std::vector<double>& b) {
  assert(a.size() == b.size());
  const double n = static_cast<double>(a.size());
  if (a.size() < 2) return std::nullopt;
  double mean_a = 0;
  double mean_b = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    mean_a += a[i] / n;
    mean_b += b[i] / n;
  }
  double covariance = 0;
  double variance_a = 0;
  double variance_b = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    covariance += (a[i] - mean_a) * (b[i] - mean_b);
    variance_a += (a[i] - mean_a) * (a[i] - mean_a);
    variance_b += (b[i] - mean_b) * (b[i] - mean_b);
  }
  if (variance_a <= 0 || variance_b <= 0) return std::nullopt;
  return covariance / std::sqrt(variance_a * variance_b);
}

bool all_zero(const EvidenceSeries& series) { return !series.first_active_week.has_value(); }

bool equals_sum(const EvidenceSeries& total, const std::vector<const EvidenceSeries*>& parts) {
  double scale = 0;
  for (double value : total.values) scale = std::max(scale, std::abs(value));
  const double tolerance = kSumRelativeTolerance * scale;
  for (std::size_t week = 0; week < total.values.size(); ++week) {
    double sum = 0;
    for (const EvidenceSeries* part : parts) sum += part->values[week];
    if (std::abs(total.values[week] - sum) > tolerance) return false;
  }
  return true;
}

}  // namespace

std::vector<SeriesCorrelation> pairwise_correlations(
    const std::vector<const EvidenceSeries*>& series) {
  std::vector<SeriesCorrelation> correlations;
  for (std::size_t i = 0; i < series.size(); ++i) {
    for (std::size_t j = i + 1; j < series.size(); ++j) {
      correlations.push_back(
          {series[i]->name, series[j]->name, pearson(series[i]->values, series[j]->values)});
    }
  }
  return correlations;
}

std::vector<SumOfOthers> find_sums_of_others(const std::vector<const EvidenceSeries*>& series) {
  std::vector<const EvidenceSeries*> searched;
  for (const EvidenceSeries* candidate : series) {
    if (!all_zero(*candidate) && searched.size() < kMaxSumSeries) searched.push_back(candidate);
  }
  std::vector<SumOfOthers> sums;
  for (std::size_t total = 0; total < searched.size(); ++total) {
    std::vector<const EvidenceSeries*> others;
    for (std::size_t i = 0; i < searched.size(); ++i) {
      if (i != total && searched[i]->values.size() == searched[total]->values.size()) {
        others.push_back(searched[i]);
      }
    }
    const std::size_t subset_count = std::size_t{1} << others.size();
    std::optional<std::vector<const EvidenceSeries*>> best;
    for (std::size_t mask = 1; mask < subset_count; ++mask) {
      const int size = std::popcount(mask);
      if (size < 2 || (best && static_cast<std::size_t>(size) >= best->size())) continue;
      std::vector<const EvidenceSeries*> parts;
      for (std::size_t i = 0; i < others.size(); ++i) {
        if (mask & (std::size_t{1} << i)) parts.push_back(others[i]);
      }
      if (equals_sum(*searched[total], parts)) best = parts;
    }
    if (best) {
      SumOfOthers sum{searched[total]->name, {}};
      for (const EvidenceSeries* part : *best) sum.parts.push_back(part->name);
      sums.push_back(std::move(sum));
    }
  }
  return sums;
}

}  // namespace cerebro::causal
