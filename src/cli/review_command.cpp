// `cerebro-mmm review DAG.md [--fit DIR/fit.json] [--out FILE]`: runs the
// causal review, prints the verdict and exits 0 on PASS, 3 on BLOCK.
#include <cstdio>
#include <memory>
#include <string>

#include "cli/command.hpp"
#include "cli/review_step.hpp"

namespace cerebro::cli {
namespace {

struct ReviewArguments {
  std::string dag_path;
  std::string fit_path;  // empty without --fit
  std::string out_path;  // empty without --out
};

std::optional<std::filesystem::path> optional_path(const std::string& path) {
  if (path.empty()) return std::nullopt;
  return std::filesystem::path(path);
}

}  // namespace

void add_review_command(CLI::App& app, CommandContext& context) {
  CLI::App* command = app.add_subcommand(
      "review", "Review a causal DAG (markdown or JSON) and print PASS or BLOCK with evidence");
  auto arguments = std::make_shared<ReviewArguments>();
  command->add_option("dag", arguments->dag_path, "DAG file: markdown table or JSON")->required();
  command->add_option("--fit", arguments->fit_path,
                      "fit.json whose weekly data the review checks; writes review.json and "
                      "review.md next to it, which unlock report and simulate");
  command->add_option("--out", arguments->out_path, "also write the markdown verdict to this file");
  command->callback([arguments, &context] {
    const ReviewStepOutput output =
        review_and_record(arguments->dag_path, optional_path(arguments->fit_path),
                          optional_path(arguments->out_path));
    std::fputs(output.verdict_markdown.c_str(), stdout);
    context.exit_code = output.review.passed ? 0 : 3;
  });
}

}  // namespace cerebro::cli
