#include "fit/fit_result_json.hpp"

#include <cmath>
#include <limits>

#include "core/errors.hpp"
#include "core/hashing.hpp"
#include "core/json_reader.hpp"

namespace cerebro::fit {
namespace {
using json = nlohmann::ordered_json;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

json number_or_null(double value) { return std::isfinite(value) ? json(value) : json(nullptr); }

json optional_number(const std::optional<double>& value) {
  return value && std::isfinite(*value) ? json(*value) : json(nullptr);
}

json weekly(const std::vector<double>& values) {
  json array = json::array();
  for (double value : values) array.push_back(number_or_null(value));
  return array;
}

json interval(const Interval& range) {
  return json{{"p05", range.p05}, {"p50", range.p50}, {"p95", range.p95}};
}

// The shared reader plus fit.json's weekly arrays and percentile ranges.
struct Reader : core::JsonReader {
  using core::JsonReader::JsonReader;

  std::vector<double> weekly(const json& object, const std::string& key, const std::string& path,
                             std::size_t length) const {
    const json& value = at(object, key, path);
    if (!value.is_array()) fail(path + key, "is not an array");
    if (value.size() != length) {
      fail(path + key, "has " + std::to_string(value.size()) + " entries instead of " +
                           std::to_string(length));
    }
    std::vector<double> values;
    values.reserve(value.size());
    for (const json& entry : value) {
      if (entry.is_null()) {
        values.push_back(kNaN);
      } else if (entry.is_number()) {
        values.push_back(entry.get<double>());
      } else {
        fail(path + key, "holds a value that is neither a number nor null");
      }
    }
    return values;
  }
  Interval range(const json& object, const std::string& key, const std::string& path) const {
    const json& value = at(object, key, path);
    const std::string inner = path + key + ".";
    return Interval{number(value, "p05", inner), number(value, "p50", inner),
                    number(value, "p95", inner)};
  }
};

json media_json(const MediaResult& media) {
  json grid = json::array();
  for (const auto& [decay_rate, mae] : media.decay_rate_grid) {
    grid.push_back(json{{"decay_rate", decay_rate}, {"holdout_mae", number_or_null(mae)}});
  }
  json item{
      {"name", media.name},
      {"unit", media.unit},
      {"source", media.source},
      {"decimals", media.decimals},
      {"decay_rate", media.decay_rate},
      {"decay_rate_auto", media.decay_rate_auto},
      {"decay_rate_grid", grid},
      {"window_weeks", media.window_weeks},
      {"spend", weekly(media.spend)},
      {"adstock", weekly(media.adstock)},
      {"p10_adstock", media.p10_adstock},
      {"baseline", media.baseline},
      {"baseline_weeks", media.baseline_weeks},
      {"curves",
       {{"concave",
         {{"beta", optional_number(media.concave.beta)},
          {"elasticity", optional_number(media.concave.elasticity)},
          {"holdout_mae", optional_number(media.concave.holdout_mae)},
          {"fitted_weeks", media.concave.fitted_weeks}}},
        {"hill",
         {{"beta", optional_number(media.hill.beta)},
          {"half_saturation", optional_number(media.hill.half_saturation)},
          {"hill_slope", optional_number(media.hill.hill_slope)},
          {"holdout_mae", optional_number(media.hill.holdout_mae)},
          {"training_sse", optional_number(media.hill.training_sse)}}}}},
      {"selected_curve", to_string(media.selected_curve)},
      {"contribution", weekly(media.contribution)},
      {"total_spend", media.total_spend},
      {"total_contribution", media.total_contribution},
      {"historical_roi", optional_number(media.historical_roi)},
      {"spend_share", media.spend_share},
      {"effect_share", media.effect_share},
  };
  if (media.uncertainty) {
    const MediaUncertainty& u = *media.uncertainty;
    json parameters = json::object();
    for (const auto& [name, range] : u.parameters) parameters[name] = interval(range);
    item["uncertainty"] = json{{"parameters", parameters},
                               {"total_contribution", interval(u.total_contribution)},
                               {"historical_roi", interval(u.historical_roi)},
                               {"marginal_roi", interval(u.marginal_roi)},
                               {"other_curve_share", u.other_curve_share}};
  }
  return item;
}

json body_json(const FitResult& result) {
  json correlations = json::array();
  for (const Correlation& c : result.correlations) {
    correlations.push_back(json{{"a", c.a}, {"b", c.b}, {"value", number_or_null(c.value)}});
  }
  json vif = json::object();
  for (const auto& [name, value] : result.vif) vif[name] = number_or_null(value);
  json warnings = json::array();
  for (const FitWarning& w : result.warnings) {
    warnings.push_back(json{{"code", w.code}, {"media", w.media}, {"message", w.message}});
  }
  json media = json::array();
  for (const MediaResult& m : result.media) media.push_back(media_json(m));
  json controls = json::array();
  for (const ControlResult& c : result.controls) {
    controls.push_back(json{{"name", c.name}, {"unit", c.unit}, {"source", c.source},
                            {"values", weekly(c.values)}});
  }
  json events = json::array();
  for (const EventResult& e : result.events) {
    events.push_back(json{{"name", e.name}, {"date", e.date}, {"week", e.week},
                          {"level_shift", e.level_shift}});
  }
  json out{
      {"schema_version", result.schema_version},
      {"week_start", result.week_start},
      {"weeks", result.weeks},
      {"kpi", {{"name", result.kpi_name}, {"unit", result.kpi_unit}, {"source", result.kpi_source},
               {"values", weekly(result.kpi_values)},
               {"adjusted_values", weekly(result.kpi_adjusted)}}},
      {"warmup_weeks", result.warmup_weeks},
      {"modeling_weeks", result.modeling_weeks},
      {"training_weeks", result.training_weeks},
      {"holdout_weeks", result.holdout_weeks},
      {"directional_only", result.directional_only},
      {"correlations", correlations},
      {"vif", vif},
      {"warnings", warnings},
      {"media", media},
      {"controls", controls},
      {"controls_note", result.controls_note},
      {"events", events},
      {"decomposition",
       {{"remainder", weekly(result.decomposition.remainder)},
        {"over_attributed_weeks", result.decomposition.over_attributed_weeks}}},
      {"notes", result.notes},
  };
  if (result.bootstrap) {
    out["bootstrap"] = json{{"method", result.bootstrap->method},
                            {"resamples", result.bootstrap->resamples},
                            {"block_length_weeks", result.bootstrap->block_length_weeks},
                            {"seed", result.bootstrap->seed}};
  }
  return out;
}

}  // namespace

const char* to_string(CurveKind kind) { return kind == CurveKind::hill ? "hill" : "concave"; }

std::string compute_fit_id(const FitResult& result) {
  return core::sha256_hex(body_json(result).dump());
}

json to_json(const FitResult& result) {
  json out = body_json(result);
  out["fit_id"] = result.fit_id.empty() ? compute_fit_id(result) : result.fit_id;
  return out;
}

std::string to_json_text(const FitResult& result) { return to_json(result).dump(2) + "\n"; }

FitResult fit_result_from_json(std::string_view text, const std::string& origin) {
  const Reader r{origin, "Re-run `cerebro-mmm fit` to write a fresh fit.json"};
  const json root = r.parse(text);
  FitResult result;
  result.schema_version = r.integer(root, "schema_version", "");
  if (result.schema_version != kSchemaVersion) {
    r.fail("schema_version", "is " + std::to_string(result.schema_version) + ", expected " +
                                 std::to_string(kSchemaVersion));
  }
  result.week_start = r.text(root, "week_start", "");
  const json& weeks = r.at(root, "weeks", "");
  if (!weeks.is_array()) r.fail("weeks", "is not an array");
  for (const json& week : weeks) {
    if (!week.is_string()) r.fail("weeks", "holds a value that is not a date string");
    result.weeks.push_back(week.get<std::string>());
  }
  const std::size_t n = result.weeks.size();
  const json& kpi = r.at(root, "kpi", "");
  result.kpi_name = r.text(kpi, "name", "kpi.");
  result.kpi_unit = kpi.value("unit", "");
  result.kpi_source = kpi.value("source", "");
  result.kpi_values = r.weekly(kpi, "values", "kpi.", n);
  result.kpi_adjusted =
      kpi.contains("adjusted_values") ? r.weekly(kpi, "adjusted_values", "kpi.", n) : result.kpi_values;
  result.warmup_weeks = r.integer(root, "warmup_weeks", "");
  result.modeling_weeks = root.contains("modeling_weeks") ? r.integer(root, "modeling_weeks", "")
                                                          : int(n) - result.warmup_weeks;
  result.holdout_weeks = r.integer(root, "holdout_weeks", "");
  result.training_weeks = root.contains("training_weeks")
                              ? r.integer(root, "training_weeks", "")
                              : result.modeling_weeks - result.holdout_weeks;
  result.directional_only = r.boolean(root, "directional_only", "");

  for (const json& c : r.at(root, "correlations", "")) {
    const auto value = r.optional(c, "value", "correlations[].");
    result.correlations.push_back(Correlation{r.text(c, "a", "correlations[]."),
                                              r.text(c, "b", "correlations[]."),
                                              value.value_or(kNaN)});
  }
  for (const auto& [name, value] : r.at(root, "vif", "").items()) {
    result.vif[name] = value.is_number() ? value.get<double>() : kNaN;
  }
  for (const json& w : r.at(root, "warnings", "")) {
    result.warnings.push_back(FitWarning{r.text(w, "code", "warnings[]."),
                                         r.text(w, "media", "warnings[]."),
                                         r.text(w, "message", "warnings[].")});
  }
  const json& media_list = r.at(root, "media", "");
  if (!media_list.is_array()) r.fail("media", "is not an array");
  for (const json& m : media_list) {
    MediaResult media;
    const std::string p = "media[].";
    media.name = r.text(m, "name", p);
    const std::string mp = "media[" + media.name + "].";
    media.unit = m.value("unit", "");
    media.source = m.value("source", "");
    media.decimals = m.contains("decimals") ? r.integer(m, "decimals", mp) : 0;
    media.decay_rate = r.number(m, "decay_rate", mp);
    media.decay_rate_auto = m.value("decay_rate_auto", false);
    if (m.contains("decay_rate_grid")) {
      for (const json& g : m.at("decay_rate_grid")) {
        media.decay_rate_grid.emplace_back(r.number(g, "decay_rate", mp + "decay_rate_grid[]."),
                                           r.optional(g, "holdout_mae", mp).value_or(kNaN));
      }
    }
    media.window_weeks = r.integer(m, "window_weeks", mp);
    media.spend = r.weekly(m, "spend", mp, n);
    media.adstock = r.weekly(m, "adstock", mp, n);
    media.p10_adstock = r.number(m, "p10_adstock", mp);
    media.baseline = r.number(m, "baseline", mp);
    media.baseline_weeks = m.value("baseline_weeks", 0);
    const json& curves = r.at(m, "curves", mp);
    const json& concave = r.at(curves, "concave", mp + "curves.");
    const std::string cp = mp + "curves.concave.";
    media.concave.beta = r.optional(concave, "beta", cp);
    media.concave.elasticity = r.optional(concave, "elasticity", cp);
    media.concave.holdout_mae = r.optional(concave, "holdout_mae", cp);
    media.concave.fitted_weeks = concave.value("fitted_weeks", 0);
    const json& hill = r.at(curves, "hill", mp + "curves.");
    const std::string hp = mp + "curves.hill.";
    media.hill.beta = r.optional(hill, "beta", hp);
    media.hill.half_saturation = r.optional(hill, "half_saturation", hp);
    media.hill.hill_slope = r.optional(hill, "hill_slope", hp);
    media.hill.holdout_mae = r.optional(hill, "holdout_mae", hp);
    media.hill.training_sse = r.optional(hill, "training_sse", hp);
    const std::string selected = r.text(m, "selected_curve", mp);
    if (selected != "concave" && selected != "hill") {
      r.fail(mp + "selected_curve", "is '" + selected + "', expected concave or hill");
    }
    media.selected_curve = selected == "hill" ? CurveKind::hill : CurveKind::concave;
    media.contribution = r.weekly(m, "contribution", mp, n);
    media.total_spend = m.value("total_spend", 0.0);
    media.total_contribution = m.value("total_contribution", 0.0);
    media.historical_roi = r.optional(m, "historical_roi", mp);
    media.spend_share = m.value("spend_share", 0.0);
    media.effect_share = m.value("effect_share", 0.0);
    if (m.contains("uncertainty") && !m.at("uncertainty").is_null()) {
      const json& u = m.at("uncertainty");
      const std::string up = mp + "uncertainty.";
      MediaUncertainty uncertainty;
      for (const auto& [name, range] : r.at(u, "parameters", up).items()) {
        uncertainty.parameters[name] =
            Interval{r.number(range, "p05", up), r.number(range, "p50", up),
                     r.number(range, "p95", up)};
      }
      uncertainty.total_contribution = r.range(u, "total_contribution", up);
      uncertainty.historical_roi = r.range(u, "historical_roi", up);
      uncertainty.marginal_roi = r.range(u, "marginal_roi", up);
      uncertainty.other_curve_share = r.number(u, "other_curve_share", up);
      media.uncertainty = uncertainty;
    }
    result.media.push_back(std::move(media));
  }
  if (root.contains("controls")) {
    for (const json& c : root.at("controls")) {
      result.controls.push_back(ControlResult{r.text(c, "name", "controls[]."), c.value("unit", ""),
                                              c.value("source", ""),
                                              r.weekly(c, "values", "controls[].", n)});
    }
  }
  result.controls_note = root.value("controls_note", "");
  if (root.contains("events")) {
    for (const json& e : root.at("events")) {
      result.events.push_back(EventResult{r.text(e, "name", "events[]."),
                                          r.text(e, "date", "events[]."),
                                          r.text(e, "week", "events[]."),
                                          r.number(e, "level_shift", "events[].")});
    }
  }
  const json& decomposition = r.at(root, "decomposition", "");
  result.decomposition.remainder = r.weekly(decomposition, "remainder", "decomposition.", n);
  for (const json& week : r.at(decomposition, "over_attributed_weeks", "decomposition.")) {
    result.decomposition.over_attributed_weeks.push_back(week.get<std::string>());
  }
  if (root.contains("notes")) {
    for (const json& note : root.at("notes")) result.notes.push_back(note.get<std::string>());
  }
  if (root.contains("bootstrap")) {
    const json& b = root.at("bootstrap");
    result.bootstrap = BootstrapInfo{r.text(b, "method", "bootstrap."),
                                     r.integer(b, "resamples", "bootstrap."),
                                     r.integer(b, "block_length_weeks", "bootstrap."),
                                     b.at("seed").get<std::uint64_t>()};
  }
  result.fit_id = r.text(root, "fit_id", "");
  return result;
}

}  // namespace cerebro::fit
