#pragma once
// One analysis ready to run: the weekly panel plus everything the fit, the
// output writer and the simulator need, built from a model spec.
#include <filesystem>
#include <optional>

#include "core/weekly_panel.hpp"
#include "fit/fit_options.hpp"
#include "io/model_spec.hpp"
#include "simulate/simulation_result.hpp"

namespace cerebro::io {

struct Analysis {
  core::WeeklyPanel panel;
  fit::FitOptions options;
  std::filesystem::path out_dir;  // where outputs go; "mmm-out" in the working directory unless set
  std::optional<simulate::SimulationOptions> simulation;  // set when the spec has `simulate`
  std::filesystem::path spec_path;  // empty when built from quick flags
};

// Reads every series of the spec and builds the panel. Files are read once
// each; SQL runs in embedded ClickHouse with the parameter {spec_dir:String}
// (the spec's folder, absolute) plus the spec's `parameters`. The spine runs
// from the KPI's first to last week. Each check throws core::InputError
// naming the file, column, row or week, the value and the fix. They run in
// this order: cell values (dates, numbers, NaN or infinite values, negative
// media spend), then KPI gaps (unless `kpi_gaps: interpolate`), then empty or
// constant series (a media with no non-zero week, a constant KPI). Names in
// `latent` and `collinearity` must match series of the panel.
Analysis load_analysis(const ModelSpec& spec);

}  // namespace cerebro::io
