#pragma once
// The review step shared by `review` and `run`: review a DAG file, optionally
// against a fit, and record the verdict bound to the exact bytes reviewed.
#include <filesystem>
#include <optional>
#include <string>

#include "causal/review_result.hpp"

namespace cerebro::cli {

struct ReviewStepOutput {
  causal::ReviewResult review;
  std::string verdict_markdown;  // the verdict table, the fixes and the VERDICT line
};

// Reviews the DAG at `dag_path` (markdown or JSON). With `fit_path`, the fit's
// weekly data are evidence too, and review.json and review.md are written next
// to the fit, recording the SHA-256 of the fit.json and DAG bytes. With
// `out_path`, the verdict markdown is written there as well. Throws
// core::InputError when a file is missing, unreadable or invalid.
ReviewStepOutput review_and_record(const std::filesystem::path& dag_path,
                                   const std::optional<std::filesystem::path>& fit_path,
                                   const std::optional<std::filesystem::path>& out_path);

}  // namespace cerebro::cli
