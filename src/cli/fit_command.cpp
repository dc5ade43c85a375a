#include <fmt/format.h>

#include <memory>

#include "cli/analysis_args.hpp"
#include "cli/command.hpp"
#include "cli/fit_step.hpp"
#include "cli/fit_summary.hpp"

namespace cerebro::cli {

void add_fit_command(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<AnalysisArgs>();
  CLI::App* command = app.add_subcommand(
      "fit", "Fit the attribution model and write fit.json and dag.md to the output directory");
  add_analysis_options(*command, *args);
  command->callback([args, &context] {
    const io::Analysis analysis = load_analysis_from_args(*args);
    const FitStepOutput output = run_fit_step(analysis);
    fmt::print("{}", format_fit_summary(output.result));
    fmt::print("wrote {}\n", output.fit_json_path.string());
    if (output.kept_user_dag) {
      fmt::print("kept your edited {} (the generated DAG is in dag.generated.md)\n",
                 output.dag_path.string());
    } else {
      fmt::print("wrote {}\n", output.dag_path.string());
    }
    fmt::print("next: cerebro-mmm review {} --fit {}\n", output.dag_path.string(),
               output.fit_json_path.string());
    context.exit_code = 0;
  });
}

}  // namespace cerebro::cli
