#pragma once
// The fit step shared by `fit` and `run`: fit the model, add bootstrap ranges,
// and write fit.json and dag.md into the output directory.
#include <filesystem>
#include <string>

#include "fit/fit_result.hpp"
#include "io/analysis.hpp"

namespace cerebro::cli {

struct FitStepOutput {
  fit::FitResult result;
  std::filesystem::path fit_json_path;
  std::filesystem::path dag_path;
  bool kept_user_dag = false;  // dag.md was edited by the user and left as it was
};

// Fits the analysis and writes DIR/fit.json and DIR/dag.md atomically. A dag.md
// that differs from the one the last fit generated was edited by the user and
// is kept. Older review, report and simulation files in DIR are removed, since
// they describe another fit. Nothing is written when the fit is refused.
FitStepOutput run_fit_step(const io::Analysis& analysis);

}  // namespace cerebro::cli
