#include "cli/review_gate.hpp"

#include <optional>
#include <string>

#include "causal/gate.hpp"
#include "causal/review_result_io.hpp"
#include "core/atomic_file.hpp"
#include "core/errors.hpp"
#include "fit/fit_result_json.hpp"

namespace cerebro::cli {

GatedFit open_review_gate(const std::filesystem::path& fit_dir) {
  const std::filesystem::path fit_path = fit_dir / "fit.json";
  std::optional<std::string> fit_bytes = core::read_file(fit_path);
  if (!fit_bytes) {
    throw core::InputError("fit file '" + fit_path.string() +
                           "' not found. Run `cerebro-mmm fit` first or check the directory.");
  }
  GatedFit gated;
  gated.fit = fit::fit_result_from_json(*fit_bytes, fit_path.string());

  const std::optional<std::string> review_bytes = core::read_file(fit_dir / "review.json");
  std::optional<std::string> dag_bytes;
  std::string dag_path;  // as recorded by the review; empty without one
  if (review_bytes) {
    // The review records a DAG inside the fit directory by its file name, so a
    // copied or moved fit directory is checked against its own dag.md, and a
    // DAG kept elsewhere by its absolute path.
    dag_path = causal::review_from_json(*review_bytes, (fit_dir / "review.json").string()).dag_path;
    if (std::filesystem::path(dag_path).is_relative()) dag_path = (fit_dir / dag_path).string();
    dag_bytes = core::read_file(dag_path);
  }
  std::optional<std::string_view> review_view;
  std::optional<std::string_view> dag_view;
  if (review_bytes) review_view = *review_bytes;
  if (dag_bytes) dag_view = *dag_bytes;
  try {
    gated.review = causal::check_gate(*fit_bytes, review_view, dag_view);
  } catch (const core::GateClosedError& error) {
    // The gate's message names the rule; the exact command for this
    // directory saves the user from filling in the placeholders.
    const std::filesystem::path dag =
        dag_path.empty() ? fit_dir / "dag.md" : std::filesystem::path(dag_path);
    throw core::GateClosedError(std::string(error.what()) + " For this fit: cerebro-mmm review " +
                                dag.string() + " --fit " + (fit_dir / "fit.json").string());
  }
  gated.fit_bytes = std::move(*fit_bytes);
  return gated;
}

}  // namespace cerebro::cli
