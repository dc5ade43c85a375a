#pragma once
// The inputs shared by `fit`, `run` and `validate`: either a model spec file or
// quick flags that name the columns of one CSV-like file.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/analysis.hpp"

namespace cerebro::cli {

struct AnalysisArgs {
  std::string spec_path;  // positional SPEC.yaml; empty when quick flags are used
  // Quick flags: one file, one date column, named KPI, media and control columns.
  std::string data_file;
  std::string date_column = "date";
  std::string kpi_column;
  std::vector<std::string> media_columns;
  std::vector<std::string> control_columns;
  std::vector<std::string> step_dates;  // YYYY-MM-DD, each a declared KPI step event
  // Overrides that also apply on top of a spec.
  std::optional<std::string> out_dir;
  std::optional<int> threads;
  std::optional<int> resamples;
  std::optional<std::uint64_t> seed;
};

// Registers the positional SPEC.yaml and the flags on `command`; `args` must
// outlive the parse.
void add_analysis_options(CLI::App& command, AnalysisArgs& args);

// Builds the spec from the file or from the quick flags (exactly one of the
// two), applies --out, --threads, --resamples and --seed, and loads the
// analysis. Throws core::InputError when both or neither are given, when quick
// flags miss --data, --kpi or --media, when a --step date does not parse, and
// for anything io::load_analysis rejects. Without a spec and --out, outputs go
// to ./mmm-out.
io::Analysis load_analysis_from_args(const AnalysisArgs& args);

// Builds the model spec that the arguments describe, without reading data.
io::ModelSpec model_spec_from_args(const AnalysisArgs& args);

}  // namespace cerebro::cli
