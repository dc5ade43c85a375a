#include "cli/report_step.hpp"

#include <optional>
#include <string>

#include "cli/review_gate.hpp"
#include "core/atomic_file.hpp"
#include "report/report_html.hpp"
#include "report/report_json.hpp"
#include "simulate/simulation_json.hpp"

namespace cerebro::cli {

WrittenReport write_report(const std::filesystem::path& fit_dir,
                           const std::optional<std::filesystem::path>& html_path) {
  // The gate comes first: a closed gate must leave no file behind.
  const GatedFit gated = open_review_gate(fit_dir);

  std::optional<simulate::SimulationResult> simulation;
  const std::filesystem::path simulation_path = fit_dir / "simulation.json";
  if (const auto text = core::read_file(simulation_path)) {
    simulation = simulate::simulation_from_json(*text, simulation_path.string());
  }

  const report::ReportInputs inputs{gated.fit, gated.review, simulation ? &*simulation : nullptr};
  const std::string html = report::render_report_html(inputs);
  const std::string json = report::report_json(inputs).dump(2) + "\n";

  WrittenReport written;
  written.html_path = html_path.value_or(fit_dir / "report.html");
  written.json_path = written.html_path;
  written.json_path.replace_extension(".json");
  if (written.json_path == written.html_path) written.json_path += ".json";
  written.with_simulation = simulation.has_value();
  core::write_file_atomically(written.html_path, html);
  core::write_file_atomically(written.json_path, json);
  return written;
}

}  // namespace cerebro::cli
