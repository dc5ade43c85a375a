// `cerebro-mmm validate`: loads the spec or quick flags and checks the data
// exactly as `fit` would, then prints a short summary. It fits nothing.
#include <fmt/format.h>

#include <memory>

#include "cli/analysis_args.hpp"
#include "cli/command.hpp"
#include "fit/fit_model.hpp"

namespace cerebro::cli {
namespace {

std::string describe_series(const core::Series& series) {
  return fmt::format("{} [{}{}]", series.name, series.source, series.unit.empty() ? "" : ", " + series.unit);
}

void print_summary(const io::Analysis& analysis) {
  const core::WeeklyPanel& panel = analysis.panel;
  fmt::print("valid: {} weeks from {} to {} (weeks start on {})\n", panel.size(),
             core::format_date(panel.weeks.front()), core::format_date(panel.weeks.back()),
             panel.week_start == core::WeekStart::monday ? "Monday" : "Sunday");
  fmt::print("kpi: {}\n", describe_series(panel.kpi));
  for (const auto& media : panel.media) fmt::print("media: {}\n", describe_series(media));
  for (const auto& control : panel.controls) fmt::print("control: {}\n", describe_series(control));
  for (const auto& event : analysis.options.events) {
    fmt::print("step event: {} on {}\n", event.name, core::format_date(event.date));
  }
  if (panel.notes.empty()) {
    fmt::print("gaps: none; no rows aggregated\n");
  } else {
    for (const auto& note : panel.notes) fmt::print("note: {}\n", note);
  }
}

// The modeling window and the checks `fit` runs before fitting any curve.
void print_window(const core::WeeklyPanel& panel, const fit::PreparedFit& prepared) {
  const fit::FitWindow& window = prepared.window;
  fmt::print("window: {} weeks after {} warm-up weeks, from {} ({} training, {} holdout)\n",
             window.modeling_weeks, window.warmup_weeks,
             core::format_date(panel.weeks[window.first_modeling_week]), window.training_weeks,
             window.holdout_weeks);
  for (const fit::EventResult& event : prepared.level_shifts.events) {
    fmt::print("step event {}: level shift {:.6g} from the week of {}\n", event.name,
               event.level_shift, event.week);
  }
  for (const auto& warnings : {prepared.warnings, prepared.collinearity_warnings}) {
    for (const fit::FitWarning& warning : warnings) {
      fmt::print("warning [{}]: {}\n", warning.code, warning.message);
    }
  }
  fmt::print("data guards and collinearity: passed\n");
}

}  // namespace

void add_validate_command(CLI::App& app, CommandContext& context) {
  CLI::App* command = app.add_subcommand(
      "validate", "Load the data of a spec or quick flags and run every check that fit runs before fitting; fit nothing");
  auto args = std::make_shared<AnalysisArgs>();
  add_analysis_options(*command, *args);
  command->callback([&context, args] {
    const io::Analysis analysis = load_analysis_from_args(*args);
    const fit::PreparedFit prepared = fit::prepare_fit(analysis.panel, analysis.options);
    print_summary(analysis);
    print_window(analysis.panel, prepared);
    context.exit_code = 0;
  });
}

}  // namespace cerebro::cli
