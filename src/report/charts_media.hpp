#pragma once
// The report's per-media charts: one panel per media inside one figure.
#include "fit/fit_result.hpp"
#include "report/chart_frame.hpp"
#include "report/fit_view.hpp"

namespace cerebro::report {

// `response-curves`: per media, the weekly (adstock, KPI - baseline) points
// after warm-up (holdout weeks hollow), the selected curve solid, the other
// fitted curve dashed, and a band when the fit carries bootstrap ranges.
// NOTE: the band varies beta over its 5th-95th percentile with the other
// parameters at their point values; it is not a joint band of all parameters.
Chart response_curves_chart(const fit::FitResult& fit, const ModelFitView& view);

// `adstock-decay`: per media, bars of the carryover weights decay_rate^i for
// i = 0..window_weeks, labelled with the decay rate.
Chart adstock_decay_chart(const fit::FitResult& fit);

}  // namespace cerebro::report
