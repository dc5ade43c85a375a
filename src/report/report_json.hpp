#pragma once
// report.json: the report's numbers for machines, beside report.html.
#include <nlohmann/json.hpp>

#include "report/report_inputs.hpp"

namespace cerebro::report {

// Returns the fit summary (weeks, holdout errors, baseline), per-media
// parameters, totals and ranges, the review's verdict rows, the simulation
// when one is given, and the names of the charts in the HTML. NaN and
// missing values are null. Throws core::InputError as model_fit_view does.
nlohmann::ordered_json report_json(const ReportInputs& inputs);

}  // namespace cerebro::report
