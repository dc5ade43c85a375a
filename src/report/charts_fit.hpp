#pragma once
// The report's whole-model charts: contribution over time, actual vs fitted,
// and spend share vs effect share. Each returns a Chart whose name is the
// data-chart attribute the report requires.
#include "fit/fit_result.hpp"
#include "report/chart_frame.hpp"
#include "report/fit_view.hpp"

namespace cerebro::report {

// `contribution`: stacked areas over the weeks after warm-up, the baseline
// band at the bottom and one band per media above it, with the KPI as a line.
// NOTE: negative weekly contributions are drawn as 0 because a stacked area
// cannot show them; the actual-vs-fitted chart and the tables keep their sign.
Chart contribution_chart(const fit::FitResult& fit, const ModelFitView& view);

// `actual-vs-fitted`: the KPI and baseline + contributions per week, with the
// holdout weeks shaded and their errors in the caption.
Chart actual_vs_fitted_chart(const fit::FitResult& fit, const ModelFitView& view);

// `spend-effect-share`: grouped bars of spend share and effect share per
// media, with 5th-95th percentile error bars on the effect share when the
// fit carries bootstrap ranges.
Chart spend_effect_share_chart(const fit::FitResult& fit);

// Returns the effect share's range implied by the bootstrap range of the
// media's total contribution, holding the other media at their point values;
// nullopt without uncertainty or when the total contribution is not positive.
std::optional<std::pair<double, double>> effect_share_range(const fit::MediaResult& media);

}  // namespace cerebro::report
