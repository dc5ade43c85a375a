#include <fmt/format.h>

#include <filesystem>
#include <optional>
#include <string>

#include "cli/command.hpp"
#include "cli/report_step.hpp"

namespace cerebro::cli {

void add_report_command(CLI::App& app, CommandContext& context) {
  CLI::App* command = app.add_subcommand(
      "report", "Render report.html and report.json for a fit directory with a PASS causal review");
  auto fit_dir = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  command->add_option("DIR", *fit_dir, "Fit directory containing fit.json and review.json")
      ->required()
      ->check(CLI::ExistingDirectory);
  command->add_option("--out", *out, "Path of the HTML report (default DIR/report.html); the JSON goes beside it with the same stem (FILE.json)");
  command->callback([&context, fit_dir, out] {
    const std::optional<std::filesystem::path> html_path =
        out->empty() ? std::nullopt : std::optional<std::filesystem::path>(*out);
    const WrittenReport written = write_report(*fit_dir, html_path);
    fmt::print("wrote {}\nwrote {}{}\n", written.html_path.string(), written.json_path.string(),
               written.with_simulation ? " (with the simulation)" : "");
    context.exit_code = 0;
  });
}

}  // namespace cerebro::cli
