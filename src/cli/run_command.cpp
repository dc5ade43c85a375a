#include <fmt/format.h>

#include <memory>

#include "cli/analysis_args.hpp"
#include "cli/command.hpp"
#include "cli/fit_step.hpp"
#include "cli/fit_summary.hpp"
#include "cli/report_step.hpp"
#include "cli/review_step.hpp"
#include "cli/simulation_step.hpp"

namespace cerebro::cli {
namespace {

struct RunArgs {
  AnalysisArgs analysis;
  std::string dag_path;  // --dag: review this file instead of DIR/dag.md
};

void run_workflow(const RunArgs& args, CommandContext& context) {
  const io::Analysis analysis = load_analysis_from_args(args.analysis);
  const FitStepOutput fitted = run_fit_step(analysis);
  fmt::print("{}", format_fit_summary(fitted.result));
  fmt::print("wrote {}\n", fitted.fit_json_path.string());

  std::filesystem::path dag_path = fitted.dag_path;
  if (!args.dag_path.empty()) {
    dag_path = args.dag_path;
    fmt::print("reviewing the DAG you supplied: {}\n", dag_path.string());
  } else if (fitted.kept_user_dag) {
    fmt::print("kept and reviewing your edited {} (the generated DAG is in dag.generated.md)\n",
               dag_path.string());
  } else {
    fmt::print("wrote {}\n", dag_path.string());
  }

  const ReviewStepOutput reviewed = review_and_record(dag_path, fitted.fit_json_path, std::nullopt);
  fmt::print("\n{}", reviewed.verdict_markdown);
  if (!reviewed.review.passed) {
    fmt::print(
        "\nThe causal review blocked the report. Edit {} as the fixes above suggest, then run:\n"
        "  cerebro-mmm review {} --fit {}\n  cerebro-mmm report {}\n",
        dag_path.string(), dag_path.string(), fitted.fit_json_path.string(),
        analysis.out_dir.string());
    context.exit_code = 3;
    return;
  }

  if (analysis.simulation) {
    const simulate::SimulationResult simulation =
        write_simulation(analysis.out_dir, *analysis.simulation);
    fmt::print("\n{}", format_simulation_table(simulation));
    fmt::print("wrote {}\n", (analysis.out_dir / "simulation.json").string());
  }
  const WrittenReport report = write_report(analysis.out_dir);
  fmt::print("\nwrote {}\nwrote {}\n", report.json_path.string(), report.html_path.string());
  fmt::print("report: {}\n", std::filesystem::absolute(report.html_path).string());
  context.exit_code = 0;
}

}  // namespace

void add_run_command(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* command = app.add_subcommand(
      "run",
      "Fit, write and review the DAG, and on PASS write the report (and the simulation when the "
      "spec asks for one)");
  add_analysis_options(*command, args->analysis);
  command->add_option("--dag", args->dag_path,
                      "Review this DAG file (markdown or JSON) instead of OUT/dag.md");
  command->callback([args, &context] { run_workflow(*args, context); });
}

}  // namespace cerebro::cli
