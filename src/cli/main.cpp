// cerebro-mmm: the command-line entry point. Parses the subcommand, runs it and
// maps errors to exit codes: 0 success, 1 internal error, 2 invalid input or a
// refused analysis, 3 blocked by the causal review.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>

#include "cli/command.hpp"
#include "core/errors.hpp"
#include "io/chdb_session.hpp"

int main(int argc, char** argv) {
  spdlog::set_pattern("%^%l%$: %v");
  CLI::App app{"cerebro-mmm: marketing mix modeling for on-chain incentives", "cerebro-mmm"};
  app.set_version_flag("--version", std::string("cerebro-mmm ") + CEREBRO_VERSION);
  app.require_subcommand(1);

  cerebro::cli::CommandContext context;
  cerebro::cli::add_fit_command(app, context);
  cerebro::cli::add_validate_command(app, context);
  cerebro::cli::add_review_command(app, context);
  cerebro::cli::add_report_command(app, context);
  cerebro::cli::add_simulate_command(app, context);
  cerebro::cli::add_run_command(app, context);

  int exit_code = 0;
  try {
    app.parse(argc, argv);
    exit_code = context.exit_code;
  } catch (const CLI::ParseError& error) {
    // CLI11 prints help and version through this path with exit code 0.
    exit_code = app.exit(error) == 0 ? 0 : 2;
  } catch (const cerebro::core::InputError& error) {
    std::fprintf(stderr, "error: %s\n", error.what());
    exit_code = 2;
  } catch (const cerebro::core::GateClosedError& error) {
    std::fprintf(stderr, "blocked: %s\n", error.what());
    exit_code = 3;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "internal error: %s\n", error.what());
    exit_code = 1;
  }
  // An embedded ClickHouse connection left open at exit was seen to hang the
  // process and then crash it, so it is closed here on every path.
  cerebro::io::close_chdb();
  return exit_code;
}
