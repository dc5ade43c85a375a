#include "fit/bootstrap_interval.hpp"

#include <algorithm>

#include "fit/quantile.hpp"

namespace cerebro::fit {

Interval bootstrap_interval(std::vector<double>& values) {
  std::sort(values.begin(), values.end());
  return Interval{quantile_type7(values, 0.05), quantile_type7(values, 0.50),
                  quantile_type7(values, 0.95)};
}

}  // namespace cerebro::fit
