#pragma once
// Variance inflation factors of media spend: how much of one media's weekly
// variation the other media explain together, which a pairwise correlation misses.
#include <map>
#include <string>
#include <vector>

#include "checks/correlation.hpp"

namespace cerebro::checks {

// Returns VIF = 1 / (1 - R^2) per media, R^2 of the least-squares regression
// (with intercept) of its spend on every other media's spend. One media gives 1;
// a media whose spend is constant gives 1, since there is no variance to inflate.
// An exact linear dependence (R^2 = 1) gives +infinity, written as null in fit.json.
// All series must have the same length; throws std::invalid_argument otherwise.
std::map<std::string, double> variance_inflation_factors(const std::vector<NamedSeries>& media);

}  // namespace cerebro::checks
