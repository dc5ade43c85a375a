#pragma once
// The outcome of a budget simulation, as written to simulation.json and shown
// in the report's simulation section. Spend is in the media's input units per week.
#include <optional>
#include <string>
#include <vector>

#include "fit/fit_result.hpp"

namespace cerebro::simulate {

// Options of a simulation request, validated where they are read.
struct SimulationOptions {
  int current_weeks = 4;     // weeks at the end of the data that define current spend, >= 1
  double budget_change = 0;  // fractional change of the total budget, in [-0.3, 0.3]
  double max_change = 0.3;   // per-media cap as a fraction of current spend, in (0, 0.3]
};

struct MediaRecommendation {
  std::string name;
  std::string curve;                       // "concave" or "hill"
  bool off = false;                        // no spend in the current window
  double current_spend = 0;                // mean weekly spend of the last current_weeks weeks
  double current_share = 0;                // of total current spend
  double recommended_spend = 0;            // with the per-period cap
  double unconstrained_spend = 0;          // same total, no cap, <= 1.5 x historical max
  double change_fraction = 0;              // recommended / current - 1
  double marginal_roi = 0;                 // dR/ds at current spend
  double average_roi = 0;                  // R(s) / s at current spend
  std::optional<double> marginal_return_per_adstock_unit;  // concave only
  double predicted_kpi_change = 0;         // R(recommended) - R(current), KPI units per week
  std::vector<std::string> annotations;    // e.g. "out-of-sample — high uncertainty", "saturated"
  std::optional<fit::Interval> marginal_roi_range;
  std::optional<fit::Interval> average_roi_range;
  std::optional<fit::Interval> predicted_kpi_change_range;  // KPI units per week
};

struct SimulationTotals {
  double current_spend = 0;
  double recommended_spend = 0;
  double unconstrained_spend = 0;
  double predicted_kpi_change = 0;               // with the cap, KPI units per week
  double unconstrained_predicted_kpi_change = 0;  // without the cap
  std::optional<fit::Interval> predicted_kpi_change_range;
};

struct SimulationResult {
  std::string fit_id;
  int current_weeks = 4;
  double budget_change = 0;   // requested fractional change of the total, in [-0.3, 0.3]
  double max_change = 0.3;    // per-media cap, fraction of current spend
  std::vector<MediaRecommendation> media;
  SimulationTotals totals;
  std::vector<std::string> assumptions;  // what the simulation holds constant
  bool directional_only = false;
};

}  // namespace cerebro::simulate
