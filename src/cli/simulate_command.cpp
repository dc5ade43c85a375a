#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "cli/command.hpp"
#include "cli/simulation_step.hpp"

namespace cerebro::cli {

void add_simulate_command(CLI::App& app, CommandContext& context) {
  CLI::App* command = app.add_subcommand(
      "simulate", "Recommend next period's budget per media from a fit with a PASS review");
  struct Arguments {
    std::filesystem::path fit_dir;
    simulate::SimulationOptions options;
    std::optional<std::filesystem::path> out_path;
  };
  auto arguments = std::make_shared<Arguments>();
  command->add_option("DIR", arguments->fit_dir, "Fit directory holding fit.json and review.json")
      ->required();
  command->add_option("--budget-change", arguments->options.budget_change,
                      "Fractional change of the total weekly budget, in [-0.3, 0.3] (default 0)");
  command->add_option("--max-change", arguments->options.max_change,
                      "Largest change of any media's spend, as a fraction of its current spend, in (0, 0.3] "
                      "(default 0.3)");
  command->add_option("--current-weeks", arguments->options.current_weeks,
                      "Weeks at the end of the data whose mean spend is the current spend (default 4)");
  command->add_option("--out", arguments->out_path, "Output file (default DIR/simulation.json)");

  command->callback([&context, arguments] {
    const simulate::SimulationResult result =
        write_simulation(arguments->fit_dir, arguments->options, arguments->out_path);
    std::fputs(format_simulation_table(result).c_str(), stdout);
    context.exit_code = 0;
  });
}

}  // namespace cerebro::cli
