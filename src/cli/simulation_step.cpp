#include "cli/simulation_step.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cli/review_gate.hpp"
#include "core/atomic_file.hpp"
#include "simulate/budget_simulator.hpp"
#include "simulate/simulation_json.hpp"

namespace cerebro::cli {

simulate::SimulationResult write_simulation(const std::filesystem::path& fit_dir,
                                            const simulate::SimulationOptions& options,
                                            const std::optional<std::filesystem::path>& json_path) {
  const GatedFit gated = open_review_gate(fit_dir);
  simulate::SimulationResult result = simulate::simulate_budget(gated.fit, options);
  core::write_file_atomically(json_path.value_or(fit_dir / "simulation.json"),
                              simulate::to_json_text(result));
  return result;
}

std::string format_simulation_table(const simulate::SimulationResult& result) {
  std::string text;
  if (result.directional_only) {
    text += "directional only: the fit has too few weeks for a reliable model; read the numbers as directions\n";
  }
  std::size_t name_width = 5;
  for (const simulate::MediaRecommendation& row : result.media) name_width = std::max(name_width, row.name.size());
  text += fmt::format("{:<{}} {:<8} {:>12} {:>6} {:>12} {:>7} {:>11} {:>11} {:>12}  {}\n", "media", name_width,
                      "curve", "current", "share", "recommended", "change", "marginal", "average",
                      "KPI change", "notes");
  for (const simulate::MediaRecommendation& row : result.media) {
    std::string notes;
    for (const std::string& annotation : row.annotations) {
      notes += notes.empty() ? annotation : "; " + annotation;
    }
    text += fmt::format("{:<{}} {:<8} {:>12.4g} {:>5.1f}% {:>12.4g} {:>+6.1f}% {:>11.4g} {:>11.4g} {:>+12.4g}  {}\n",
                        row.name, name_width, row.curve, row.current_spend, 100 * row.current_share,
                        row.recommended_spend, 100 * row.change_fraction, row.marginal_roi,
                        row.average_roi, row.predicted_kpi_change, notes);
  }
  const simulate::SimulationTotals& totals = result.totals;
  text += fmt::format("total spend per week: current {:.6g}, recommended {:.6g}\n", totals.current_spend,
                      totals.recommended_spend);
  text += fmt::format("predicted KPI change per week: {:+.6g}", totals.predicted_kpi_change);
  if (totals.predicted_kpi_change_range) {
    text += fmt::format(" (5th-95th percentile {:+.6g} to {:+.6g})", totals.predicted_kpi_change_range->p05,
                        totals.predicted_kpi_change_range->p95);
  }
  text += fmt::format("; without the per-media cap: {:+.6g}\n", totals.unconstrained_predicted_kpi_change);
  return text;
}

}  // namespace cerebro::cli
