#include "simulate/simulation_json.hpp"

#include <cmath>

#include "core/errors.hpp"
#include "core/json_reader.hpp"

namespace cerebro::simulate {
namespace {
using json = nlohmann::ordered_json;

json number_or_null(double value) { return std::isfinite(value) ? json(value) : json(nullptr); }

json optional_number(const std::optional<double>& value) {
  return value && std::isfinite(*value) ? json(*value) : json(nullptr);
}

json optional_range(const std::optional<fit::Interval>& range) {
  if (!range) return nullptr;
  return json{{"p05", range->p05}, {"p50", range->p50}, {"p95", range->p95}};
}

json media_json(const MediaRecommendation& media) {
  return json{
      {"name", media.name},
      {"curve", media.curve},
      {"off", media.off},
      {"current_spend", number_or_null(media.current_spend)},
      {"current_share", number_or_null(media.current_share)},
      {"recommended_spend", number_or_null(media.recommended_spend)},
      {"unconstrained_spend", number_or_null(media.unconstrained_spend)},
      {"change_fraction", number_or_null(media.change_fraction)},
      {"marginal_roi", number_or_null(media.marginal_roi)},
      {"marginal_roi_range", optional_range(media.marginal_roi_range)},
      {"average_roi", number_or_null(media.average_roi)},
      {"average_roi_range", optional_range(media.average_roi_range)},
      {"marginal_return_per_adstock_unit", optional_number(media.marginal_return_per_adstock_unit)},
      {"predicted_kpi_change", number_or_null(media.predicted_kpi_change)},
      {"predicted_kpi_change_range", optional_range(media.predicted_kpi_change_range)},
      {"annotations", media.annotations},
  };
}

// The shared reader plus simulation.json's optional percentile ranges.
struct Reader : core::JsonReader {
  using core::JsonReader::JsonReader;

  std::optional<fit::Interval> range(const json& object, const std::string& key,
                                     const std::string& path) const {
    if (!object.contains(key) || object.at(key).is_null()) return std::nullopt;
    const std::string inner = path + key + ".";
    const json& value = object.at(key);
    return fit::Interval{number(value, "p05", inner), number(value, "p50", inner),
                         number(value, "p95", inner)};
  }
};

}  // namespace

json to_json(const SimulationResult& result) {
  json media = json::array();
  for (const MediaRecommendation& row : result.media) media.push_back(media_json(row));
  const SimulationTotals& totals = result.totals;
  return json{
      {"fit_id", result.fit_id},
      {"options",
       {{"current_weeks", result.current_weeks},
        {"budget_change", result.budget_change},
        {"max_change", result.max_change}}},
      {"directional_only", result.directional_only},
      {"media", media},
      {"totals",
       {{"current_spend", number_or_null(totals.current_spend)},
        {"recommended_spend", number_or_null(totals.recommended_spend)},
        {"unconstrained_spend", number_or_null(totals.unconstrained_spend)},
        {"predicted_kpi_change", number_or_null(totals.predicted_kpi_change)},
        {"predicted_kpi_change_range", optional_range(totals.predicted_kpi_change_range)},
        {"unconstrained_predicted_kpi_change",
         number_or_null(totals.unconstrained_predicted_kpi_change)}}},
      {"assumptions", result.assumptions},
  };
}

std::string to_json_text(const SimulationResult& result) { return to_json(result).dump(2) + "\n"; }

SimulationResult simulation_from_json(std::string_view text, const std::string& origin) {
  const Reader r{origin, "Re-run `cerebro-mmm simulate` to write a fresh simulation.json"};
  const json root = r.parse(text);
  SimulationResult result;
  result.fit_id = r.text(root, "fit_id", "");
  const json& options = r.at(root, "options", "");
  result.current_weeks = r.integer(options, "current_weeks", "options.");
  result.budget_change = r.number(options, "budget_change", "options.");
  result.max_change = r.number(options, "max_change", "options.");
  result.directional_only = r.boolean(root, "directional_only", "");

  const json& media = r.at(root, "media", "");
  if (!media.is_array()) r.fail("media", "is not an array");
  for (std::size_t index = 0; index < media.size(); ++index) {
    const json& item = media[index];
    const std::string path = "media[" + std::to_string(index) + "].";
    MediaRecommendation row;
    row.name = r.text(item, "name", path);
    row.curve = r.text(item, "curve", path);
    row.off = r.boolean(item, "off", path);
    row.current_spend = r.number(item, "current_spend", path);
    row.current_share = r.number(item, "current_share", path);
    row.recommended_spend = r.number(item, "recommended_spend", path);
    row.unconstrained_spend = r.number(item, "unconstrained_spend", path);
    row.change_fraction = r.number(item, "change_fraction", path);
    row.marginal_roi = r.number(item, "marginal_roi", path);
    row.marginal_roi_range = r.range(item, "marginal_roi_range", path);
    row.average_roi = r.number(item, "average_roi", path);
    row.average_roi_range = r.range(item, "average_roi_range", path);
    row.marginal_return_per_adstock_unit = r.optional(item, "marginal_return_per_adstock_unit", path);
    row.predicted_kpi_change = r.number(item, "predicted_kpi_change", path);
    row.predicted_kpi_change_range = r.range(item, "predicted_kpi_change_range", path);
    row.annotations = r.texts(item, "annotations", path);
    result.media.push_back(std::move(row));
  }

  const json& totals = r.at(root, "totals", "");
  result.totals.current_spend = r.number(totals, "current_spend", "totals.");
  result.totals.recommended_spend = r.number(totals, "recommended_spend", "totals.");
  result.totals.unconstrained_spend = r.number(totals, "unconstrained_spend", "totals.");
  result.totals.predicted_kpi_change = r.number(totals, "predicted_kpi_change", "totals.");
  result.totals.predicted_kpi_change_range = r.range(totals, "predicted_kpi_change_range", "totals.");
  result.totals.unconstrained_predicted_kpi_change =
      r.number(totals, "unconstrained_predicted_kpi_change", "totals.");
  result.assumptions = r.texts(root, "assumptions", "");
  return result;
}

}  // namespace cerebro::simulate
