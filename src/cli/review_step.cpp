#include "cli/review_step.hpp"

#include "causal/dag_json.hpp"
#include "causal/review.hpp"
#include "causal/review_result_io.hpp"
#include "core/atomic_file.hpp"
#include "core/errors.hpp"
#include "core/hashing.hpp"
#include "fit/fit_result_json.hpp"

namespace cerebro::cli {
namespace fs = std::filesystem;
namespace {

std::string read_required(const fs::path& path, const char* what) {
  const std::optional<std::string> bytes = core::read_file(path);
  if (!bytes) {
    throw core::InputError(std::string(what) + " '" + path.string() + "' not found. Check the path.");
  }
  return *bytes;
}

// review.md: the verdict plus what it is bound to.
std::string bound_markdown(const causal::ReviewResult& review) {
  std::string text = "# Causal review\n\nDAG: " + review.dag_path + " (SHA-256 " +
                     review.dag_sha256 + ")\n";
  text += "Fit: fit.json (SHA-256 " + review.fit_sha256 + ", fit_id " + review.fit_id + ")\n\n";
  return text + causal::review_to_markdown(review);
}

}  // namespace

ReviewStepOutput review_and_record(const fs::path& dag_path, const std::optional<fs::path>& fit_path,
                                   const std::optional<fs::path>& out_path) {
  const std::string dag_bytes = read_required(dag_path, "DAG file");
  const causal::Dag dag = causal::parse_dag(dag_bytes, dag_path.string());

  ReviewStepOutput output;
  causal::ReviewResult& review = output.review;
  if (!fit_path) {
    review = causal::review_dag(dag);
  } else {
    const std::string fit_bytes = read_required(*fit_path, "fit file");
    const fit::FitResult fit = fit::fit_result_from_json(fit_bytes, fit_path->string());
    review = causal::review_dag(dag, fit);
    review.fit_sha256 = core::sha256_hex(fit_bytes);
  }
  // A DAG inside the fit directory is recorded by its file name, so the gate
  // checks the dag.md that travels with a copied fit directory; any other DAG
  // by its absolute path, so `report` and `simulate` find it from anywhere.
  const fs::path absolute_dag = fs::absolute(dag_path).lexically_normal();
  review.dag_path = absolute_dag.string();
  if (fit_path) {
    const fs::path fit_dir = fs::absolute(*fit_path).lexically_normal().parent_path();
    if (absolute_dag.parent_path() == fit_dir) review.dag_path = absolute_dag.filename().string();
  }
  review.dag_sha256 = core::sha256_hex(dag_bytes);

  output.verdict_markdown = causal::review_to_markdown(review);
  if (fit_path) {
    const fs::path fit_dir = fit_path->has_parent_path() ? fit_path->parent_path() : fs::path(".");
    core::write_file_atomically(fit_dir / "review.json", causal::review_to_json(review));
    core::write_file_atomically(fit_dir / "review.md", bound_markdown(review));
  }
  if (out_path) core::write_file_atomically(*out_path, output.verdict_markdown);
  return output;
}

}  // namespace cerebro::cli
