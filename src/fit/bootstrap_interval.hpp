#pragma once
// The reported range of a bootstrap statistic: its 5th, 50th and 95th
// percentiles by quantile_type7 (fit/quantile.hpp), the definition the
// baseline's 10th percentile also uses.
#include <vector>

#include "fit/fit_result.hpp"

namespace cerebro::fit {

// Returns the 5th, 50th and 95th type-7 percentiles of `values` (any order,
// no NaN) and sorts `values` in place. Throws std::invalid_argument when
// `values` is empty.
Interval bootstrap_interval(std::vector<double>& values);

}  // namespace cerebro::fit
