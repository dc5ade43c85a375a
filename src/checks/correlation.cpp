#include "checks/correlation.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <stdexcept>

#include "core/errors.hpp"

namespace cerebro::checks {

double pearson_correlation(std::span<const double> first, std::span<const double> second) {
  if (first.size() != second.size()) {
    throw std::invalid_argument("pearson_correlation: series lengths differ");
  }
  const std::size_t count = first.size();
  if (count < 2) return 0.0;

  double first_mean = 0;
  double second_mean = 0;
  for (std::size_t t = 0; t < count; ++t) {
    first_mean += first[t];
    second_mean += second[t];
  }
  first_mean /= static_cast<double>(count);
  second_mean /= static_cast<double>(count);

  double first_squares = 0;
  double second_squares = 0;
  double cross = 0;
  for (std::size_t t = 0; t < count; ++t) {
    const double first_deviation = first[t] - first_mean;
    const double second_deviation = second[t] - second_mean;
    first_squares += first_deviation * first_deviation;
    second_squares += second_deviation * second_deviation;
    cross += first_deviation * second_deviation;
  }
  if (!(first_squares > 0) || !(second_squares > 0)) return 0.0;
  // Rounding can push a perfect correlation a hair past 1.
  return std::clamp(cross / std::sqrt(first_squares * second_squares), -1.0, 1.0);
}

std::vector<fit::Correlation> media_correlations(const std::vector<NamedSeries>& media) {
  std::vector<fit::Correlation> correlations;
  for (std::size_t i = 0; i < media.size(); ++i) {
    for (std::size_t j = i + 1; j < media.size(); ++j) {
      correlations.push_back(fit::Correlation{
          media[i].name, media[j].name, pearson_correlation(media[i].values, media[j].values)});
    }
  }
  return correlations;
}

std::vector<fit::FitWarning> check_collinearity(
    const std::vector<fit::Correlation>& correlations,
    const std::vector<std::pair<std::string, std::string>>& allowed_pairs) {
  std::vector<fit::FitWarning> warnings;
  for (const fit::Correlation& pair : correlations) {
    if (!(std::fabs(pair.value) > kMaxAbsoluteCorrelation)) continue;
    const bool allowed = std::any_of(allowed_pairs.begin(), allowed_pairs.end(), [&](const auto& p) {
      return (p.first == pair.a && p.second == pair.b) || (p.first == pair.b && p.second == pair.a);
    });
    if (!allowed) {
      throw core::InputError(fmt::format(
          "Media '{}' and '{}' have a weekly spend correlation of {:.4f} (limit |corr| <= {}), so "
          "the fit cannot separate their effects. Merge the two into one media, drop one of them, "
          "or segment the data by audience or protocol so their spend moves independently; if "
          "the pair is already resolved, add `collinearity: {{allow: [[{}, {}]]}}` to the spec.",
          pair.a, pair.b, pair.value, kMaxAbsoluteCorrelation, pair.a, pair.b));
    }
    warnings.push_back(fit::FitWarning{
        "collinear_pair_allowed", pair.a,
        fmt::format("Media '{}' and '{}' have a weekly spend correlation of {:.4f} (above {}); "
                    "the pair is allowed, so their separate effects rest on little independent "
                    "variation.",
                    pair.a, pair.b, pair.value, kMaxAbsoluteCorrelation)});
  }
  return warnings;
}

}  // namespace cerebro::checks
