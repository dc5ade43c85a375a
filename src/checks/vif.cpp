#include "checks/vif.hpp"

#include <Eigen/Dense>
#include <limits>
#include <stdexcept>

namespace cerebro::checks {

std::map<std::string, double> variance_inflation_factors(const std::vector<NamedSeries>& media) {
  std::map<std::string, double> vif;
  if (media.empty()) return vif;
  const auto weeks = static_cast<Eigen::Index>(media.front().values.size());
  for (const NamedSeries& series : media) {
    if (static_cast<Eigen::Index>(series.values.size()) != weeks) {
      throw std::invalid_argument("variance_inflation_factors: series lengths differ");
    }
  }
  if (media.size() == 1) {
    vif[media.front().name] = 1.0;
    return vif;
  }

  const auto others = static_cast<Eigen::Index>(media.size() - 1);
  for (std::size_t target = 0; target < media.size(); ++target) {
    Eigen::VectorXd response(weeks);
    Eigen::MatrixXd design(weeks, others + 1);
    design.col(0).setOnes();
    Eigen::Index column = 1;
    for (std::size_t other = 0; other < media.size(); ++other) {
      if (other == target) continue;
      for (Eigen::Index t = 0; t < weeks; ++t) design(t, column) = media[other].values[t];
      ++column;
    }
    for (Eigen::Index t = 0; t < weeks; ++t) response(t) = media[target].values[t];

    // Column scaling keeps spend in token base units well conditioned.
    Eigen::VectorXd scale = design.colwise().norm().transpose();
    for (Eigen::Index c = 0; c < scale.size(); ++c) {
      if (scale(c) > 0) design.col(c) /= scale(c);
    }
    const double total = (response.array() - response.mean()).square().sum();
    if (!(total > 0)) {
      vif[media[target].name] = 1.0;
      continue;
    }
    const Eigen::VectorXd coefficients = design.colPivHouseholderQr().solve(response);
    const double residual = (response - design * coefficients).squaredNorm();
    const double r_squared = 1.0 - residual / total;
    vif[media[target].name] =
        r_squared < 1.0 ? 1.0 / (1.0 - r_squared) : std::numeric_limits<double>::infinity();
  }
  return vif;
}

}  // namespace cerebro::checks
