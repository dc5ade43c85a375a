#pragma once
// The review gate in front of the report and the simulator: a PASS review
// unlocks them only for the exact fit and DAG it reviewed. The command layer
// reads the files; the gate compares bytes and hashes, so it does no I/O.
#include <optional>
#include <string_view>

#include "causal/review_result.hpp"

namespace cerebro::causal {

// Returns the review parsed from `review_json` when it is a PASS whose
// fit_sha256 is the SHA-256 of `fit_json` and whose dag_sha256 is the SHA-256
// of `dag_bytes`. Throws core::GateClosedError naming the reason: no review
// (nullopt), the fit changed since the review, the DAG file is missing
// (nullopt) or changed since the review, or the review is a BLOCK (listing the
// failed checks). Throws core::InputError when review.json is not a review.
ReviewResult check_gate(std::string_view fit_json, std::optional<std::string_view> review_json,
                        std::optional<std::string_view> dag_bytes);

}  // namespace cerebro::causal
