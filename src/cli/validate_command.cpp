// `cerebro-mmm validate`: loads the spec or quick flags and checks the data
// exactly as `fit` would, then prints a short summary. It fits nothing.
#include <fmt/format.h>

#include <memory>

#include "cli/analysis_args.hpp"
#include "cli/command.hpp"

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

}  // namespace

void add_validate_command(CLI::App& app, CommandContext& context) {
  CLI::App* command = app.add_subcommand(
      "validate", "Load and check the data of a spec or quick flags, print a summary and fit nothing");
  auto args = std::make_shared<AnalysisArgs>();
  add_analysis_options(*command, *args);
  command->callback([&context, args] {
    const io::Analysis analysis = load_analysis_from_args(*args);
    print_summary(analysis);
    context.exit_code = 0;
  });
}

}  // namespace cerebro::cli
