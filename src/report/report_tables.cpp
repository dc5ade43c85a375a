#include "report/report_tables.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "report/fit_view.hpp"
#include "report/number_format.hpp"
#include "report/svg_document.hpp"

namespace cerebro::report {
namespace {

std::string optional_number(const std::optional<double>& value) {
  return value ? format_number(*value) : "not fitted";
}

std::string list_html(const std::vector<std::string>& items) {
  std::string out = "<ul>";
  for (const auto& item : items) out += "<li>" + escape_xml(item) + "</li>";
  return out + "</ul>\n";
}

}  // namespace

std::string html_table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows,
                       const std::vector<std::size_t>& numeric_columns) {
  auto is_numeric = [&numeric_columns](std::size_t column) {
    return std::find(numeric_columns.begin(), numeric_columns.end(), column) != numeric_columns.end();
  };
  std::string out = "<div class=\"table-wrap\"><table>\n<thead><tr>";
  for (std::size_t c = 0; c < headers.size(); ++c) {
    out += std::string(is_numeric(c) ? "<th class=\"num\">" : "<th>") + escape_xml(headers[c]) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : rows) {
    out += "<tr>";
    for (std::size_t c = 0; c < row.size(); ++c) {
      out += std::string(is_numeric(c) ? "<td class=\"num\">" : "<td>") + escape_xml(row[c]) + "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table></div>\n";
}

std::string format_range(const fit::Interval& range, const std::string& unit) {
  return format_quantity(range.p05, unit) + " – " + format_quantity(range.p95, unit);
}

std::string with_range(double value, const std::optional<fit::Interval>& range, const std::string& unit) {
  const std::string point = format_quantity(value, unit);
  if (!range) return point + " (no range: fit without bootstrap)";
  return point + " (5th–95th pct. " + format_range(*range, unit) + ")";
}

std::string attribution_table(const fit::FitResult& fit) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& media : fit.media) {
    std::optional<fit::Interval> contribution_range, roi_range;
    if (media.uncertainty) {
      contribution_range = media.uncertainty->total_contribution;
      roi_range = media.uncertainty->historical_roi;
    }
    const std::string roi = media.historical_roi ? with_range(*media.historical_roi, roi_range, "")
                                                 : std::string("n/a (no spend)");
    rows.push_back({media.name, format_quantity(media.total_spend, spend_unit_label(media)),
                    with_range(media.total_contribution, contribution_range, fit.kpi_unit),
                    fmt::format("{} {}", roi, roi_unit(fit, media)),
                    format_percent(media.spend_share), format_percent(media.effect_share)});
  }
  return html_table({"Media", "Total spend", "Total contribution", "Historical ROI", "Spend share", "Effect share"},
                    rows, {1, 2, 3, 4, 5});
}

std::string parameters_table(const fit::FitResult& fit) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& media : fit.media) {
    const bool hill = media.selected_curve == transform::CurveKind::hill;
    rows.push_back({media.name,
                    fmt::format("{:.2f}{}", media.decay_rate, media.decay_rate_auto ? " (auto)" : ""),
                    std::to_string(media.window_weeks),
                    format_quantity(media.baseline, fit.kpi_unit) + " (" + std::to_string(media.baseline_weeks) +
                        " weeks)",
                    "beta " + optional_number(media.concave.beta) + ", elasticity " +
                        optional_number(media.concave.elasticity),
                    media.concave.holdout_mae ? format_quantity(*media.concave.holdout_mae, fit.kpi_unit) : "n/a",
                    "beta " + optional_number(media.hill.beta) + ", K " +
                        optional_number(media.hill.half_saturation) + ", S " + optional_number(media.hill.hill_slope),
                    media.hill.holdout_mae ? format_quantity(*media.hill.holdout_mae, fit.kpi_unit) : "n/a",
                    hill ? "Hill" : "concave"});
  }
  return html_table({"Media", "Decay rate", "Window (weeks)", "Baseline", "Concave parameters", "Concave holdout MAE",
                     "Hill parameters", "Hill holdout MAE", "Selected"},
                    rows, {1, 2, 3, 5, 7});
}

std::string review_figure(const causal::ReviewResult& review) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : review.rows) {
    rows.push_back({row.check, row.reference, row.passed ? "PASS" : "FAIL", row.evidence});
  }
  std::string out = "<figure class=\"chart review\" data-chart=\"causal-review\">\n";
  out += html_table({"Check", "Reference", "Verdict", "Evidence"}, rows);
  out += std::string("<p class=\"verdict ") + (review.passed ? "pass" : "block") + "\">VERDICT: " +
         (review.passed ? "PASS" : "BLOCK") + "</p>\n";
  if (!review.fixes.empty()) out += "<p>Prescribed fixes, in priority order:</p>" + list_html(review.fixes);
  if (!review.caveats.empty()) out += "<p>Caveats:</p>" + list_html(review.caveats);
  out += "<figcaption>The causal review of the DAG " + escape_xml(review.dag_path) + " (SHA-256 " +
         escape_xml(review.dag_sha256.substr(0, 12)) + "…), bound to fit " + escape_xml(review.fit_id.substr(0, 12)) +
         "…. The reviewer reads the graph and the data, never the coefficients.</figcaption>\n</figure>\n";
  return out;
}

std::string diagnostics_html(const fit::FitResult& fit) {
  std::string out;
  out += "<h3>Correlation of weekly spend</h3>\n";
  if (fit.correlations.empty()) {
    out += "<p>One media only, so there are no pairs to correlate.</p>\n";
  } else {
    std::vector<std::vector<std::string>> rows;
    for (const auto& pair : fit.correlations) rows.push_back({pair.a, pair.b, fmt::format("{:.3f}", pair.value)});
    out += html_table({"Media", "Media", "Pearson correlation"}, rows, {2});
  }
  out += "<h3>Variance inflation factors</h3>\n";
  if (fit.vif.empty()) {
    out += "<p>Not computed (fewer than two media).</p>\n";
  } else {
    std::vector<std::vector<std::string>> rows;
    for (const auto& [name, value] : fit.vif) rows.push_back({name, fmt::format("{:.2f}", value)});
    out += html_table({"Media", "VIF"}, rows, {1});
  }
  out += "<h3>Warnings</h3>\n";
  if (fit.warnings.empty()) {
    out += "<p>The fit raised no warnings.</p>\n";
  } else {
    std::vector<std::vector<std::string>> rows;
    for (const auto& warning : fit.warnings) {
      rows.push_back({warning.code, warning.media.empty() ? "whole fit" : warning.media, warning.message});
    }
    out += html_table({"Code", "Concerns", "Message"}, rows);
  }
  out += "<h3>Events (level shifts)</h3>\n";
  if (fit.events.empty()) {
    out += "<p>No step events were declared.</p>\n";
  } else {
    std::vector<std::vector<std::string>> rows;
    for (const auto& event : fit.events) {
      rows.push_back({event.name, event.date, event.week, format_quantity(event.level_shift, fit.kpi_unit)});
    }
    out += html_table({"Event", "Date", "From week", "Level shift removed"}, rows, {3});
  }
  if (!fit.decomposition.over_attributed_weeks.empty()) {
    out += "<h3>Over-attributed weeks</h3>\n<p>In these weeks the contributions sum above the KPI minus the lowest "
           "media baseline: " +
           escape_xml(fmt::format("{}", fmt::join(fit.decomposition.over_attributed_weeks, ", "))) + ".</p>\n";
  }
  out += "<h3>Data handling</h3>\n";
  std::vector<std::string> notes = fit.notes;
  if (!fit.controls_note.empty()) notes.push_back(fit.controls_note);
  if (fit.bootstrap) {
    notes.push_back("Ranges: " + fit.bootstrap->method + ", " + std::to_string(fit.bootstrap->resamples) +
                    " resamples, blocks of " + std::to_string(fit.bootstrap->block_length_weeks) + " weeks, seed " +
                    std::to_string(fit.bootstrap->seed) + ".");
  } else {
    notes.push_back("No bootstrap ran, so ROI and contribution are shown without ranges.");
  }
  out += list_html(notes);
  return out;
}

std::string recommendations_table(const simulate::SimulationResult& simulation, const fit::FitResult& fit) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& media : simulation.media) {
    std::string unit;
    for (const auto& fitted : fit.media) {
      if (fitted.name == media.name) unit = spend_unit_label(fitted);
    }
    std::string annotations = fmt::format("{}", fmt::join(media.annotations, "; "));
    if (media.off) annotations = annotations.empty() ? "off in the current window" : annotations + "; off";
    rows.push_back({media.name, media.curve, format_quantity(media.current_spend, unit),
                    format_quantity(media.recommended_spend, unit),
                    fmt::format("{}{}", media.change_fraction > 0 ? "+" : "", format_percent(media.change_fraction)),
                    with_range(media.marginal_roi, media.marginal_roi_range, ""),
                    with_range(media.average_roi, media.average_roi_range, ""),
                    format_quantity(media.predicted_kpi_change, fit.kpi_unit), annotations});
  }
  return html_table({"Media", "Curve", "Current / week", "Proposed / week", "Change", "Marginal ROI", "Average ROI",
                     "KPI change / week", "Annotations"},
                    rows, {2, 3, 4, 5, 6, 7});
}

}  // namespace cerebro::report
