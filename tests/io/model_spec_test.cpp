#include "io/model_spec.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/atomic_file.hpp"
#include "core/errors.hpp"

namespace cerebro::io {
namespace {

using ::testing::HasSubstr;

// Returns the message of the InputError that parsing `yaml` throws.
std::string parse_error(const std::string& yaml) {
  try {
    parse_model_spec(yaml, "/specs/model.yaml");
  } catch (const core::InputError& error) {
    return error.what();
  }
  ADD_FAILURE() << "expected InputError for:\n" << yaml;
  return "";
}

constexpr const char* kMinimal = R"(data: panel.csv
kpi: {column: tvl_usd}
media: [emissions_usd]
)";

TEST(ParseModelSpec, MinimalSpecGetsDefaults) {
  const ModelSpec spec = parse_model_spec(kMinimal, "/specs/model.yaml");
  ASSERT_TRUE(spec.kpi.has_value());
  EXPECT_EQ(spec.kpi->name, "tvl_usd");
  EXPECT_EQ(spec.kpi->file, std::filesystem::path("/specs/panel.csv"));
  EXPECT_EQ(spec.kpi->date_column, "date");
  EXPECT_EQ(spec.kpi->aggregate, Aggregate::last);
  ASSERT_EQ(spec.media.size(), 1u);
  EXPECT_EQ(spec.media[0].value_column, "emissions_usd");
  EXPECT_EQ(spec.media[0].aggregate, Aggregate::sum);
  EXPECT_EQ(spec.media[0].decay_rate, 0.5);
  EXPECT_EQ(spec.media[0].window_weeks, 8);
  EXPECT_EQ(spec.media[0].gaps, GapPolicy::zero);
  EXPECT_EQ(spec.week_start, core::WeekStart::monday);
  EXPECT_EQ(spec.kpi_gaps, GapPolicy::error);
  EXPECT_DOUBLE_EQ(spec.holdout_fraction, 0.2);
  EXPECT_FALSE(spec.simulate.has_value());
}

TEST(ParseModelSpec, FullSpec) {
  const ModelSpec spec = parse_model_spec(R"(
week_start: sunday
kpi_gaps: interpolate
holdout_fraction: 0.25
start: 2023-01-02
end: 2024-06-30
out: results
threads: 2
kpi:
  name: swaps
  file: /abs/kpi.csv
  date: day
  column: volume_usd
  aggregate: sum
  unit: usd
media:
  - name: lm
    sql: SELECT week, v FROM t
    decay_rate: auto
    window_weeks: 4
    gaps: interpolate
    decimals: 18
controls:
  - {name: price, file: prices.csv, column: gno_usd, aggregate: mean}
events: [{name: cancun, date: 2024-03-13}]
latent: [{name: sentiment, affects: [swaps, lm]}]
collinearity: {allow: [[lm, lm2]]}
bootstrap: {resamples: 200, seed: 7, block_length_weeks: 4}
simulate: {current_weeks: 6, budget_change: -0.1, max_change: 0.2}
parameters: {chain: gnosis}
)",
                                          "/specs/model.yaml");
  EXPECT_EQ(spec.week_start, core::WeekStart::sunday);
  EXPECT_EQ(spec.kpi_gaps, GapPolicy::interpolate);
  EXPECT_DOUBLE_EQ(spec.holdout_fraction, 0.25);
  EXPECT_EQ(core::format_date(*spec.start), "2023-01-02");
  EXPECT_EQ(*spec.out, std::filesystem::path("/specs/results"));
  EXPECT_EQ(spec.threads, 2);
  EXPECT_EQ(spec.kpi->file, std::filesystem::path("/abs/kpi.csv"));
  EXPECT_EQ(spec.kpi->date_column, "day");
  EXPECT_EQ(spec.kpi->aggregate, Aggregate::sum);
  EXPECT_EQ(spec.media[0].sql, "SELECT week, v FROM t");
  EXPECT_FALSE(spec.media[0].decay_rate.has_value());
  EXPECT_EQ(spec.media[0].window_weeks, 4);
  EXPECT_EQ(spec.media[0].decimals, 18);
  EXPECT_EQ(spec.controls[0].file, std::filesystem::path("/specs/prices.csv"));
  EXPECT_EQ(spec.controls[0].aggregate, Aggregate::mean);
  ASSERT_EQ(spec.events.size(), 1u);
  EXPECT_EQ(core::format_date(spec.events[0].date), "2024-03-13");
  EXPECT_EQ(spec.latent[0].affects.size(), 2u);
  EXPECT_EQ(spec.allowed_collinear_pairs[0].second, "lm2");
  EXPECT_EQ(spec.bootstrap.resamples, 200);
  EXPECT_EQ(spec.bootstrap.seed, 7u);
  EXPECT_EQ(spec.bootstrap.block_length_weeks, 4);
  ASSERT_TRUE(spec.simulate.has_value());
  EXPECT_EQ(spec.simulate->current_weeks, 6);
  EXPECT_DOUBLE_EQ(spec.simulate->budget_change, -0.1);
  EXPECT_EQ(spec.parameters.at("chain"), "gnosis");
}

TEST(ParseModelSpec, EmptySimulateMeansDefaults) {
  const ModelSpec spec = parse_model_spec(std::string(kMinimal) + "simulate:\n", "m.yaml");
  ASSERT_TRUE(spec.simulate.has_value());
  EXPECT_EQ(spec.simulate->current_weeks, 4);
}

TEST(ParseModelSpecStrict, UnknownTopKeyNamesLine) {
  const std::string message = parse_error(std::string(kMinimal) + "holdout_fractoin: 0.3\n");
  EXPECT_THAT(message, HasSubstr("/specs/model.yaml line 4"));
  EXPECT_THAT(message, HasSubstr("unknown key 'holdout_fractoin'"));
  EXPECT_THAT(message, HasSubstr("holdout_fraction"));
}

TEST(ParseModelSpecStrict, UnknownMediaKeyNamesLineAndSynonym) {
  const std::string message = parse_error("data: p.csv\nkpi: {column: k}\nmedia:\n  - name: a\n    theta: 0.3\n");
  EXPECT_THAT(message, HasSubstr("line 5"));
  EXPECT_THAT(message, HasSubstr("unknown key 'theta' in 'media[0]'"));
  EXPECT_THAT(message, HasSubstr("decay_rate"));
}

TEST(ParseModelSpecStrict, KpiRejectsMediaOnlyKeys) {
  EXPECT_THAT(parse_error("data: p.csv\nkpi: {column: k, decay_rate: 0.2}\nmedia: [a]\n"),
              HasSubstr("unknown key 'decay_rate' in 'kpi'"));
}

TEST(ParseModelSpecStrict, WrongTypesAndRanges) {
  const std::string base = "data: p.csv\nkpi: {column: k}\n";
  EXPECT_THAT(parse_error(base + "media:\n  - {name: a, decay_rate: 1.0}\n"), HasSubstr("line 4: 'decay_rate' is 1"));
  EXPECT_THAT(parse_error(base + "media:\n  - {name: a, decay_rate: fast}\n"), HasSubstr("must be a finite number"));
  EXPECT_THAT(parse_error(base + "media:\n  - {name: a, window_weeks: 53}\n"), HasSubstr("outside the allowed range [0, 52]"));
  EXPECT_THAT(parse_error(base + "media:\n  - {name: a, window_weeks: 2.5}\n"), HasSubstr("must be a whole number"));
  EXPECT_THAT(parse_error(base + "media:\n  - {name: a, gaps: skip}\n"), HasSubstr("'gaps' must be zero, interpolate or error"));
  EXPECT_THAT(parse_error(base + "media: [a]\nholdout_fraction: 0.6\n"), HasSubstr("outside (0, 0.5]"));
  EXPECT_THAT(parse_error(base + "media: [a]\nkpi_gaps: zero\n"), HasSubstr("'kpi_gaps' must be error or interpolate"));
  EXPECT_THAT(parse_error(base + "media: [a]\nweek_start: friday\n"), HasSubstr("monday or sunday"));
  EXPECT_THAT(parse_error(base + "media: [a]\nstart: yesterday\n"), HasSubstr("'start' must be a date"));
  EXPECT_THAT(parse_error(base + "media: {a: 1}\n"), HasSubstr("'media' must be a list"));
  EXPECT_THAT(parse_error(base + "media: [a]\nsimulate: {budget_change: 0.5}\n"), HasSubstr("[-0.3, 0.3]"));
  EXPECT_THAT(parse_error(base + "media: [a]\nstart: 2024-02-01\nend: 2024-01-01\n"), HasSubstr("before 'start'"));
}

TEST(ParseModelSpecStrict, StructuralErrors) {
  EXPECT_THAT(parse_error(""), HasSubstr("the spec is empty"));
  EXPECT_THAT(parse_error("kpi: [unclosed\n"), HasSubstr("invalid YAML"));
  EXPECT_THAT(parse_error("data: p.csv\nmedia: [a]\n"), HasSubstr("needs `kpi`"));
  EXPECT_THAT(parse_error("data: p.csv\nkpi: {column: k}\n"), HasSubstr("at least one entry under `media`"));
  EXPECT_THAT(parse_error("kpi: {column: k}\nmedia: [a]\n"), HasSubstr("has no source"));
  EXPECT_THAT(parse_error("data: p.csv\nkpi: {column: k, file: k.csv, sql: SELECT 1}\nmedia: [a]\n"), HasSubstr("both `file` and `sql`"));
  EXPECT_THAT(parse_error("data: p.csv\nkpi: {column: k}\nmedia: [a, a]\n"), HasSubstr("'a' is used twice"));
  EXPECT_THAT(parse_error("data: p.csv\ndata: q.csv\nkpi: {column: k}\nmedia: [a]\n"), HasSubstr("appears twice"));
  EXPECT_THAT(parse_error("data: p.csv\nkpi: {column: k}\nmedia: [a]\ntable: {kpi: kpi_x}\n"),
              HasSubstr("'table' replaces"));
  EXPECT_THAT(parse_error("- just\n- a list\n"), HasSubstr("must be a map"));
  EXPECT_THAT(parse_error("data: p.csv\nkpi: {column: k}\nmedia: [a, b]\ncollinearity: {allow: [a, b]}\n"),
              HasSubstr("written as a list of pairs"));
  EXPECT_THAT(parse_error("data: p.csv\nkpi: {column: k}\nmedia: [a, b]\ncollinearity: {allow: [[a, a]]}\n"),
              HasSubstr("pairs a media with itself"));
}

TEST(ParseModelSpec, WideTable) {
  const ModelSpec spec = parse_model_spec(R"(
table:
  file: spine.csv
  kpi: kpi_pools_tvl_usd
  exclude: [media_validator_apr_proxy]
  media:
    media_ga_token_offer_emissions_usd: {decay_rate: auto, window_weeks: 6}
)",
                                          "/w/spec.yaml");
  ASSERT_TRUE(spec.table.has_value());
  EXPECT_EQ(spec.table->file, std::filesystem::path("/w/spine.csv"));
  EXPECT_EQ(spec.table->week_column, "week");
  EXPECT_EQ(spec.table->media_prefix, "media_");
  EXPECT_EQ(spec.table->exclude.size(), 1u);
  const WideMediaOverride& entry = spec.table->overrides.at("media_ga_token_offer_emissions_usd");
  ASSERT_TRUE(entry.decay_rate.has_value());
  EXPECT_FALSE(entry.decay_rate->has_value());
  EXPECT_EQ(entry.window_weeks, 6);
}

TEST(ParseModelSpec, ClickHouseServer) {
  const ModelSpec spec = parse_model_spec(std::string(kMinimal) +
                                              "clickhouse: {url: 'http://127.0.0.1:8123', user: analyst, "
                                              "password_env: CH_PASSWORD, database: dbt}\n",
                                          "m.yaml");
  ASSERT_TRUE(spec.clickhouse.has_value());
  EXPECT_EQ(spec.clickhouse->url, "http://127.0.0.1:8123");
  EXPECT_EQ(spec.clickhouse->password_env, "CH_PASSWORD");
  EXPECT_EQ(spec.clickhouse->database, "dbt");
  EXPECT_THAT(parse_error(std::string(kMinimal) + "clickhouse: {url: 127.0.0.1:8123}\n"),
              HasSubstr("must start with http:// or https://"));
}

TEST(ParseModelSpecStrict, WideTableNeedsKpi) {
  EXPECT_THAT(parse_error("table: {file: s.csv}\n"), HasSubstr("'table' needs `kpi`"));
  EXPECT_THAT(parse_error("table: {file: s.csv, kpi: k, media: {m: {theta: 1}}}\n"), HasSubstr("unknown key 'theta'"));
}

}  // namespace
}  // namespace cerebro::io

namespace cerebro::io {
namespace {

// Every YAML example in the spec documentation must parse, so the docs cannot
// drift from the parser.
TEST(SpecFormatDoc, ExamplesParse) {
  const auto doc_path = std::filesystem::path(CEREBRO_SOURCE_DIR) / "docs/spec-format.md";
  const std::optional<std::string> doc = core::read_file(doc_path);
  ASSERT_TRUE(doc.has_value());
  std::size_t examples = 0;
  for (std::size_t start = doc->find("```yaml\n"); start != std::string::npos; start = doc->find("```yaml\n", start)) {
    start += 8;
    const std::size_t end = doc->find("```", start);
    ASSERT_NE(end, std::string::npos);
    const std::string example = doc->substr(start, end - start);
    EXPECT_NO_THROW(parse_model_spec(example, "/docs/model.yaml")) << example;
    ++examples;
  }
  EXPECT_EQ(examples, 2u);
}

}  // namespace
}  // namespace cerebro::io
