#pragma once
#include <string>

#include "fit/fit_result.hpp"

namespace cerebro::cli {

// Formats the few lines printed after a fit: window, per-media curve and ROI,
// and the warnings.
std::string format_fit_summary(const fit::FitResult& result);

}  // namespace cerebro::cli
