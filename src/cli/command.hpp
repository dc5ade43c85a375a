#pragma once
// Each command registers a CLI11 subcommand. Its callback does the work and
// stores the exit code in the shared context; typed errors thrown from the
// callback are mapped to exit codes in main (InputError 2, GateClosedError 3).
#include <CLI/CLI.hpp>

namespace cerebro::cli {

struct CommandContext {
  int exit_code = 0;
};

void add_fit_command(CLI::App& app, CommandContext& context);
void add_validate_command(CLI::App& app, CommandContext& context);
void add_review_command(CLI::App& app, CommandContext& context);
void add_report_command(CLI::App& app, CommandContext& context);
void add_simulate_command(CLI::App& app, CommandContext& context);
void add_run_command(CLI::App& app, CommandContext& context);

}  // namespace cerebro::cli
