#pragma once
// review.json and the markdown verdict: the serialized ReviewResult.
#include <string>
#include <string_view>

#include "causal/review_result.hpp"

namespace cerebro::causal {

inline constexpr int kReviewSchemaVersion = 1;

// Serializes to JSON text (two-space indentation, trailing newline) with
// "verdict": "PASS" or "BLOCK" and each row's verdict "pass" or "fail".
std::string review_to_json(const ReviewResult& review);

// Parses review.json text. Throws core::InputError naming `origin` and the
// missing or mistyped key, or a verdict that disagrees with the rows. A missing
// "caveats" key (a review written before caveats existed) reads as none.
ReviewResult review_from_json(std::string_view text, const std::string& origin);

// Formats the verdict table `| Check | Reference | Verdict | Evidence |`, the
// numbered fixes, a `Caveats:` list when there are caveats, and the last line `VERDICT: PASS` or `VERDICT: BLOCK`.
std::string review_to_markdown(const ReviewResult& review);

}  // namespace cerebro::causal
