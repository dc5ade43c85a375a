#pragma once
// The report step shared by `report` and `run`: open the review gate, render
// report.html and report.json and write both atomically.
#include <filesystem>
#include <optional>

namespace cerebro::cli {

struct WrittenReport {
  std::filesystem::path html_path;
  std::filesystem::path json_path;  // beside the HTML, same stem, .json
  bool with_simulation = false;     // fit_dir/simulation.json was present and included
};

// Renders the report of the fit in `fit_dir` to `html_path`, or to
// fit_dir/report.html when it is nullopt, and report.json beside it. Calls
// open_review_gate first, so it throws core::GateClosedError (exit 3) without
// a PASS review bound to this fit and writes nothing. Includes
// fit_dir/simulation.json when it exists; throws core::InputError (exit 2)
// when that file is invalid or belongs to another fit. Nothing is written
// unless both files render.
WrittenReport write_report(const std::filesystem::path& fit_dir,
                           const std::optional<std::filesystem::path>& html_path = std::nullopt);

}  // namespace cerebro::cli
