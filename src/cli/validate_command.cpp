#include <stdexcept>

#include "cli/command.hpp"

namespace cerebro::cli {

// NOTE: placeholder until the command is built; it registers the name only.
void add_validate_command(CLI::App& app, CommandContext& context) {
  CLI::App* command = app.add_subcommand("validate", "not built yet");
  command->callback([&context] {
    context.exit_code = 1;
    throw std::runtime_error("the validate command is not built yet");
  });
}

}  // namespace cerebro::cli
