#include "cli/analysis_args.hpp"

#include <set>

#include <fmt/format.h>

#include "core/errors.hpp"

namespace cerebro::cli {
namespace {

bool has_quick_flags(const AnalysisArgs& args) {
  return !args.data_file.empty() || !args.kpi_column.empty() || !args.media_columns.empty() ||
         !args.control_columns.empty() || !args.step_dates.empty() || args.date_column != "date";
}

io::ModelSpec spec_from_quick_flags(const AnalysisArgs& args) {
  if (args.data_file.empty() || args.kpi_column.empty() || args.media_columns.empty()) {
    throw core::InputError(
        "quick flags need --data FILE, --kpi COLUMN and --media COLUMN[,COLUMN...] (plus --date COLUMN when the date "
        "column is not called 'date'); or give a SPEC.yaml instead.");
  }
  io::ModelSpec spec;
  auto series = [&](const std::string& column, core::SeriesRole role) {
    io::SeriesSpec entry;
    entry.name = column;
    entry.role = role;
    entry.file = args.data_file;
    entry.date_column = args.date_column;
    entry.value_column = column;
    entry.aggregate = role == core::SeriesRole::kpi ? io::Aggregate::last : io::Aggregate::sum;
    return entry;
  };
  spec.kpi = series(args.kpi_column, core::SeriesRole::kpi);
  for (const auto& column : args.media_columns) spec.media.push_back(series(column, core::SeriesRole::media));
  for (const auto& column : args.control_columns) spec.controls.push_back(series(column, core::SeriesRole::control));
  for (const auto& text : args.step_dates) {
    const std::optional<core::Day> day = core::parse_date(text);
    if (!day) throw core::InputError(fmt::format("--step '{}' is not a date; use YYYY-MM-DD.", text));
    spec.events.push_back({"step_" + core::format_date(*day), *day});
  }
  return spec;
}

// Quick flags name columns directly, so a column given twice (or as both the
// KPI and a media) would enter the model as two series with one source.
void require_distinct_columns(const AnalysisArgs& args) {
  std::set<std::string> seen{args.kpi_column};
  for (const std::vector<std::string>* columns : {&args.media_columns, &args.control_columns}) {
    for (const std::string& column : *columns) {
      if (!seen.insert(column).second) {
        throw core::InputError(fmt::format(
            "column '{}' is named twice in --kpi, --media and --controls; name each column once.",
            column));
      }
    }
  }
}

}  // namespace

void add_analysis_options(CLI::App& command, AnalysisArgs& args) {
  command.add_option("spec", args.spec_path, "model spec (YAML); replaces the quick flags below");
  command.add_option("--data", args.data_file, "quick flags: data file (.csv, .parquet, .tsv, .json, .jsonl)");
  command.add_option("--date", args.date_column, "quick flags: name of the date column (default: date)");
  command.add_option("--kpi", args.kpi_column, "quick flags: KPI column; several rows in a week keep the last");
  command.add_option("--media", args.media_columns, "quick flags: media spend columns, comma-separated; summed per week")
      ->delimiter(',');
  command.add_option("--controls", args.control_columns, "quick flags: control columns, comma-separated")
      ->delimiter(',');
  command.add_option("--step", args.step_dates, "quick flags: date of a declared KPI step event (repeatable)");
  command.add_option_function<std::string>(
      "--out", [&args](const std::string& value) { args.out_dir = value; },
      "output directory (default: the spec's `out`, else ./mmm-out)");
  command.add_option_function<int>(
      "--threads", [&args](const int& value) { args.threads = value; }, "worker threads; 0 uses every core")
      ->check(CLI::Range(0, 1024));
  command.add_option_function<int>(
      "--resamples", [&args](const int& value) { args.resamples = value; },
      "bootstrap resamples (default 1000); 0 turns the bootstrap off")
      ->check(CLI::Range(0, 1000000));
  command.add_option_function<std::uint64_t>(
      "--seed", [&args](const std::uint64_t& value) { args.seed = value; }, "bootstrap random seed");
}

io::ModelSpec model_spec_from_args(const AnalysisArgs& args) {
  const bool quick = has_quick_flags(args);
  if (!args.spec_path.empty() && quick) {
    throw core::InputError(fmt::format("both a spec ({}) and quick flags (--data, --date, --kpi, --media, --controls, "
                                       "--step) were given; use one of the two.",
                                       args.spec_path));
  }
  if (args.spec_path.empty() && !quick) {
    throw core::InputError(
        "no input given; pass a SPEC.yaml, or the quick flags --data FILE --kpi COLUMN --media COLUMN[,COLUMN...].");
  }
  if (quick) require_distinct_columns(args);
  io::ModelSpec spec = args.spec_path.empty() ? spec_from_quick_flags(args) : io::load_model_spec(args.spec_path);
  if (args.out_dir) spec.out = *args.out_dir;
  if (args.threads) spec.threads = *args.threads;
  if (args.resamples) spec.bootstrap.resamples = *args.resamples;
  if (args.seed) spec.bootstrap.seed = *args.seed;
  return spec;
}

io::Analysis load_analysis_from_args(const AnalysisArgs& args) { return io::load_analysis(model_spec_from_args(args)); }

}  // namespace cerebro::cli
