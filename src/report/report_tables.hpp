#pragma once
// The report's tables, as HTML fragments. Every cell's text is escaped here,
// so callers pass plain strings.
#include <string>
#include <vector>

#include "causal/review_result.hpp"
#include "fit/fit_result.hpp"
#include "simulate/simulation_result.hpp"

namespace cerebro::report {

// Returns an HTML table; `numeric_columns` lists the columns aligned right.
std::string html_table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows,
                       const std::vector<std::size_t>& numeric_columns = {});

// Returns "p05 – p95" of `range` in `unit`, the report's form for every range.
std::string format_range(const fit::Interval& range, const std::string& unit);

// Returns the value with its range in brackets, or with "(no range: fit without bootstrap)".
std::string with_range(double value, const std::optional<fit::Interval>& range, const std::string& unit);

// Per media: spend, contribution, historical ROI (with ranges), shares.
std::string attribution_table(const fit::FitResult& fit);

// Per media: decay rate, baseline, both curves' parameters and holdout errors, the selection.
std::string parameters_table(const fit::FitResult& fit);

// `causal-review`: the verdict table with evidence, inside its figure.
std::string review_figure(const causal::ReviewResult& review);

// Correlations, VIF, warnings, events, notes and the bootstrap settings.
std::string diagnostics_html(const fit::FitResult& fit);

// Per media recommendation with ROI, spend change and annotations.
std::string recommendations_table(const simulate::SimulationResult& simulation, const fit::FitResult& fit);

}  // namespace cerebro::report
