#include "cli/fit_step.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>

#include "causal/dag_markdown.hpp"
#include "causal/handoff_dag.hpp"
#include "core/atomic_file.hpp"
#include "fit/bootstrap.hpp"
#include "fit/fit_model.hpp"
#include "fit/fit_result_json.hpp"

namespace cerebro::cli {
namespace fs = std::filesystem;
namespace {

// Copies where each series came from into the result, so the causal review can
// compare source columns. The fit itself does not need them.
void copy_sources(const core::WeeklyPanel& panel, fit::FitResult& result) {
  result.kpi_source = panel.kpi.source;
  for (fit::MediaResult& media : result.media) {
    for (const core::Series& series : panel.media) {
      if (series.name == media.name) media.source = series.source;
    }
  }
  for (fit::ControlResult& control : result.controls) {
    for (const core::Series& series : panel.controls) {
      if (series.name == control.name) control.source = series.source;
    }
  }
}

// Shows resample progress on a terminal only; pipes and CI logs stay quiet.
fit::BootstrapProgress terminal_progress() {
  if (!::isatty(STDERR_FILENO)) return {};
  return [](int finished, int total) {
    if (finished == total || finished % 200 == 0) {
      std::fprintf(stderr, "\rbootstrap: %d/%d resample fits", finished, total);
      if (finished == total) std::fputc('\n', stderr);
    }
  };
}

}  // namespace

FitStepOutput run_fit_step(const io::Analysis& analysis) {
  FitStepOutput output;
  fit::FitResult& result = output.result;
  result = fit::fit_model(analysis.panel, analysis.options);
  copy_sources(analysis.panel, result);
  result.fit_id = fit::compute_fit_id(result);
  fit::add_bootstrap(result, analysis.options, terminal_progress());

  const std::string fit_text = fit::to_json_text(result);
  const std::string dag_text =
      causal::to_markdown(causal::build_handoff_dag(result, analysis.options.latent));

  // Everything is computed before the first file changes, so a refused or
  // failed fit leaves the directory as it was.
  const fs::path& dir = analysis.out_dir;
  output.fit_json_path = dir / "fit.json";
  output.dag_path = dir / "dag.md";
  const fs::path generated_dag_path = dir / "dag.generated.md";
  const auto existing_dag = core::read_file(output.dag_path);
  const auto last_generated_dag = core::read_file(generated_dag_path);
  output.kept_user_dag = existing_dag && existing_dag != last_generated_dag;

  for (const char* stale : {"report.html", "report.json", "simulation.json"}) {
    std::error_code ignored;
    if (fs::remove(dir / stale, ignored)) {
      spdlog::info("removed {} of the previous fit in {}", stale, dir.string());
    }
  }
  core::write_file_atomically(output.fit_json_path, fit_text);
  core::write_file_atomically(generated_dag_path, dag_text);
  if (!output.kept_user_dag) core::write_file_atomically(output.dag_path, dag_text);
  return output;
}

}  // namespace cerebro::cli
