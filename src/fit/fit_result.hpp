#pragma once
// The result of one fit, as written to fit.json. Field names are the JSON keys.
// Weekly arrays have one entry per week of `weeks`, warm-up included; values
// that are not computed on warm-up weeks (contribution, remainder) hold NaN
// there, written as JSON null.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "transform/response_curve.hpp"

namespace cerebro::fit {

inline constexpr int kSchemaVersion = 1;

using transform::CurveKind;
const char* to_string(CurveKind kind);

// Concave (power) curve: KPI - baseline = beta * adstock^elasticity.
// Parameters are nullopt when fewer than 2 usable training weeks exist.
struct ConcaveCurve {
  std::optional<double> beta;         // KPI units per adstock^elasticity
  std::optional<double> elasticity;   // dimensionless
  std::optional<double> holdout_mae;  // KPI units
  int fitted_weeks = 0;               // training weeks with adstock > 0 and KPI > baseline
};

// Hill curve: KPI - baseline = beta * a^S / (a^S + K^S), a = adstock.
struct HillCurve {
  std::optional<double> beta;             // KPI units (the curve's ceiling)
  std::optional<double> half_saturation;  // K, in adstock units
  std::optional<double> hill_slope;       // S, dimensionless
  std::optional<double> holdout_mae;      // KPI units
  std::optional<double> training_sse;     // sum of squared training residuals
};

struct Interval {
  double p05 = 0, p50 = 0, p95 = 0;
};

// Bootstrap ranges for one media; keys of `parameters` are the selected
// curve's parameter names (beta, elasticity or beta, half_saturation, hill_slope).
struct MediaUncertainty {
  std::map<std::string, Interval> parameters;
  Interval total_contribution;
  Interval historical_roi;
  Interval marginal_roi;
  double other_curve_share = 0;  // share of resamples that selected the other curve
};

struct MediaResult {
  std::string name;
  std::string unit;
  std::string source;  // where the series came from, e.g. "pools.csv:osmo_usd" or "sql"
  int decimals = 0;    // token decimals when spend is in base units (18 for wei); values stay as input
  double decay_rate = 0.5;
  bool decay_rate_auto = false;
  std::vector<std::pair<double, double>> decay_rate_grid;  // (decay_rate, holdout MAE) when auto
  int window_weeks = 8;
  std::vector<double> spend;    // weekly, input units
  std::vector<double> adstock;  // weekly, input units
  double p10_adstock = 0;
  double baseline = 0;          // KPI units
  int baseline_weeks = 0;       // training weeks at or below p10_adstock
  ConcaveCurve concave;
  HillCurve hill;
  CurveKind selected_curve = CurveKind::concave;
  std::vector<double> contribution;  // weekly KPI units, NaN on warm-up weeks
  double total_spend = 0;            // over the weeks after warm-up
  double total_contribution = 0;     // over the weeks after warm-up
  std::optional<double> historical_roi;  // total_contribution / total_spend
  double spend_share = 0;            // of total spend over the weeks after warm-up
  double effect_share = 0;           // of total contribution (negative parts count as 0)
  std::optional<MediaUncertainty> uncertainty;
};

struct FitWarning {
  std::string code;     // stable identifier, e.g. "elasticity_above_one"
  std::string media;    // empty when it concerns the whole fit
  std::string message;
};

struct Correlation {
  std::string a, b;
  double value = 0;  // Pearson correlation of weekly spend over the weeks after warm-up
};

struct ControlResult {
  std::string name;
  std::string unit;
  std::string source;
  std::vector<double> values;
};

struct EventResult {
  std::string name;
  std::string date;          // as declared
  std::string week;          // week start it applies from
  double level_shift = 0;    // KPI units, removed from the KPI before fitting
};

struct Decomposition {
  std::vector<double> remainder;                 // KPI - sum of contributions, NaN on warm-up
  std::vector<std::string> over_attributed_weeks;  // remainder below the smallest media baseline
};

struct BootstrapInfo {
  std::string method;  // "moving-block bootstrap"
  int resamples = 0;
  int block_length_weeks = 0;
  std::uint64_t seed = 0;
};

struct FitResult {
  int schema_version = kSchemaVersion;
  std::string week_start = "monday";
  std::vector<std::string> weeks;  // ISO week starts, warm-up included
  std::string kpi_name;
  std::string kpi_unit;
  std::string kpi_source;
  std::vector<double> kpi_values;          // as loaded, input units
  std::vector<double> kpi_adjusted;        // after removing declared step events' level shifts
  int warmup_weeks = 0;
  int modeling_weeks = 0;  // n: weeks after warm-up
  int training_weeks = 0;
  int holdout_weeks = 0;
  bool directional_only = false;
  std::vector<Correlation> correlations;
  std::map<std::string, double> vif;
  std::vector<FitWarning> warnings;
  std::vector<MediaResult> media;
  std::vector<ControlResult> controls;
  std::string controls_note;  // how controls enter (not used by the per-media fits)
  std::vector<EventResult> events;
  Decomposition decomposition;
  std::vector<std::string> notes;  // data handling: gaps filled, rows aggregated
  std::optional<BootstrapInfo> bootstrap;
  std::string fit_id;  // SHA-256 of the canonical JSON of everything above
};

}  // namespace cerebro::fit
