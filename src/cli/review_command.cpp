// `cerebro-mmm review DAG.md [--fit DIR/fit.json] [--out FILE]`: runs the
// causal review, prints the verdict and exits 0 on PASS, 3 on BLOCK.
#include <cstdio>
#include <filesystem>
#include <string>

#include "causal/dag_json.hpp"
#include "causal/review.hpp"
#include "causal/review_result_io.hpp"
#include "cli/command.hpp"
#include "core/atomic_file.hpp"
#include "core/errors.hpp"
#include "core/hashing.hpp"
#include "fit/fit_result_json.hpp"

namespace cerebro::cli {
namespace {

struct ReviewArguments {
  std::string dag_path;
  std::string fit_path;  // empty without --fit
  std::string out_path;  // empty without --out
};

std::string read_required(const std::string& path, const char* what) {
  const std::optional<std::string> bytes = core::read_file(path);
  if (!bytes) {
    throw core::InputError(std::string(what) + " '" + path + "' not found. Check the path.");
  }
  return *bytes;
}

// review.md: the verdict plus what it is bound to.
std::string bound_markdown(const causal::ReviewResult& review) {
  std::string text = "# Causal review\n\nDAG: " + review.dag_path +
                     " (SHA-256 " + review.dag_sha256 + ")\n";
  text += "Fit: fit.json (SHA-256 " + review.fit_sha256 + ", fit_id " + review.fit_id + ")\n\n";
  return text + causal::review_to_markdown(review);
}

void run_review(const ReviewArguments& arguments, CommandContext& context) {
  const std::string dag_bytes = read_required(arguments.dag_path, "DAG file");
  const causal::Dag dag = causal::parse_dag(dag_bytes, arguments.dag_path);

  causal::ReviewResult review;
  std::string fit_bytes;
  if (arguments.fit_path.empty()) {
    review = causal::review_dag(dag);
  } else {
    fit_bytes = read_required(arguments.fit_path, "fit file");
    const fit::FitResult fit = fit::fit_result_from_json(fit_bytes, arguments.fit_path);
    review = causal::review_dag(dag, fit);
    review.fit_sha256 = core::sha256_hex(fit_bytes);
  }
  review.dag_path = arguments.dag_path;
  review.dag_sha256 = core::sha256_hex(dag_bytes);

  const std::string verdict = causal::review_to_markdown(review);
  if (!arguments.fit_path.empty()) {
    const std::filesystem::path fit_dir = std::filesystem::path(arguments.fit_path).parent_path();
    core::write_file_atomically(fit_dir / "review.json", causal::review_to_json(review));
    core::write_file_atomically(fit_dir / "review.md", bound_markdown(review));
  }
  if (!arguments.out_path.empty()) core::write_file_atomically(arguments.out_path, verdict);
  std::fputs(verdict.c_str(), stdout);
  context.exit_code = review.passed ? 0 : 3;
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
  command->callback([arguments, &context] { run_review(*arguments, context); });
}

}  // namespace cerebro::cli
