#include <stdexcept>

#include "cli/command.hpp"

namespace cerebro::cli {

// NOTE: placeholder until the command is built; it registers the name only.
void add_simulate_command(CLI::App& app, CommandContext& context) {
  CLI::App* command = app.add_subcommand("simulate", "not built yet");
  command->callback([&context] {
    context.exit_code = 1;
    throw std::runtime_error("the simulate command is not built yet");
  });
}

}  // namespace cerebro::cli
