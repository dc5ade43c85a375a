#pragma once
// fit.json: the serialized FitResult. Doubles are written with 17 significant
// digits so they round-trip; NaN (warm-up weeks) is written as null.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "fit/fit_result.hpp"

namespace cerebro::fit {

nlohmann::ordered_json to_json(const FitResult& result);

// Serializes with two-space indentation and a trailing newline.
std::string to_json_text(const FitResult& result);

// Parses fit.json text. Throws core::InputError naming `origin` and the
// missing or mistyped key when the text is not a fit of this schema version.
FitResult fit_result_from_json(std::string_view text, const std::string& origin);

// Computes the fit_id: SHA-256 of the canonical JSON of `result` without fit_id.
std::string compute_fit_id(const FitResult& result);

}  // namespace cerebro::fit
