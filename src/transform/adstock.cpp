#include "transform/adstock.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace cerebro::transform {

void geometric_adstock(std::span<const double> spend, double decay_rate, int window_weeks,
                       std::span<double> adstock) {
  if (spend.size() != adstock.size()) {
    throw std::invalid_argument("geometric_adstock: spend has " + std::to_string(spend.size()) +
                                " weeks but the output has " + std::to_string(adstock.size()));
  }
  if (!(decay_rate >= 0 && decay_rate < 1)) {
    throw std::invalid_argument("geometric_adstock: decay_rate " + std::to_string(decay_rate) +
                                " is outside [0, 1)");
  }
  if (window_weeks < 0) {
    throw std::invalid_argument("geometric_adstock: window_weeks " +
                                std::to_string(window_weeks) + " is negative");
  }

  // The direct sum over the window, not the recursion a[t] = x[t] + lambda a[t-1]:
  // the recursion has an infinite window, and subtracting the weight that falls
  // out of the window would cancel catastrophically for spend in base units.
  const std::size_t lags = static_cast<std::size_t>(window_weeks);
  for (std::size_t t = 0; t < spend.size(); ++t) {
    const std::size_t last_lag = std::min(lags, t);
    double sum = 0;
    double weight = 1;
    for (std::size_t i = 0; i <= last_lag; ++i) {
      sum += weight * spend[t - i];
      weight *= decay_rate;
    }
    adstock[t] = sum;
  }
}

std::vector<double> geometric_adstock(std::span<const double> spend, double decay_rate,
                                      int window_weeks) {
  std::vector<double> adstock(spend.size());
  geometric_adstock(spend, decay_rate, window_weeks, adstock);
  return adstock;
}

double steady_state_adstock_multiplier(double decay_rate, int window_weeks) {
  if (window_weeks < 0) {
    throw std::invalid_argument("steady_state_adstock_multiplier: window_weeks is negative");
  }
  double multiplier = 0;
  double weight = 1;
  for (int lag = 0; lag <= window_weeks; ++lag) {
    multiplier += weight;
    weight *= decay_rate;
  }
  return multiplier;
}

}  // namespace cerebro::transform
