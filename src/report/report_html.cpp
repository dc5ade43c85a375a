#include "report/report_html.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "core/errors.hpp"
#include "report/charts_fit.hpp"
#include "report/charts_media.hpp"
#include "report/charts_simulation.hpp"
#include "report/fit_view.hpp"
#include "report/number_format.hpp"
#include "report/report_style.hpp"
#include "report/report_tables.hpp"
#include "report/svg_document.hpp"

namespace cerebro::report {
namespace {

std::string join_names(const fit::FitResult& fit) {
  std::string out;
  for (std::size_t m = 0; m < fit.media.size(); ++m) {
    if (m > 0) out += m + 1 == fit.media.size() ? " and " : ", ";
    out += fit.media[m].name;
  }
  return out;
}

std::string curve_name(transform::CurveKind kind) { return kind == transform::CurveKind::hill ? "Hill" : "concave"; }

std::string header_html(const fit::FitResult& fit) {
  const int first = std::min<int>(fit.warmup_weeks, static_cast<int>(fit.weeks.size()) - 1);
  std::string out = "<header>\n<p class=\"eyebrow\">Marketing mix report</p>\n";
  out += "<h1>What drove " + escape_xml(fit.kpi_name) + (fit.kpi_unit.empty() ? "" : " (" + escape_xml(fit.kpi_unit) + ")") +
         "</h1>\n";
  out += "<p class=\"meta\">" + std::to_string(fit.modeling_weeks) + " weeks modelled, " +
         escape_xml(fit.weeks[static_cast<std::size_t>(first)]) + " to " + escape_xml(fit.weeks.back()) + " (after " +
         std::to_string(fit.warmup_weeks) + " warm-up weeks; " + std::to_string(fit.training_weeks) + " training, " +
         std::to_string(fit.holdout_weeks) + " holdout) · media: " + escape_xml(join_names(fit)) + "</p>\n</header>\n";
  return out;
}

std::string directional_banner() {
  return "<div class=\"banner\" data-banner=\"directional-only\" role=\"note\"><strong>Directional only.</strong> "
         "Fewer than 60 weeks follow the adstock warm-up, too few to estimate response curves reliably. Read the "
         "ranking of media, not the exact ROI values.</div>\n";
}

std::string roi_sentence(const fit::FitResult& fit, const fit::MediaResult& media) {
  if (!media.historical_roi) return "no spend, so no ROI";
  std::string text = "historical ROI " + format_number(*media.historical_roi) + " " + roi_unit(fit, media);
  if (media.uncertainty) {
    text += " (5th–95th percentile " + format_number(media.uncertainty->historical_roi.p05) + " to " +
            format_number(media.uncertainty->historical_roi.p95) + ")";
  } else {
    text += " (no range: the fit ran without bootstrap)";
  }
  return text;
}

std::string findings_html(const fit::FitResult& fit, const ModelFitView& view,
                          const causal::ReviewResult& review,
                          const simulate::SimulationResult* simulation) {
  std::vector<std::string> items;
  const auto order = media_by_contribution(fit);
  const auto& top = fit.media[order.front()];
  items.push_back(top.name + " drove the largest share of the attributed " + fit.kpi_name + ": " +
                  format_percent(top.effect_share) + " of the effect for " + format_percent(top.spend_share) +
                  " of the spend, " + roi_sentence(fit, top) + ".");
  for (std::size_t i = 1; i < order.size(); ++i) {
    const auto& media = fit.media[order[i]];
    items.push_back(media.name + ": " + format_percent(media.effect_share) + " of the effect for " +
                    format_percent(media.spend_share) + " of the spend, " + roi_sentence(fit, media) + ".");
  }
  for (const auto& media : fit.media) {
    const auto& chosen_mae = media.selected_curve == transform::CurveKind::hill ? media.hill.holdout_mae
                                                                               : media.concave.holdout_mae;
    const auto& other_mae = media.selected_curve == transform::CurveKind::hill ? media.concave.holdout_mae
                                                                              : media.hill.holdout_mae;
    std::string text = "For " + media.name + " the " + curve_name(media.selected_curve) + " curve was selected";
    if (chosen_mae && other_mae) {
      text += " by holdout error (" + format_quantity(*chosen_mae, fit.kpi_unit) + " vs " +
              format_quantity(*other_mae, fit.kpi_unit) + " mean absolute error)";
    }
    items.push_back(text + "; adstock decay rate " + fmt::format("{:.2f}", media.decay_rate) + ".");
  }
  std::string accuracy = "On the " + std::to_string(view.holdout.weeks) +
                         " holdout weeks the model is off by " + format_quantity(view.holdout.mae, fit.kpi_unit) +
                         " per week on average";
  if (view.holdout.mape) accuracy += " (" + format_percent(*view.holdout.mape) + ")";
  items.push_back(accuracy + ".");
  if (simulation) {
    items.push_back("The budget simulation predicts " + format_quantity(simulation->totals.predicted_kpi_change, fit.kpi_unit) +
                    " of " + fit.kpi_name + " per week from the proposed reallocation.");
  }

  std::vector<std::string> caveats;
  if (fit.directional_only) caveats.push_back("Directional only: fewer than 60 weeks after warm-up.");
  if (!fit.warnings.empty()) {
    caveats.push_back(std::to_string(fit.warnings.size()) + " warning(s) from the fit; see Diagnostics.");
  }
  if (!fit.decomposition.over_attributed_weeks.empty()) {
    caveats.push_back(std::to_string(fit.decomposition.over_attributed_weeks.size()) +
                      " week(s) where contributions exceed the KPI above baseline (over-attribution).");
  }
  // The review's own caveats name effects that are identifiable only through an
  // adjustment the per-media fit does not make; they belong in the summary.
  for (const std::string& caveat : review.caveats) caveats.push_back("Causal review: " + caveat);
  caveats.push_back("Attribution is causal only under the reviewed DAG; the review passed, but unmodelled drivers "
                    "of " + fit.kpi_name + " end up in the baseline or the residual.");

  std::string out = "<section id=\"summary\">\n<h2>Summary of findings</h2>\n<div class=\"findings\"><ul>";
  for (const auto& item : items) out += "<li>" + escape_xml(item) + "</li>";
  out += "</ul></div>\n<h3>Caveats</h3>\n<ul>";
  for (const auto& caveat : caveats) out += "<li>" + escape_xml(caveat) + "</li>";
  return out + "</ul>\n</section>\n";
}

std::string section(const std::string& id, const std::string& title, const std::string& intro, const std::string& body) {
  return "<section id=\"" + id + "\">\n<h2>" + escape_xml(title) + "</h2>\n" +
         (intro.empty() ? "" : "<p>" + escape_xml(intro) + "</p>\n") + body + "</section>\n";
}

std::string simulation_html(const simulate::SimulationResult& simulation, const fit::FitResult& fit) {
  const auto& totals = simulation.totals;
  std::string range_text;
  if (totals.predicted_kpi_change_range) {
    range_text = "5th–95th pct. " + format_range(*totals.predicted_kpi_change_range, fit.kpi_unit);
  } else {
    range_text = "no range: the fit ran without bootstrap";
  }
  std::string spend_unit = spend_unit_label(fit.media.front());
  for (const auto& media : fit.media) {
    if (spend_unit_label(media) != spend_unit) spend_unit = "";
  }
  std::string body = "<div class=\"headline\">";
  body += "<div><span class=\"value\" data-headline=\"predicted-kpi-change\">" +
          escape_xml((totals.predicted_kpi_change > 0 ? "+" : "") + format_quantity(totals.predicted_kpi_change, fit.kpi_unit)) +
          "</span><span class=\"label\">predicted change in " + escape_xml(fit.kpi_name) + " per week (" +
          escape_xml(range_text) + ")</span></div>";
  body += "<div><span class=\"value\">" + escape_xml(format_quantity(totals.recommended_spend, spend_unit)) +
          "</span><span class=\"label\">proposed weekly spend, from " +
          escape_xml(format_quantity(totals.current_spend, spend_unit)) + " (budget change " +
          escape_xml(format_percent(simulation.budget_change)) + ")</span></div>";
  body += "<div><span class=\"value\">" +
          escape_xml(format_quantity(totals.unconstrained_predicted_kpi_change, fit.kpi_unit)) +
          "</span><span class=\"label\">predicted change without the " +
          escape_xml(format_percent(simulation.max_change, 0)) + " per-media cap</span></div></div>\n";
  if (simulation.directional_only) body += directional_banner();
  body += render_figure(marginal_roi_chart(simulation, fit));
  body += render_figure(current_vs_proposed_chart(simulation, fit));
  body += render_figure(allocation_chart(simulation, fit));
  body += "<h3>Recommendations</h3>\n" + recommendations_table(simulation, fit);
  body += "<h3>Held constant</h3>\n<ul>";
  for (const auto& assumption : simulation.assumptions) body += "<li>" + escape_xml(assumption) + "</li>";
  body += "</ul>\n";
  return section("simulation", "Budget simulation",
                 "Steady-state response of each media's fitted curve when weekly spend is held at a new level; "
                 "current spend is the mean of the last " +
                     std::to_string(simulation.current_weeks) + " weeks.",
                 body);
}

}  // namespace

std::vector<std::string> required_chart_names(bool with_simulation) {
  std::vector<std::string> names{"contribution",  "spend-effect-share", "response-curves",
                                 "adstock-decay", "causal-review",      "actual-vs-fitted"};
  if (with_simulation) names.insert(names.end(), {"marginal-roi", "current-vs-proposed", "allocation"});
  return names;
}

void require_charts(std::string_view html, bool with_simulation) {
  std::string missing;
  for (const auto& name : required_chart_names(with_simulation)) {
    if (html.find("data-chart=\"" + name + "\"") == std::string_view::npos) missing += (missing.empty() ? "" : ", ") + name;
  }
  if (!missing.empty()) throw std::logic_error("the report is missing required charts: " + missing);
}

std::string render_report_html(const ReportInputs& inputs) {
  const fit::FitResult& fit = inputs.fit;
  if (!inputs.review.passed) {
    throw core::GateClosedError("the causal review of fit " + fit.fit_id +
                                " is BLOCK, so no report is rendered. Apply the review's fixes and re-run "
                                "`cerebro-mmm review`.");
  }
  if (inputs.simulation && !inputs.simulation->fit_id.empty() && inputs.simulation->fit_id != fit.fit_id) {
    throw core::InputError("simulation.json belongs to fit " + inputs.simulation->fit_id + ", not to fit " + fit.fit_id +
                           ". Re-run `cerebro-mmm simulate` on this fit directory.");
  }
  const ModelFitView view = model_fit_view(fit);

  std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  html += "<title>" + escape_xml(fit.kpi_name) + " marketing mix report</title>\n<style>" + std::string(kReportCss) +
          "</style>\n</head>\n<body>\n<main>\n";
  html += header_html(fit);
  if (fit.directional_only) html += directional_banner();
  html += findings_html(fit, view, inputs.review, inputs.simulation);

  html += section("fit", "How well the model fits",
                  "The fitted line adds each media's contribution to the baseline; the holdout weeks at the end were "
                  "not used to fit the curves.",
                  render_figure(actual_vs_fitted_chart(fit, view)) + render_figure(contribution_chart(fit, view)));
  html += section("attribution", "Attribution and ROI",
                  "Totals over the weeks after warm-up. Historical ROI is total contribution over total spend.",
                  attribution_table(fit) + render_figure(spend_effect_share_chart(fit)));
  html += section("curves", "Response curves and carryover",
                  "Both curves are fitted for every media and the one with the lower holdout error is used.",
                  render_figure(response_curves_chart(fit, view)) + parameters_table(fit) +
                      render_figure(adstock_decay_chart(fit)));
  html += section("review", "Causal review", "", review_figure(inputs.review));
  html += section("diagnostics", "Diagnostics", "", diagnostics_html(fit));
  if (inputs.simulation) html += simulation_html(*inputs.simulation, fit);

  html += "<footer>Generated by cerebro-mmm " CEREBRO_VERSION " · fit " + escape_xml(fit.fit_id) + " · DAG SHA-256 " +
          escape_xml(inputs.review.dag_sha256) + "</footer>\n</main>\n</body>\n</html>\n";
  require_charts(html, inputs.simulation != nullptr);
  return html;
}

}  // namespace cerebro::report
