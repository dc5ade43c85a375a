#pragma once
// The model spec: a YAML file that names where each weekly series comes from
// and sets how the fit runs. docs/spec-format.md documents every key with an example.
// Parsing is strict, so a misspelled key is an error rather than a silent default.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "core/weekly_panel.hpp"

namespace cerebro::io {

// How several rows that fall in one week become one weekly value.
enum class Aggregate { sum, mean, last };

// How a week with no row is filled. `zero` suits flows such as emissions.
// `interpolate` suits snapshots: linear between the nearest observed weeks,
// and the nearest observed value before the first or after the last one.
// `error` rejects the data and lists the weeks.
enum class GapPolicy { zero, interpolate, error };

// Where one series comes from: a file column or a SQL query.
struct SeriesSpec {
  std::string name;  // as written in outputs
  core::SeriesRole role = core::SeriesRole::media;
  std::filesystem::path file;  // resolved against the spec's folder; empty when `sql` is set
  std::string sql;             // ClickHouse SQL; empty when `file` is set
  std::string date_column;     // empty: "date" for files, the first result column for SQL
  std::string value_column;    // empty: the series name for files, the second result column for SQL
  Aggregate aggregate = Aggregate::sum;
  std::string unit;
  int decimals = 0;                        // token base-unit decimals, in [0, 36]
  std::optional<double> decay_rate = 0.5;  // media only, in [0, 1); nullopt is `auto`
  int window_weeks = 8;                    // media only, in [0, 52]
  GapPolicy gaps = GapPolicy::zero;        // media and controls
  int line = 0;                            // 1-based line of the series in the spec, for messages
};

// Per-media settings of the wide-table layout, keyed by column name.
struct WideMediaOverride {
  std::optional<std::optional<double>> decay_rate;  // outer empty: keep the default
  std::optional<int> window_weeks;
  std::optional<Aggregate> aggregate;
  std::optional<GapPolicy> gaps;
  std::optional<std::string> unit;
  std::optional<int> decimals;
};

// One wide weekly table: a week column, then kpi_*, media_* and ctrl_* columns
// (the layout of the Gnosis "Cerebro" dbt spine). Series are named after their
// column without the prefix.
struct WideTableSpec {
  std::filesystem::path file;  // resolved; empty when `sql` is set
  std::string sql;
  std::string week_column = "week";
  std::string kpi_column;  // the chosen KPI, e.g. "kpi_pools_tvl_usd"
  std::string media_prefix = "media_";
  std::string control_prefix = "ctrl_";
  std::vector<std::string> exclude;                      // columns to leave out
  std::map<std::string, WideMediaOverride> overrides;    // by column name (with prefix)
  std::string kpi_unit;
  std::optional<Aggregate> kpi_aggregate;
};

// A ClickHouse server for the `sql` of series and tables, instead of embedded
// ClickHouse. Files are still read locally.
struct ClickHouseSpec {
  std::string url;           // http:// or https://, such as "http://127.0.0.1:8123"
  std::string user;          // empty: the server's default user
  std::string password_env;  // name of the environment variable with the password; empty: none
  std::string database;      // empty: the user's default database
  int timeout_seconds = 300;
};

struct BootstrapSpec {
  std::optional<int> resamples;  // >= 0
  std::optional<std::uint64_t> seed;
  std::optional<int> block_length_weeks;  // >= 1
};

struct SimulateSpec {
  int current_weeks = 4;     // >= 1
  double budget_change = 0;  // in [-0.3, 0.3]
  double max_change = 0.3;   // in (0, 0.3]
};

struct ModelSpec {
  std::filesystem::path spec_path;  // the file it was read from; may be empty for text
  std::filesystem::path spec_dir;   // relative paths resolve here
  std::optional<WideTableSpec> table;
  std::optional<SeriesSpec> kpi;  // set exactly when `table` is not
  std::vector<SeriesSpec> media;
  std::vector<SeriesSpec> controls;
  core::WeekStart week_start = core::WeekStart::monday;
  GapPolicy kpi_gaps = GapPolicy::error;  // error or interpolate
  double holdout_fraction = 0.2;          // in (0, 0.5]
  std::optional<core::Day> start;
  std::optional<core::Day> end;
  std::optional<std::filesystem::path> out;  // resolved against the spec's folder
  std::map<std::string, std::string> parameters;  // extra {name:String} values for SQL
  std::optional<ClickHouseSpec> clickhouse;        // where SQL runs; absent: embedded ClickHouse
  std::vector<core::StepEvent> events;
  std::vector<core::LatentVariable> latent;
  std::vector<std::pair<std::string, std::string>> allowed_collinear_pairs;
  BootstrapSpec bootstrap;
  std::optional<SimulateSpec> simulate;
  std::optional<int> threads;  // >= 0; 0 uses every core
};

// Parses spec text. `spec_path` is used for messages and to resolve relative
// paths (its parent folder); it is not read. Throws core::InputError for
// malformed YAML, an unknown key, a wrong type or a value out of range, naming
// the key and its 1-based line.
ModelSpec parse_model_spec(std::string_view yaml_text, const std::filesystem::path& spec_path);

// Reads and parses a spec file. Throws core::InputError when it is missing or
// unreadable, and as parse_model_spec.
ModelSpec load_model_spec(const std::filesystem::path& spec_path);

// Names used in messages and docs.
std::string_view to_string(Aggregate aggregate);
std::string_view to_string(GapPolicy policy);

}  // namespace cerebro::io
