#include "causal/gate.hpp"

#include "causal/review_result_io.hpp"
#include "core/errors.hpp"
#include "core/hashing.hpp"

namespace cerebro::causal {

ReviewResult check_gate(std::string_view fit_json, std::optional<std::string_view> review_json,
                        std::optional<std::string_view> dag_bytes) {
  const std::string rerun = "Run `cerebro-mmm review DAG.md --fit DIR/fit.json` on this fit";
  if (!review_json) {
    throw core::GateClosedError("no causal review found for this fit. " + rerun +
                                " and fix what it reports until it passes.");
  }
  ReviewResult review = review_from_json(*review_json, "review.json");
  if (review.fit_sha256 != core::sha256_hex(fit_json)) {
    throw core::GateClosedError("the fit changed since the review (fit.json no longer has the "
                                "SHA-256 the review recorded). " + rerun + " again.");
  }
  if (!dag_bytes) {
    throw core::GateClosedError("the reviewed DAG file '" + review.dag_path +
                                "' is missing. Restore that file. " + rerun + " again.");
  }
  if (review.dag_sha256 != core::sha256_hex(*dag_bytes)) {
    throw core::GateClosedError("the DAG '" + review.dag_path +
                                "' changed since the review. " + rerun + " again.");
  }
  if (!review.passed) {
    std::string failed;
    for (const CheckRow& row : review.rows) {
      if (row.passed) continue;
      if (!failed.empty()) failed += ", ";
      failed += row.check;
    }
    throw core::GateClosedError("the causal review is a BLOCK (failed checks: " + failed +
                                "). Apply the fixes in review.md, then " + rerun + " again.");
  }
  return review;
}

}  // namespace cerebro::causal
