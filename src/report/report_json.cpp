#include "report/report_json.hpp"

#include <cmath>

#include "report/charts_fit.hpp"
#include "report/fit_view.hpp"
#include "report/report_html.hpp"

namespace cerebro::report {
namespace {

using json = nlohmann::ordered_json;

json number(double value) { return std::isfinite(value) ? json(value) : json(nullptr); }
json number(const std::optional<double>& value) { return value ? number(*value) : json(nullptr); }
json interval(const fit::Interval& range) {
  return json{{"p05", number(range.p05)}, {"p50", number(range.p50)}, {"p95", number(range.p95)}};
}
json interval(const std::optional<fit::Interval>& range) { return range ? interval(*range) : json(nullptr); }

json errors(const HoldoutErrors& value) {
  return json{{"weeks", value.weeks}, {"mae", number(value.mae)}, {"mape", number(value.mape)}};
}

json media_json(const fit::MediaResult& media) {
  json out{{"name", media.name},
           {"unit", media.unit},
           {"decimals", media.decimals},
           {"decay_rate", media.decay_rate},
           {"decay_rate_auto", media.decay_rate_auto},
           {"window_weeks", media.window_weeks},
           {"baseline", number(media.baseline)},
           {"baseline_weeks", media.baseline_weeks},
           {"selected_curve", fit::to_string(media.selected_curve)},
           {"concave", {{"beta", number(media.concave.beta)}, {"elasticity", number(media.concave.elasticity)},
                        {"holdout_mae", number(media.concave.holdout_mae)}}},
           {"hill", {{"beta", number(media.hill.beta)}, {"half_saturation", number(media.hill.half_saturation)},
                     {"hill_slope", number(media.hill.hill_slope)}, {"holdout_mae", number(media.hill.holdout_mae)}}},
           {"total_spend", number(media.total_spend)},
           {"total_contribution", number(media.total_contribution)},
           {"historical_roi", number(media.historical_roi)},
           {"spend_share", number(media.spend_share)},
           {"effect_share", number(media.effect_share)}};
  if (media.uncertainty) {
    json parameters = json::object();
    for (const auto& [name, range] : media.uncertainty->parameters) parameters[name] = interval(range);
    const auto share = effect_share_range(media);
    out["ranges"] = {{"parameters", parameters},
                     {"total_contribution", interval(media.uncertainty->total_contribution)},
                     {"historical_roi", interval(media.uncertainty->historical_roi)},
                     {"marginal_roi", interval(media.uncertainty->marginal_roi)},
                     {"effect_share", share ? json{{"p05", share->first}, {"p95", share->second}} : json(nullptr)},
                     {"other_curve_share", media.uncertainty->other_curve_share}};
  } else {
    out["ranges"] = nullptr;
  }
  return out;
}

json simulation_json(const simulate::SimulationResult& simulation) {
  json media = json::array();
  for (const auto& item : simulation.media) {
    media.push_back({{"name", item.name},
                     {"curve", item.curve},
                     {"off", item.off},
                     {"current_spend", number(item.current_spend)},
                     {"current_share", number(item.current_share)},
                     {"recommended_spend", number(item.recommended_spend)},
                     {"unconstrained_spend", number(item.unconstrained_spend)},
                     {"change_fraction", number(item.change_fraction)},
                     {"marginal_roi", number(item.marginal_roi)},
                     {"marginal_roi_range", interval(item.marginal_roi_range)},
                     {"average_roi", number(item.average_roi)},
                     {"average_roi_range", interval(item.average_roi_range)},
                     {"predicted_kpi_change", number(item.predicted_kpi_change)},
                     {"annotations", item.annotations}});
  }
  const auto& totals = simulation.totals;
  return json{{"fit_id", simulation.fit_id},
              {"current_weeks", simulation.current_weeks},
              {"budget_change", simulation.budget_change},
              {"max_change", simulation.max_change},
              {"media", media},
              {"totals",
               {{"current_spend", number(totals.current_spend)},
                {"recommended_spend", number(totals.recommended_spend)},
                {"unconstrained_spend", number(totals.unconstrained_spend)},
                {"predicted_kpi_change", number(totals.predicted_kpi_change)},
                {"unconstrained_predicted_kpi_change", number(totals.unconstrained_predicted_kpi_change)},
                {"predicted_kpi_change_range", interval(totals.predicted_kpi_change_range)}}},
              {"assumptions", simulation.assumptions},
              {"directional_only", simulation.directional_only}};
}

}  // namespace

json report_json(const ReportInputs& inputs) {
  const fit::FitResult& fit = inputs.fit;
  const ModelFitView view = model_fit_view(fit);

  json media = json::array();
  for (const auto& item : fit.media) media.push_back(media_json(item));
  json rows = json::array();
  for (const auto& row : inputs.review.rows) {
    rows.push_back({{"check", row.check}, {"reference", row.reference},
                    {"verdict", row.passed ? "PASS" : "FAIL"}, {"evidence", row.evidence}});
  }
  json warnings = json::array();
  for (const auto& warning : fit.warnings) {
    warnings.push_back({{"code", warning.code}, {"media", warning.media}, {"message", warning.message}});
  }

  json out{{"fit_id", fit.fit_id},
           {"kpi", {{"name", fit.kpi_name}, {"unit", fit.kpi_unit}}},
           {"weeks",
            {{"first", fit.weeks.empty() ? "" : fit.weeks[static_cast<std::size_t>(view.first_week)]},
             {"last", fit.weeks.empty() ? "" : fit.weeks.back()},
             {"warmup", fit.warmup_weeks},
             {"modeling", fit.modeling_weeks},
             {"training", fit.training_weeks},
             {"holdout", fit.holdout_weeks}}},
           {"directional_only", fit.directional_only},
           {"baseline", number(view.baseline)},
           {"holdout_errors", errors(view.holdout)},
           {"training_errors", view.training ? errors(*view.training) : json(nullptr)},
           {"media", media},
           {"warnings", warnings},
           {"review",
            {{"verdict", inputs.review.passed ? "PASS" : "BLOCK"},
             {"rows", rows},
             {"fixes", inputs.review.fixes},
             {"caveats", inputs.review.caveats},
             {"dag_path", inputs.review.dag_path},
             {"dag_sha256", inputs.review.dag_sha256},
             {"fit_sha256", inputs.review.fit_sha256}}},
           {"simulation", inputs.simulation ? simulation_json(*inputs.simulation) : json(nullptr)},
           {"charts", required_chart_names(inputs.simulation != nullptr)}};
  return out;
}

}  // namespace cerebro::report
