#include "io/analysis.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <list>
#include <set>

#include "core/errors.hpp"
#include "io/chdb_session.hpp"
#include "io/clickhouse_http_session.hpp"
#include "io/series_values.hpp"
#include "io/table_reader.hpp"
#include "io/weekly_assembly.hpp"
#include "io/wide_table.hpp"

namespace cerebro::io {
namespace {

// Reads each file once and keeps every table alive while the panel is built.
class TableStore {
 public:
  explicit TableStore(const ModelSpec& spec) : parameters_(spec.parameters) {
    std::error_code ec;
    const std::filesystem::path folder = spec.spec_dir.empty() ? std::filesystem::current_path(ec) : spec.spec_dir;
    parameters_["spec_dir"] = std::filesystem::absolute(folder, ec).lexically_normal().string();
    if (spec.clickhouse) server_ = std::make_unique<ClickHouseHttpSession>(endpoint(*spec.clickhouse));
  }

  const RawTable& file(const std::filesystem::path& path) {
    const std::string key = path.lexically_normal().string();
    if (const auto found = files_.find(key); found != files_.end()) return *found->second;
    tables_.push_back(read_table_file(path, embedded_session()));
    files_[key] = &tables_.back();
    return tables_.back();
  }

  const RawTable& sql(const std::string& query) {
    SqlSession& session = server_ ? *server_ : embedded_session();
    tables_.push_back(session.query(query, parameters_));
    return tables_.back();
  }

 private:
  static ClickHouseEndpoint endpoint(const ClickHouseSpec& spec) {
    ClickHouseEndpoint endpoint{spec.url, spec.user, "", spec.database, spec.timeout_seconds};
    if (!spec.password_env.empty()) {
      const char* password = std::getenv(spec.password_env.c_str());
      if (password == nullptr) {
        throw core::InputError(fmt::format("clickhouse.password_env names {}, which is not set; export it with the "
                                           "server's password.",
                                           spec.password_env));
      }
      endpoint.password = password;
    }
    return endpoint;
  }

  std::unique_ptr<SqlSession> server_;  // set when the spec names a ClickHouse server
  std::map<std::string, std::string> parameters_;
  std::list<RawTable> tables_;  // a list, so references stay valid as tables are added
  std::map<std::string, const RawTable*> files_;
};

struct SeriesPlan {
  SeriesSpec spec;
  const RawTable* table = nullptr;
  std::string source;  // "file.csv:column" or "sql:column" (the query's value column)
};

SeriesPlan plan_series(const SeriesSpec& spec, TableStore& store) {
  SeriesPlan plan;
  plan.spec = spec;
  if (!spec.sql.empty()) {
    plan.table = &store.sql(spec.sql);
    if (plan.table->columns.size() < 2 && (spec.date_column.empty() || spec.value_column.empty())) {
      throw core::InputError(fmt::format("the SQL of series {} returned {} column(s); it must return a date column "
                                         "and a value column (or name them with `date` and `column`).",
                                         spec.name, plan.table->columns.size()));
    }
    if (plan.spec.date_column.empty()) plan.spec.date_column = plan.table->columns[0];
    if (plan.spec.value_column.empty()) plan.spec.value_column = plan.table->columns[1];
    plan.source = "sql:" + plan.spec.value_column;
    if (plan.table->row_count() == 0) {
      throw core::InputError(fmt::format("the SQL of series {} returned no rows; check its filters and source.",
                                         spec.name));
    }
  } else {
    plan.table = &store.file(spec.file);
    plan.source = spec.file.filename().string() + ":" + spec.value_column;
  }
  return plan;
}

std::string role_name(core::SeriesRole role) {
  switch (role) {
    case core::SeriesRole::kpi: return "KPI";
    case core::SeriesRole::media: return "media";
    case core::SeriesRole::control: return "control";
  }
  return "series";
}

void add_aggregation_note(core::WeeklyPanel& panel, const SeriesPlan& plan, const WeeklyValues& weekly,
                          const DatedSeries& dated) {
  if (weekly.merged_rows > 0) {
    panel.notes.push_back(fmt::format("{} {}: {} rows aggregated into {} weeks by {}.", role_name(plan.spec.role),
                                      plan.spec.name, weekly.rows, weekly.weeks.size(),
                                      to_string(plan.spec.aggregate)));
  }
  if (dated.blank_value_rows > 0) {
    panel.notes.push_back(fmt::format("{} {}: {} rows with an empty value were skipped.", role_name(plan.spec.role),
                                      plan.spec.name, dated.blank_value_rows));
  }
}

void add_gap_note(core::WeeklyPanel& panel, const SeriesPlan& plan, const SpineValues& laid, GapPolicy gaps) {
  if (!laid.filled_weeks.empty()) {
    const char* how = gaps == GapPolicy::zero ? "filled with 0" : "filled by linear interpolation";
    panel.notes.push_back(fmt::format("{} {}: {} week(s) without rows {} ({}).", role_name(plan.spec.role),
                                      plan.spec.name, laid.filled_weeks.size(), how, list_weeks(laid.filled_weeks)));
  }
  if (laid.weeks_outside_spine > 0) {
    panel.notes.push_back(fmt::format("{} {}: {} week(s) outside the KPI's weeks were dropped.",
                                      role_name(plan.spec.role), plan.spec.name, laid.weeks_outside_spine));
  }
}

core::Series make_series(const SeriesPlan& plan, std::vector<double> values) {
  core::Series series;
  series.name = plan.spec.name;
  series.role = plan.spec.role;
  series.unit = plan.spec.unit;
  series.decimals = plan.spec.decimals;
  series.source = plan.source;
  series.values = std::move(values);
  return series;
}

void check_names(const ModelSpec& spec, const core::WeeklyPanel& panel) {
  std::set<std::string> all{panel.kpi.name};
  std::set<std::string> media;
  for (const auto& series : panel.media) {
    all.insert(series.name);
    media.insert(series.name);
  }
  for (const auto& series : panel.controls) all.insert(series.name);

  // Events and latent variables become DAG nodes next to the series, so a name
  // shared with a series or with each other would make two nodes one variable.
  std::set<std::string> node_names = all;
  const auto claim = [&](const std::string& kind, const std::string& name) {
    if (!node_names.insert(name).second) {
      throw core::InputError(fmt::format(
          "{} name '{}' is already used by a series, an event or a latent variable; give it a "
          "name of its own.",
          kind, name));
    }
  };
  for (const auto& event : spec.events) claim("event", event.name);
  for (const auto& latent : spec.latent) claim("latent variable", latent.name);

  for (const auto& latent : spec.latent) {
    for (const auto& name : latent.affects) {
      if (!all.count(name)) {
        throw core::InputError(fmt::format("latent variable {} affects '{}', which is not a series of the panel; "
                                           "use one of the KPI, media or control names.",
                                           latent.name, name));
      }
    }
  }
  for (const auto& [first, second] : spec.allowed_collinear_pairs) {
    for (const auto& name : {first, second}) {
      if (!media.count(name)) {
        throw core::InputError(fmt::format("collinearity.allow names '{}', which is not a media series; use media "
                                           "names only.",
                                           name));
      }
    }
  }
}

fit::FitOptions make_fit_options(const ModelSpec& spec, const std::vector<SeriesPlan>& media_plans) {
  fit::FitOptions options;
  for (const auto& plan : media_plans) {
    options.media.push_back({plan.spec.name, plan.spec.decay_rate, plan.spec.window_weeks});
  }
  options.holdout_fraction = spec.holdout_fraction;
  options.start = spec.start;
  options.end = spec.end;
  options.allowed_collinear_pairs = spec.allowed_collinear_pairs;
  options.events = spec.events;
  options.latent = spec.latent;
  if (spec.bootstrap.resamples) options.bootstrap.resamples = *spec.bootstrap.resamples;
  if (spec.bootstrap.seed) options.bootstrap.seed = *spec.bootstrap.seed;
  options.bootstrap.block_length_weeks = spec.bootstrap.block_length_weeks;
  if (spec.threads) options.threads = *spec.threads;
  return options;
}

}  // namespace

Analysis load_analysis(const ModelSpec& spec) {
  TableStore store(spec);

  // Plan every series: which table, which columns.
  SeriesPlan kpi_plan;
  std::vector<SeriesPlan> media_plans;
  std::vector<SeriesPlan> control_plans;
  if (spec.table) {
    const RawTable& table = spec.table->sql.empty() ? store.file(spec.table->file) : store.sql(spec.table->sql);
    const WideTableSeries series = plan_wide_table(*spec.table, table);
    const std::string file_name = spec.table->sql.empty() ? spec.table->file.filename().string() : std::string();
    auto to_plan = [&](const SeriesSpec& series_spec) {
      SeriesPlan plan{series_spec, &table, (file_name.empty() ? std::string("sql") : file_name) + ":" + series_spec.value_column};
      return plan;
    };
    kpi_plan = to_plan(series.kpi);
    for (const auto& media : series.media) media_plans.push_back(to_plan(media));
    for (const auto& control : series.controls) control_plans.push_back(to_plan(control));
  } else {
    kpi_plan = plan_series(*spec.kpi, store);
    for (const auto& media : spec.media) media_plans.push_back(plan_series(media, store));
    for (const auto& control : spec.controls) control_plans.push_back(plan_series(control, store));
  }

  // 1. Cell values: dates, numbers, finiteness, non-negative spend.
  const DatedSeries kpi_rows = read_dated_series(*kpi_plan.table, kpi_plan.spec.name, kpi_plan.spec.date_column,
                                                 kpi_plan.spec.value_column, false);
  std::vector<DatedSeries> media_rows;
  for (const auto& plan : media_plans) {
    media_rows.push_back(
        read_dated_series(*plan.table, plan.spec.name, plan.spec.date_column, plan.spec.value_column, true));
  }
  std::vector<DatedSeries> control_rows;
  for (const auto& plan : control_plans) {
    control_rows.push_back(
        read_dated_series(*plan.table, plan.spec.name, plan.spec.date_column, plan.spec.value_column, false));
  }

  Analysis analysis;
  analysis.spec_path = spec.spec_path;
  analysis.out_dir = spec.out.value_or(std::filesystem::path("mmm-out"));
  if (spec.simulate) {
    analysis.simulation = simulate::SimulationOptions{spec.simulate->current_weeks, spec.simulate->budget_change,
                                                      spec.simulate->max_change};
  }
  core::WeeklyPanel& panel = analysis.panel;
  panel.week_start = spec.week_start;

  // 2. The spine and the KPI's gaps.
  const WeeklyValues kpi_weekly = aggregate_to_weeks(kpi_rows, kpi_plan.spec.aggregate, spec.week_start);
  if (kpi_weekly.weeks.empty()) {
    throw core::InputError(fmt::format("KPI {} has no rows with a value in {}; check the column '{}'.",
                                       kpi_plan.spec.name, kpi_plan.table->origin, kpi_plan.spec.value_column));
  }
  panel.weeks = weekly_spine(kpi_weekly.weeks.front(), kpi_weekly.weeks.back());
  const GapPolicy kpi_gaps = spec.kpi_gaps == GapPolicy::interpolate ? GapPolicy::interpolate : GapPolicy::error;
  const SpineValues kpi_laid =
      lay_on_spine(kpi_weekly, panel.weeks, kpi_gaps, "KPI " + kpi_plan.spec.name,
                   "Add the missing rows, or set `kpi_gaps: interpolate` to fill them linearly.");
  add_aggregation_note(panel, kpi_plan, kpi_weekly, kpi_rows);
  add_gap_note(panel, kpi_plan, kpi_laid, kpi_gaps);
  panel.kpi = make_series(kpi_plan, kpi_laid.values);

  auto lay_series = [&](const SeriesPlan& plan, const DatedSeries& rows) {
    const WeeklyValues weekly = aggregate_to_weeks(rows, plan.spec.aggregate, spec.week_start);
    const SpineValues laid =
        lay_on_spine(weekly, panel.weeks, plan.spec.gaps, role_name(plan.spec.role) + " " + plan.spec.name,
                     "Add the missing rows, or set `gaps: zero` or `gaps: interpolate` on this series.");
    add_aggregation_note(panel, plan, weekly, rows);
    add_gap_note(panel, plan, laid, plan.spec.gaps);
    return make_series(plan, laid.values);
  };
  for (std::size_t i = 0; i < media_plans.size(); ++i) panel.media.push_back(lay_series(media_plans[i], media_rows[i]));
  for (std::size_t i = 0; i < control_plans.size(); ++i) {
    panel.controls.push_back(lay_series(control_plans[i], control_rows[i]));
  }

  // 3. Empty or constant series.
  for (const auto& media : panel.media) {
    if (std::all_of(media.values.begin(), media.values.end(), [](double value) { return value == 0; })) {
      throw core::InputError(fmt::format("media {} ({}) is zero in every week from {} to {}; a media without spend "
                                         "cannot be attributed. Check its column, or remove it from the spec.",
                                         media.name, media.source, core::format_date(panel.weeks.front()),
                                         core::format_date(panel.weeks.back())));
    }
  }
  const auto [lowest, highest] = std::minmax_element(panel.kpi.values.begin(), panel.kpi.values.end());
  if (*lowest == *highest) {
    throw core::InputError(fmt::format("KPI {} ({}) is constant at {} in all {} weeks; there is no variation to "
                                       "attribute. Check the KPI column and the aggregate ({}).",
                                       panel.kpi.name, panel.kpi.source, *lowest, panel.weeks.size(),
                                       to_string(kpi_plan.spec.aggregate)));
  }

  check_names(spec, panel);
  analysis.options = make_fit_options(spec, media_plans);
  return analysis;
}

}  // namespace cerebro::io
