#pragma once
// The review gate as the command layer uses it: reads the files of a fit
// directory and calls causal::check_gate to decide whether a PASS review is
// bound to them.
#include <filesystem>
#include <string>

#include "causal/review_result.hpp"
#include "fit/fit_result.hpp"

namespace cerebro::cli {

struct GatedFit {
  fit::FitResult fit;
  std::string fit_bytes;        // the exact bytes of DIR/fit.json
  causal::ReviewResult review;  // the PASS review bound to those bytes
};

// Reads DIR/fit.json, DIR/review.json and the DAG file that review names.
// Throws core::InputError (exit 2) when fit.json is missing, unreadable or not
// a fit; throws core::GateClosedError (exit 3) when there is no review, the
// review is a BLOCK (naming its failed checks), or the fit or the DAG changed
// since the review.
GatedFit open_review_gate(const std::filesystem::path& fit_dir);

}  // namespace cerebro::cli
