#include "io/analysis.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "core/errors.hpp"
#include "io/csv_reader.hpp"
#include "scratch_dir.hpp"

namespace cerebro::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Sums of short decimals; equal up to rounding.
constexpr double kSumTolerance = 1e-9;

// Daily rows over three Monday weeks (2024-01-01, -08, -15): the KPI is a
// snapshot (last), spend a flow (sum), price a level (mean).
constexpr const char* kDailyCsv =
    "date,tvl_usd,spend_usd,price_usd\n"
    "2024-01-01,100,1,2\n"
    "2024-01-03,110,2,4\n"
    "2024-01-08,120,0,3\n"
    "2024-01-10T23:00:00Z,130,5,5\n"
    "2024-01-16 08:00:00,90,4,1\n";

constexpr const char* kDailySpec =
    "data: panel.csv\n"
    "kpi: {column: tvl_usd, unit: usd}\n"
    "media: [{column: spend_usd, unit: usd, decay_rate: 0.3, window_weeks: 4}]\n"
    "controls: [{column: price_usd, aggregate: mean}]\n";

Analysis load(const testing::ScratchDir& scratch, const std::string& spec_text) {
  const auto spec_path = scratch.write("spec.yaml", spec_text);
  return load_analysis(parse_model_spec(spec_text, spec_path));
}

std::string load_error(const testing::ScratchDir& scratch, const std::string& spec_text) {
  try {
    load(scratch, spec_text);
  } catch (const core::InputError& error) {
    return error.what();
  }
  ADD_FAILURE() << "expected InputError";
  return "";
}

TEST(LoadAnalysis, DailyRowsAggregateToWeeks) {
  const testing::ScratchDir scratch("daily");
  scratch.write("panel.csv", kDailyCsv);
  const Analysis analysis = load(scratch, kDailySpec);
  const core::WeeklyPanel& panel = analysis.panel;
  ASSERT_EQ(panel.size(), 3u);
  EXPECT_EQ(core::format_date(panel.weeks[0]), "2024-01-01");
  EXPECT_THAT(panel.kpi.values, ElementsAre(110, 130, 90));
  EXPECT_THAT(panel.media[0].values, ElementsAre(3, 5, 4));
  EXPECT_THAT(panel.controls[0].values, ElementsAre(3, 4, 1));
  EXPECT_EQ(panel.kpi.source, "panel.csv:tvl_usd");
  EXPECT_EQ(panel.kpi.unit, "usd");
  EXPECT_EQ(panel.media[0].role, core::SeriesRole::media);
  ASSERT_EQ(analysis.options.media.size(), 1u);
  EXPECT_EQ(analysis.options.media[0].name, "spend_usd");
  EXPECT_EQ(analysis.options.media[0].decay_rate, 0.3);
  EXPECT_EQ(analysis.options.media[0].window_weeks, 4);
  EXPECT_EQ(analysis.out_dir, std::filesystem::path("mmm-out"));
  EXPECT_THAT(panel.notes, ::testing::Contains(HasSubstr("KPI tvl_usd: 5 rows aggregated into 3 weeks by last")));
}

TEST(LoadAnalysis, KpiGapIsErrorListingWeeks) {
  const testing::ScratchDir scratch("kpi-gap");
  scratch.write("panel.csv", "date,tvl_usd,spend_usd\n2024-01-01,100,1\n2024-01-15,300,2\n2024-01-22,200,2\n");
  EXPECT_THAT(load_error(scratch, "data: panel.csv\nkpi: {column: tvl_usd}\nmedia: [spend_usd]\n"),
              HasSubstr("KPI tvl_usd has no rows in 1 week(s): 2024-01-08. Add the missing rows, or set `kpi_gaps: "
                        "interpolate`"));
}

TEST(LoadAnalysis, KpiGapInterpolatedWhenAsked) {
  const testing::ScratchDir scratch("kpi-interp");
  scratch.write("panel.csv", "date,tvl_usd,spend_usd\n2024-01-01,100,1\n2024-01-15,300,2\n2024-01-22,200,2\n");
  const Analysis analysis =
      load(scratch, "data: panel.csv\nkpi_gaps: interpolate\nkpi: {column: tvl_usd}\nmedia: [spend_usd]\n");
  EXPECT_THAT(analysis.panel.kpi.values, ElementsAre(100, 200, 300, 200));
  // Media keep the default gap policy: the missing week is a zero.
  EXPECT_THAT(analysis.panel.media[0].values, ElementsAre(1, 0, 2, 2));
  EXPECT_THAT(analysis.panel.notes, ::testing::Contains(HasSubstr("filled by linear interpolation (2024-01-08)")));
  EXPECT_THAT(analysis.panel.notes, ::testing::Contains(HasSubstr("media spend_usd: 1 week(s) without rows filled with 0")));
}

TEST(LoadAnalysis, MediaGapErrorPolicy) {
  const testing::ScratchDir scratch("media-gap");
  scratch.write("kpi.csv", "date,tvl\n2024-01-01,1\n2024-01-08,2\n2024-01-15,3\n");
  scratch.write("spend.csv", "date,usd\n2024-01-01,1\n2024-01-15,2\n");
  EXPECT_THAT(load_error(scratch, "kpi: {file: kpi.csv, column: tvl}\n"
                                  "media: [{name: lm, file: spend.csv, column: usd, gaps: error}]\n"),
              HasSubstr("media lm has no rows in 1 week(s): 2024-01-08"));
}

struct BadInputCase {
  const char* name;
  const char* csv;          // written as panel.csv; nullptr writes no file
  const char* spec_media;   // the media list of the spec
  const char* expected;     // a part of the message
};

class BadInput : public ::testing::TestWithParam<BadInputCase> {};

TEST_P(BadInput, NamesPlaceValueAndFix) {
  const BadInputCase& bad = GetParam();
  const testing::ScratchDir scratch(std::string("bad-") + bad.name);
  if (bad.csv != nullptr) scratch.write("panel.csv", bad.csv);
  const std::string spec = std::string("data: panel.csv\nkpi: {column: tvl}\nmedia: ") + bad.spec_media + "\n";
  EXPECT_THAT(load_error(scratch, spec), HasSubstr(bad.expected));
}

INSTANTIATE_TEST_SUITE_P(
    LoadAnalysis, BadInput,
    ::testing::Values(
        BadInputCase{"missing_file", nullptr, "[spend]", "panel.csv was not found"},
        BadInputCase{"empty_file", "", "[spend]", "panel.csv is empty"},
        BadInputCase{"header_only", "date,tvl,spend\n", "[spend]", "KPI tvl has no rows with a value"},
        BadInputCase{"unknown_column", "date,tvl,spend\n2024-01-01,1,1\n", "[spnd]",
                     "has no column 'spnd' (the values of spnd); available columns: date, tvl, spend"},
        BadInputCase{"non_numeric", "date,tvl,spend\n2024-01-01,1,1\n2024-01-08,2,lots\n", "[spend]",
                     "data row 2, column 'spend': 'lots' is not a number"},
        BadInputCase{"bad_date", "date,tvl,spend\n2024-01-01,1,1\n01/08/2024,2,1\n", "[spend]",
                     "data row 2, column 'date': '01/08/2024' is not a date"},
        BadInputCase{"nan", "date,tvl,spend\n2024-01-01,1,1\n2024-01-08,nan,1\n", "[spend]",
                     "data row 2 (2024-01-08), column 'tvl': the value nan is not finite"},
        BadInputCase{"infinite", "date,tvl,spend\n2024-01-01,1,1\n2024-01-08,2,inf\n", "[spend]",
                     "column 'spend': the value inf is not finite"},
        BadInputCase{"negative_spend", "date,tvl,spend\n2024-01-01,1,1\n2024-01-08,2,-3\n", "[spend]",
                     "data row 2 (2024-01-08), column 'spend': media spend -3 is negative"},
        BadInputCase{"all_zero_media", "date,tvl,spend\n2024-01-01,1,0\n2024-01-08,2,0\n", "[spend]",
                     "media spend (panel.csv:spend) is zero in every week from 2024-01-01 to 2024-01-08"},
        BadInputCase{"constant_kpi", "date,tvl,spend\n2024-01-01,5,1\n2024-01-08,5,2\n", "[spend]",
                     "KPI tvl (panel.csv:tvl) is constant at 5 in all 2 weeks"},
        // Order of checks: a negative spend is reported before the KPI gap and the constant KPI.
        BadInputCase{"order_values_first", "date,tvl,spend\n2024-01-01,5,1\n2024-01-15,5,-1\n", "[spend]",
                     "is negative"},
        // A KPI gap is reported before the media that is zero everywhere.
        BadInputCase{"order_gap_before_empty", "date,tvl,spend\n2024-01-01,5,0\n2024-01-15,6,0\n", "[spend]",
                     "KPI tvl has no rows in 1 week(s)"}),
    [](const ::testing::TestParamInfo<BadInputCase>& info) { return std::string(info.param.name); });

TEST(LoadAnalysis, DirectoryAsDataFile) {
  const testing::ScratchDir scratch("dir-data");
  std::filesystem::create_directories(scratch.path() / "panel.csv");
  EXPECT_THAT(load_error(scratch, "data: panel.csv\nkpi: {column: tvl}\nmedia: [spend]\n"), HasSubstr("directory"));
}

TEST(LoadAnalysis, UnknownLatentTarget) {
  const testing::ScratchDir scratch("latent");
  scratch.write("panel.csv", kDailyCsv);
  EXPECT_THAT(load_error(scratch, std::string(kDailySpec) + "latent: [{name: hype, affects: [tvl]}]\n"),
              HasSubstr("latent variable hype affects 'tvl', which is not a series"));
}

TEST(LoadAnalysis, EventAndLatentNamesAreDistinct) {
  const testing::ScratchDir scratch("node-names");
  scratch.write("panel.csv", kDailyCsv);
  EXPECT_THAT(load_error(scratch, std::string(kDailySpec) +
                                      "events: [{name: spend_usd, date: 2024-01-08}]\n"),
              HasSubstr("event name 'spend_usd' is already used"));
  EXPECT_THAT(load_error(scratch, std::string(kDailySpec) +
                                      "events: [{name: fork, date: 2024-01-08}]\n"
                                      "latent: [{name: fork}]\n"),
              HasSubstr("latent variable name 'fork' is already used"));
}

TEST(LoadAnalysis, OptionsCarryOver) {
  const testing::ScratchDir scratch("options");
  scratch.write("panel.csv", kDailyCsv);
  const Analysis analysis =
      load(scratch, std::string(kDailySpec) +
                        "events: [{name: fork, date: 2024-01-09}]\nbootstrap: {resamples: 50, seed: 3}\nthreads: 1\n"
                        "simulate: {current_weeks: 2}\nout: results\n");
  EXPECT_EQ(analysis.options.events.size(), 1u);
  EXPECT_EQ(analysis.options.bootstrap.resamples, 50);
  EXPECT_EQ(analysis.options.bootstrap.seed, 3u);
  EXPECT_EQ(analysis.options.threads, 1);
  ASSERT_TRUE(analysis.simulation.has_value());
  EXPECT_EQ(analysis.simulation->current_weeks, 2);
  EXPECT_EQ(analysis.out_dir, scratch.path() / "results");
}

TEST(LoadAnalysis, NativeCsvAndChdbGiveSamePanel) {
  const testing::ScratchDir scratch("csv-vs-chdb");
  scratch.write("panel.csv", kDailyCsv);
  const Analysis native = load(scratch, kDailySpec);
  // The same columns, read by embedded ClickHouse through SQL.
  const std::string from_sql = R"yaml(
kpi: {name: tvl_usd, unit: usd, date: date, column: tvl_usd,
      sql: "SELECT toString(date) AS date, tvl_usd FROM file({spec_dir:String} || '/panel.csv', 'CSVWithNames')"}
media:
  - {name: spend_usd, unit: usd, decay_rate: 0.3, window_weeks: 4,
     sql: "SELECT toString(date) AS date, spend_usd FROM file({spec_dir:String} || '/panel.csv', 'CSVWithNames')"}
controls:
  - {name: price_usd, aggregate: mean,
     sql: "SELECT toString(date), price_usd FROM file({spec_dir:String} || '/panel.csv', 'CSVWithNames')"}
)yaml";
  const Analysis embedded = load(scratch, from_sql);
  EXPECT_EQ(embedded.panel.weeks, native.panel.weeks);
  EXPECT_EQ(embedded.panel.kpi.values, native.panel.kpi.values);
  EXPECT_EQ(embedded.panel.media[0].values, native.panel.media[0].values);
  EXPECT_EQ(embedded.panel.controls[0].values, native.panel.controls[0].values);
  EXPECT_EQ(embedded.panel.kpi.source, "sql:tvl_usd");
}

TEST(LoadAnalysis, JsonLinesFileThroughChdb) {
  const testing::ScratchDir scratch("jsonl");
  scratch.write("panel.csv", kDailyCsv);
  std::string jsonl;
  const RawTable table = read_csv_file(scratch.path() / "panel.csv");
  for (std::size_t row = 0; row < table.row_count(); ++row) {
    jsonl += "{\"date\":\"" + table.cells[0][row] + "\",\"tvl_usd\":" + table.cells[1][row] +
             ",\"spend_usd\":" + table.cells[2][row] + ",\"price_usd\":" + table.cells[3][row] + "}\n";
  }
  scratch.write("panel.jsonl", jsonl);
  const Analysis native = load(scratch, kDailySpec);
  std::string spec = kDailySpec;
  spec.replace(spec.find("panel.csv"), 9, "panel.jsonl");
  const Analysis embedded = load(scratch, spec);
  EXPECT_EQ(embedded.panel.kpi.values, native.panel.kpi.values);
  EXPECT_EQ(embedded.panel.media[0].values, native.panel.media[0].values);
  EXPECT_EQ(embedded.panel.controls[0].values, native.panel.controls[0].values);
  EXPECT_EQ(embedded.panel.kpi.source, "panel.jsonl:tvl_usd");
}

TEST(LoadAnalysis, ChdbSqlErrorIsInputError) {
  const testing::ScratchDir scratch("sql-error");
  EXPECT_THAT(load_error(scratch, "kpi: {name: k, sql: SELECT nope FROM nowhere}\nmedia: [{name: m, sql: SELECT 1}]\n"),
              HasSubstr("failed in embedded ClickHouse"));
}

// The layout of the Gnosis spine: week, kpi_*, media_*, ctrl_* columns.
constexpr const char* kWideCsv =
    "week,kpi_pools_tvl_usd,kpi_chain_tx_count,media_ga_token_offer_emissions_usd,media_validator_apr_proxy,"
    "ctrl_gno_price_usd\n"
    "2024-03-04,100,7,10,0.05,300\n"
    "2024-03-11,140,8,0,0.05,310\n"
    "2024-03-18,120,9,20,0.04,320\n";

TEST(LoadAnalysis, WideTableLayout) {
  const testing::ScratchDir scratch("wide");
  scratch.write("spine.csv", kWideCsv);
  const Analysis analysis = load(scratch, R"(
table:
  file: spine.csv
  kpi: kpi_pools_tvl_usd
  kpi_unit: usd
  exclude: [media_validator_apr_proxy]
  media:
    media_ga_token_offer_emissions_usd: {decay_rate: auto, window_weeks: 6, unit: usd}
)");
  const core::WeeklyPanel& panel = analysis.panel;
  EXPECT_EQ(panel.kpi.name, "pools_tvl_usd");
  EXPECT_THAT(panel.kpi.values, ElementsAre(100, 140, 120));
  ASSERT_EQ(panel.media.size(), 1u);
  EXPECT_EQ(panel.media[0].name, "ga_token_offer_emissions_usd");
  EXPECT_EQ(panel.media[0].source, "spine.csv:media_ga_token_offer_emissions_usd");
  EXPECT_EQ(panel.media[0].unit, "usd");
  EXPECT_THAT(panel.media[0].values, ElementsAre(10, 0, 20));
  ASSERT_EQ(panel.controls.size(), 1u);
  EXPECT_EQ(panel.controls[0].name, "gno_price_usd");
  EXPECT_FALSE(analysis.options.media[0].decay_rate.has_value());
  EXPECT_EQ(analysis.options.media[0].window_weeks, 6);
}

TEST(LoadAnalysis, WideTableUnknownKpiListsCandidates) {
  const testing::ScratchDir scratch("wide-kpi");
  scratch.write("spine.csv", kWideCsv);
  EXPECT_THAT(load_error(scratch, "table: {file: spine.csv, kpi: kpi_tvl}\n"),
              HasSubstr("no KPI column 'kpi_tvl'; KPI columns in it: kpi_pools_tvl_usd, kpi_chain_tx_count"));
  EXPECT_THAT(load_error(scratch, "table: {file: spine.csv, kpi: kpi_pools_tvl_usd, media: {media_x: {window_weeks: 2}}}\n"),
              HasSubstr("'media_x', which is not a media column"));
}

// Sums liquidity_usd per week_start of the Osmosis pool panel, independently
// of the spec's SQL.
std::map<std::string, double> osmosis_tvl_by_week() {
  const RawTable table =
      read_csv_file(std::filesystem::path(CEREBRO_SOURCE_DIR) / "examples/osmosis/data/osmosis_pool_incentives_weekly.csv");
  std::size_t week_column = 0;
  std::size_t tvl_column = 0;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (table.columns[i] == "week_start") week_column = i;
    if (table.columns[i] == "liquidity_usd") tvl_column = i;
  }
  std::map<std::string, double> sums;
  for (std::size_t row = 0; row < table.row_count(); ++row) {
    sums[table.cells[week_column][row]] += std::stod(table.cells[tvl_column][row]);
  }
  return sums;
}

TEST(LoadAnalysis, ChdbOsmosisExampleSpec) {
  const auto spec_path = std::filesystem::path(CEREBRO_SOURCE_DIR) / "examples/osmosis/spec.yaml";
  const Analysis analysis = load_analysis(load_model_spec(spec_path));
  const core::WeeklyPanel& panel = analysis.panel;
  ASSERT_EQ(panel.size(), 66u);
  EXPECT_EQ(core::format_date(panel.weeks.front()), "2022-05-09");
  EXPECT_EQ(core::format_date(panel.weeks.back()), "2023-08-07");
  ASSERT_EQ(panel.media.size(), 2u);
  EXPECT_EQ(panel.media[0].name, "osmo_incentives_usd_per_week");

  const auto sums = osmosis_tvl_by_week();
  EXPECT_EQ(sums.size(), 65u);
  std::size_t gap_index = 0;
  for (std::size_t i = 0; i < panel.size(); ++i) {
    const auto found = sums.find(core::format_date(panel.weeks[i]));
    if (found == sums.end()) {
      gap_index = i;
      continue;
    }
    EXPECT_NEAR(panel.kpi.values[i], found->second, kSumTolerance * found->second);
  }
  EXPECT_EQ(core::format_date(panel.weeks[gap_index]), "2022-06-13");
  const double midpoint = (panel.kpi.values[gap_index - 1] + panel.kpi.values[gap_index + 1]) / 2;
  EXPECT_NEAR(panel.kpi.values[gap_index], midpoint, kSumTolerance * midpoint);
  EXPECT_THAT(panel.notes, ::testing::Contains(HasSubstr("pools_tvl_usd: 1 week(s) without rows filled by linear "
                                                         "interpolation (2022-06-13)")));
}

}  // namespace
}  // namespace cerebro::io
