#include "io/model_spec.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <set>

#include "core/atomic_file.hpp"
#include "core/errors.hpp"
#include "io/spec_reader.hpp"

namespace cerebro::io {
namespace {

using spec_detail::SpecReader;

// Top-level defaults that series without their own `file` or `date` inherit.
struct SeriesDefaults {
  std::filesystem::path data_file;
  std::string date_column;
};

std::filesystem::path resolve_path(const std::filesystem::path& spec_dir, const std::string& text) {
  const std::filesystem::path path(text);
  if (path.is_absolute() || spec_dir.empty()) return path;
  return spec_dir / path;
}

Aggregate read_aggregate(const SpecReader& reader, const YAML::Node& node) {
  const std::string value = reader.text(node, "aggregate");
  if (value == "sum") return Aggregate::sum;
  if (value == "mean") return Aggregate::mean;
  if (value == "last") return Aggregate::last;
  reader.fail(node, fmt::format("'aggregate' must be sum, mean or last, got '{}'.", value));
}

GapPolicy read_gaps(const SpecReader& reader, const YAML::Node& node, std::string_view key, bool allow_zero) {
  const std::string value = reader.text(node, key);
  if (value == "interpolate") return GapPolicy::interpolate;
  if (value == "error") return GapPolicy::error;
  if (value == "zero" && allow_zero) return GapPolicy::zero;
  reader.fail(node, fmt::format("'{}' must be {}, got '{}'.", key, allow_zero ? "zero, interpolate or error" : "error or interpolate", value));
}

std::optional<double> read_decay_rate(const SpecReader& reader, const YAML::Node& node) {
  if (node.IsScalar() && node.Scalar() == "auto") return std::nullopt;
  const double decay_rate = reader.number(node, "decay_rate");
  if (decay_rate < 0 || decay_rate >= 1) {
    reader.fail(node, fmt::format("'decay_rate' is {}, outside [0, 1); use a number such as 0.5 or `auto`.", decay_rate));
  }
  return decay_rate;
}

int read_window_weeks(const SpecReader& reader, const YAML::Node& node) {
  return static_cast<int>(reader.integer(node, "window_weeks", 0, 52));
}

int read_decimals(const SpecReader& reader, const YAML::Node& node) {
  return static_cast<int>(reader.integer(node, "decimals", 0, 36));
}

std::string_view role_key(core::SeriesRole role) {
  switch (role) {
    case core::SeriesRole::kpi: return "kpi";
    case core::SeriesRole::media: return "media";
    case core::SeriesRole::control: return "controls";
  }
  return "media";
}

SeriesSpec read_series(const SpecReader& reader, const YAML::Node& node, core::SeriesRole role, std::string_view where,
                       const SeriesDefaults& defaults, const std::filesystem::path& spec_dir) {
  SeriesSpec series;
  series.role = role;
  series.line = SpecReader::line_of(node);
  series.aggregate = role == core::SeriesRole::kpi ? Aggregate::last : Aggregate::sum;

  if (node.IsScalar()) {
    // Shorthand: a bare name is a column of the default data file.
    series.name = node.Scalar();
    series.value_column = series.name;
  } else {
    switch (role) {
      case core::SeriesRole::kpi:
        reader.require_keys(node, where, {"name", "file", "sql", "date", "column", "aggregate", "unit", "decimals"});
        break;
      case core::SeriesRole::media:
        reader.require_keys(node, where, {"name", "file", "sql", "date", "column", "aggregate", "unit", "decimals",
                                          "decay_rate", "window_weeks", "gaps"});
        break;
      case core::SeriesRole::control:
        reader.require_keys(node, where,
                            {"name", "file", "sql", "date", "column", "aggregate", "unit", "decimals", "gaps"});
        break;
    }
    for (const auto& entry : node) {
      const std::string key = entry.first.Scalar();
      const YAML::Node& value = entry.second;
      if (key == "name") series.name = reader.text(value, key);
      if (key == "file") series.file = resolve_path(spec_dir, reader.text(value, key));
      if (key == "sql") series.sql = reader.text(value, key);
      if (key == "date") series.date_column = reader.text(value, key);
      if (key == "column") series.value_column = reader.text(value, key);
      if (key == "aggregate") series.aggregate = read_aggregate(reader, value);
      if (key == "unit") series.unit = reader.text(value, key);
      if (key == "decimals") series.decimals = read_decimals(reader, value);
      if (key == "decay_rate") series.decay_rate = read_decay_rate(reader, value);
      if (key == "window_weeks") series.window_weeks = read_window_weeks(reader, value);
      if (key == "gaps") series.gaps = read_gaps(reader, value, key, true);
    }
  }

  if (series.name.empty()) series.name = series.value_column;
  if (series.name.empty()) {
    reader.fail_at_line(series.line, fmt::format("'{}' needs a `name` or a `column`.", where));
  }
  if (!series.file.empty() && !series.sql.empty()) {
    reader.fail_at_line(series.line, fmt::format("'{}' ({}) sets both `file` and `sql`; keep one.", where, series.name));
  }
  if (series.sql.empty()) {
    if (series.file.empty()) series.file = defaults.data_file;
    if (series.file.empty()) {
      reader.fail_at_line(series.line, fmt::format("'{}' ({}) has no source; give it `file` and `column`, `sql`, or "
                                                   "set a top-level `data` file.",
                                                   where, series.name));
    }
    if (series.value_column.empty()) series.value_column = series.name;
    if (series.date_column.empty()) series.date_column = defaults.date_column;
  }
  return series;
}

WideMediaOverride read_override(const SpecReader& reader, const YAML::Node& node, std::string_view where) {
  reader.require_keys(node, where, {"decay_rate", "window_weeks", "aggregate", "gaps", "unit", "decimals"});
  WideMediaOverride result;
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    const YAML::Node& value = entry.second;
    if (key == "decay_rate") result.decay_rate = read_decay_rate(reader, value);
    if (key == "window_weeks") result.window_weeks = read_window_weeks(reader, value);
    if (key == "aggregate") result.aggregate = read_aggregate(reader, value);
    if (key == "gaps") result.gaps = read_gaps(reader, value, key, true);
    if (key == "unit") result.unit = reader.text(value, key);
    if (key == "decimals") result.decimals = read_decimals(reader, value);
  }
  return result;
}

WideTableSpec read_table(const SpecReader& reader, const YAML::Node& node, const SeriesDefaults& defaults,
                         const std::filesystem::path& spec_dir) {
  reader.require_keys(node, "table", {"file", "sql", "week", "kpi", "kpi_unit", "kpi_aggregate", "media_prefix",
                                      "control_prefix", "exclude", "media"});
  WideTableSpec table;
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    const YAML::Node& value = entry.second;
    if (key == "file") table.file = resolve_path(spec_dir, reader.text(value, key));
    if (key == "sql") table.sql = reader.text(value, key);
    if (key == "week") table.week_column = reader.text(value, key);
    if (key == "kpi") table.kpi_column = reader.text(value, key);
    if (key == "kpi_unit") table.kpi_unit = reader.text(value, key);
    if (key == "kpi_aggregate") table.kpi_aggregate = read_aggregate(reader, value);
    if (key == "media_prefix") table.media_prefix = reader.text(value, key);
    if (key == "control_prefix") table.control_prefix = reader.text(value, key);
    if (key == "exclude") table.exclude = reader.text_list(value, key);
    if (key == "media") {
      reader.require_map(value, "table.media");
      for (const auto& media : value) {
        const std::string column = reader.text(media.first, "table.media");
        table.overrides[column] = read_override(reader, media.second, "table.media." + column);
      }
    }
  }
  const int line = SpecReader::line_of(node);
  if (!table.file.empty() && !table.sql.empty()) reader.fail_at_line(line, "'table' sets both `file` and `sql`; keep one.");
  if (table.file.empty() && table.sql.empty()) table.file = defaults.data_file;
  if (table.file.empty() && table.sql.empty()) {
    reader.fail_at_line(line, "'table' needs `file` or `sql` (or a top-level `data` file).");
  }
  if (table.kpi_column.empty()) {
    reader.fail_at_line(line, "'table' needs `kpi`: the KPI column to model, such as kpi_pools_tvl_usd.");
  }
  if (table.media_prefix.empty() || table.control_prefix.empty()) {
    reader.fail_at_line(line, "'table' prefixes must not be empty.");
  }
  return table;
}

ClickHouseSpec read_clickhouse(const SpecReader& reader, const YAML::Node& node) {
  reader.require_keys(node, "clickhouse", {"url", "user", "password_env", "database", "timeout_seconds"});
  ClickHouseSpec clickhouse;
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    const YAML::Node& value = entry.second;
    if (key == "url") clickhouse.url = reader.text(value, key);
    if (key == "user") clickhouse.user = reader.text(value, key);
    if (key == "password_env") clickhouse.password_env = reader.text(value, key);
    if (key == "database") clickhouse.database = reader.text(value, key);
    if (key == "timeout_seconds") clickhouse.timeout_seconds = static_cast<int>(reader.integer(value, key, 1, 86400));
  }
  if (!clickhouse.url.starts_with("http://") && !clickhouse.url.starts_with("https://")) {
    reader.fail(node, fmt::format("'clickhouse.url' must start with http:// or https://, got '{}'.", clickhouse.url));
  }
  return clickhouse;
}

void read_events(const SpecReader& reader, const YAML::Node& node, ModelSpec& spec) {
  reader.require_sequence(node, "events");
  for (const auto& item : node) {
    reader.require_keys(item, "events[]", {"name", "date"});
    if (!item["name"] || !item["date"]) reader.fail(item, "each event needs `name` and `date`.");
    spec.events.push_back({reader.text(item["name"], "name"), reader.date(item["date"], "date")});
  }
}

void read_latent(const SpecReader& reader, const YAML::Node& node, ModelSpec& spec) {
  reader.require_sequence(node, "latent");
  for (const auto& item : node) {
    reader.require_keys(item, "latent[]", {"name", "affects"});
    if (!item["name"]) reader.fail(item, "each latent variable needs `name`.");
    core::LatentVariable latent;
    latent.name = reader.text(item["name"], "name");
    if (item["affects"]) latent.affects = reader.text_list(item["affects"], "affects");
    spec.latent.push_back(std::move(latent));
  }
}

void read_collinearity(const SpecReader& reader, const YAML::Node& node, ModelSpec& spec) {
  reader.require_keys(node, "collinearity", {"allow"});
  if (!node["allow"]) return;
  reader.require_sequence(node["allow"], "collinearity.allow");
  for (const auto& pair : node["allow"]) {
    // A flat list such as [a, b] is a common slip for [[a, b]], so the message shows the shape.
    if (!pair.IsSequence() || pair.size() != 2) {
      reader.fail(pair, "each entry of 'collinearity.allow' must be a pair of media names, written "
                        "as a list of pairs: allow: [[media_a, media_b]].");
    }
    const std::vector<std::string> names = reader.text_list(pair, "collinearity.allow");
    if (names[0] == names[1]) {
      reader.fail(pair, "'collinearity.allow' pairs a media with itself ('" + names[0] +
                            "'); name two different media.");
    }
    spec.allowed_collinear_pairs.emplace_back(names[0], names[1]);
  }
}

void read_bootstrap(const SpecReader& reader, const YAML::Node& node, ModelSpec& spec) {
  reader.require_keys(node, "bootstrap", {"resamples", "seed", "block_length_weeks"});
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    if (key == "resamples") spec.bootstrap.resamples = static_cast<int>(reader.integer(entry.second, key, 0, 1000000));
    if (key == "seed") {
      spec.bootstrap.seed = static_cast<std::uint64_t>(reader.integer(entry.second, key, 0, INT64_MAX));
    }
    if (key == "block_length_weeks") {
      spec.bootstrap.block_length_weeks = static_cast<int>(reader.integer(entry.second, key, 1, 520));
    }
  }
}

void read_simulate(const SpecReader& reader, const YAML::Node& node, ModelSpec& spec) {
  SimulateSpec simulate;
  if (!node.IsNull()) {
    reader.require_keys(node, "simulate", {"current_weeks", "budget_change", "max_change"});
    for (const auto& entry : node) {
      const std::string key = entry.first.Scalar();
      const YAML::Node& value = entry.second;
      if (key == "current_weeks") simulate.current_weeks = static_cast<int>(reader.integer(value, key, 1, 520));
      if (key == "budget_change") {
        simulate.budget_change = reader.number(value, key);
        if (simulate.budget_change < -0.3 || simulate.budget_change > 0.3) {
          reader.fail(value, fmt::format("'budget_change' is {}, outside [-0.3, 0.3] (a fraction of the total).",
                                         simulate.budget_change));
        }
      }
      if (key == "max_change") {
        simulate.max_change = reader.number(value, key);
        if (simulate.max_change <= 0 || simulate.max_change > 0.3) {
          reader.fail(value, fmt::format("'max_change' is {}, outside (0, 0.3] (a fraction of current spend).",
                                         simulate.max_change));
        }
      }
    }
  }
  spec.simulate = simulate;
}

void check_unique_names(const SpecReader& reader, const ModelSpec& spec) {
  std::set<std::string> names;
  auto add = [&](const SeriesSpec& series) {
    if (!names.insert(series.name).second) {
      reader.fail_at_line(series.line, fmt::format("the series name '{}' is used twice; series names must be unique.",
                                                   series.name));
    }
  };
  if (spec.kpi) add(*spec.kpi);
  for (const auto& series : spec.media) add(series);
  for (const auto& series : spec.controls) add(series);
}

}  // namespace

ModelSpec parse_model_spec(std::string_view yaml_text, const std::filesystem::path& spec_path) {
  const SpecReader reader(spec_path.empty() ? std::string("spec") : spec_path.string());
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& error) {
    reader.fail_at_line(error.mark.is_null() ? 0 : error.mark.line + 1,
                        fmt::format("invalid YAML: {}.", error.msg));
  }
  if (!root.IsDefined() || root.IsNull()) reader.fail_at_line(0, "the spec is empty; it needs at least `kpi` and `media`, or `table`.");

  ModelSpec spec;
  spec.spec_path = spec_path;
  spec.spec_dir = spec_path.empty() ? std::filesystem::path() : spec_path.parent_path();
  try {
    reader.require_keys(root, "spec", {"data", "date", "week_start", "kpi", "media", "controls", "table", "kpi_gaps",
                                       "holdout_fraction", "start", "end", "out", "parameters", "events", "latent",
                                       "collinearity", "bootstrap", "simulate", "threads", "clickhouse"});
    SeriesDefaults defaults;
    defaults.date_column = "date";
    if (root["data"]) defaults.data_file = resolve_path(spec.spec_dir, reader.text(root["data"], "data"));
    if (root["date"]) defaults.date_column = reader.text(root["date"], "date");

    for (const auto& entry : root) {
      const std::string key = entry.first.Scalar();
      const YAML::Node& value = entry.second;
      if (key == "week_start") {
        const std::string text = reader.text(value, key);
        if (text == "monday") {
          spec.week_start = core::WeekStart::monday;
        } else if (text == "sunday") {
          spec.week_start = core::WeekStart::sunday;
        } else {
          reader.fail(value, fmt::format("'week_start' must be monday or sunday, got '{}'.", text));
        }
      }
      if (key == "kpi") spec.kpi = read_series(reader, value, core::SeriesRole::kpi, "kpi", defaults, spec.spec_dir);
      if (key == "media" || key == "controls") {
        const core::SeriesRole role = key == "media" ? core::SeriesRole::media : core::SeriesRole::control;
        reader.require_sequence(value, key);
        std::size_t index = 0;
        for (const auto& item : value) {
          const std::string where = fmt::format("{}[{}]", role_key(role), index++);
          SeriesSpec series = read_series(reader, item, role, where, defaults, spec.spec_dir);
          (role == core::SeriesRole::media ? spec.media : spec.controls).push_back(std::move(series));
        }
      }
      if (key == "table") spec.table = read_table(reader, value, defaults, spec.spec_dir);
      if (key == "kpi_gaps") spec.kpi_gaps = read_gaps(reader, value, key, false);
      if (key == "holdout_fraction") {
        spec.holdout_fraction = reader.number(value, key);
        if (spec.holdout_fraction <= 0 || spec.holdout_fraction > 0.5) {
          reader.fail(value, fmt::format("'holdout_fraction' is {}, outside (0, 0.5].", spec.holdout_fraction));
        }
      }
      if (key == "start") spec.start = reader.date(value, key);
      if (key == "end") spec.end = reader.date(value, key);
      if (key == "out") spec.out = resolve_path(spec.spec_dir, reader.text(value, key));
      if (key == "parameters") {
        reader.require_map(value, key);
        for (const auto& parameter : value) {
          const std::string name = reader.text(parameter.first, key);
          if (name == "spec_dir") reader.fail(parameter.first, "'spec_dir' is set by the engine; choose another name.");
          spec.parameters[name] = reader.text(parameter.second, name);
        }
      }
      if (key == "clickhouse") spec.clickhouse = read_clickhouse(reader, value);
      if (key == "events") read_events(reader, value, spec);
      if (key == "latent") read_latent(reader, value, spec);
      if (key == "collinearity") read_collinearity(reader, value, spec);
      if (key == "bootstrap") read_bootstrap(reader, value, spec);
      if (key == "simulate") read_simulate(reader, value, spec);
      if (key == "threads") spec.threads = static_cast<int>(reader.integer(value, key, 0, 1024));
    }

    if (spec.table && (spec.kpi || !spec.media.empty() || !spec.controls.empty())) {
      reader.fail(root["table"], "'table' replaces `kpi`, `media` and `controls`; remove one of the two layouts.");
    }
    if (!spec.table && !spec.kpi) reader.fail_at_line(0, "the spec needs `kpi` (or a wide `table`).");
    if (!spec.table && spec.media.empty()) reader.fail_at_line(0, "the spec needs at least one entry under `media`.");
    if (spec.start && spec.end && *spec.start > *spec.end) {
      reader.fail(root["end"], fmt::format("'end' ({}) is before 'start' ({}).", core::format_date(*spec.end),
                                           core::format_date(*spec.start)));
    }
    check_unique_names(reader, spec);
  } catch (const YAML::Exception& error) {
    // yaml-cpp reports conversions on odd nodes this way; keep them user errors.
    reader.fail_at_line(error.mark.is_null() ? 0 : error.mark.line + 1, fmt::format("invalid spec: {}.", error.msg));
  }
  return spec;
}

ModelSpec load_model_spec(const std::filesystem::path& spec_path) {
  const std::optional<std::string> text = core::read_file(spec_path);
  if (!text) {
    throw core::InputError(fmt::format("spec file {} was not found; check the path.", spec_path.string()));
  }
  return parse_model_spec(*text, spec_path);
}

std::string_view to_string(Aggregate aggregate) {
  switch (aggregate) {
    case Aggregate::sum: return "sum";
    case Aggregate::mean: return "mean";
    case Aggregate::last: return "last";
  }
  return "sum";
}

std::string_view to_string(GapPolicy policy) {
  switch (policy) {
    case GapPolicy::zero: return "zero";
    case GapPolicy::interpolate: return "interpolate";
    case GapPolicy::error: return "error";
  }
  return "zero";
}

}  // namespace cerebro::io
