#pragma once
// The HTML report: one self-contained file with inline CSS and SVG, no scripts
// and nothing fetched from the network, readable offline and archivable.
#include <string>
#include <string_view>
#include <vector>

#include "report/report_inputs.hpp"

namespace cerebro::report {

// Returns the data-chart names a report must contain: contribution,
// spend-effect-share, response-curves, adstock-decay, causal-review and
// actual-vs-fitted, plus marginal-roi, current-vs-proposed and allocation
// when a simulation is included.
std::vector<std::string> required_chart_names(bool with_simulation);

// Throws std::logic_error naming every required chart whose
// data-chart="name" attribute is missing from `html`.
void require_charts(std::string_view html, bool with_simulation);

// Renders the report. Throws core::GateClosedError when the review is not a
// PASS, core::InputError when the fit cannot be charted (no media, weekly
// arrays of the wrong length, non-finite values on an axis) or when the
// simulation belongs to another fit, and std::logic_error when a required
// chart is missing from the output; nothing is returned then.
std::string render_report_html(const ReportInputs& inputs);

}  // namespace cerebro::report
