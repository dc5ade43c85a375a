// The guards on ordinary data: published MMM data sets with trends, seasonality
// and one-week events must pass every guard, and the Osmosis panel is checked
// for the level shifts its history suggests.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <map>
#include <string>
#include <vector>

#include "checks/data_guards.hpp"
#include "checks/level_shift_model.hpp"
#include "checks/structural_break.hpp"
#include "core/errors.hpp"
#include "guard_fixtures.hpp"

namespace cerebro::checks {
namespace {

using ::testing::HasSubstr;
using testing::GuardFixture;

const std::string kDataDir = "/work/shared/data";

struct LoadedData {
  std::vector<std::string> dates;
  std::vector<double> kpi;
  std::vector<std::vector<double>> media;
};

LoadedData load(const std::string& path, const std::string& date_column, const std::string& kpi_column,
                const std::vector<std::string>& media_columns) {
  const auto table = testing::read_csv(path);
  LoadedData data;
  const int date = table.column(date_column);
  for (const auto& row : table.rows) data.dates.push_back(row[date]);
  data.kpi = table.numbers(kpi_column);
  for (const auto& name : media_columns) data.media.push_back(table.numbers(name));
  return data;
}

// Returns the message of the guards' refusal, or "" when every guard passes.
std::string guard_refusal(const GuardInput& input) {
  try {
    run_data_guards(input);
  } catch (const core::InputError& error) {
    return error.what();
  }
  return "";
}

void expect_guards_pass(const LoadedData& data, core::WeekStart week_start) {
  GuardFixture fixture;
  testing::fill_fixture(fixture, data.kpi, data.media, data.dates.front());
  fixture.panel.week_start = week_start;
  const auto warnings = run_data_guards(fixture.input());
  EXPECT_TRUE(warnings.empty());

  // The margin to the critical value, shown when a change of the test moves it.
  const auto design = build_level_shift_design(fixture.input());
  const auto test = test_level_shift(design.columns, window_kpi(fixture.input()));
  ::testing::Test::RecordProperty("sup_wald", std::to_string(test.sup_wald));
  EXPECT_TRUE(test.tested);
  EXPECT_LT(test.sup_wald, test.critical_value);
}

TEST(ReferenceData, RobynSimulatedWeeklyPasses) {
  const auto data = load(kDataDir + "/robyn_simulated_weekly/dt_simulated_weekly.csv", "DATE", "revenue",
                         {"tv_S", "ooh_S", "print_S", "facebook_S", "search_S"});
  ASSERT_EQ(data.kpi.size(), 208u);
  expect_guards_pass(data, core::WeekStart::monday);
}

TEST(ReferenceData, MeridianAllChannelsPasses) {
  const auto data = load(kDataDir + "/meridian_simulated/national_all_channels.csv", "time", "conversions",
                         {"Channel0_spend", "Channel1_spend", "Channel2_spend", "Channel3_spend",
                          "Channel4_spend"});
  ASSERT_EQ(data.kpi.size(), 156u);
  expect_guards_pass(data, core::WeekStart::monday);
}

TEST(ReferenceData, MeridianMediaPasses) {
  const auto data = load(kDataDir + "/meridian_simulated/national_media.csv", "time", "conversions",
                         {"Channel0_spend", "Channel1_spend", "Channel2_spend", "Channel3_spend"});
  expect_guards_pass(data, core::WeekStart::monday);
}

TEST(ReferenceData, MmmStanRetailPasses) {
  const auto data = load(kDataDir + "/mmm_stan/data.csv", "wk_strt_dt", "sales",
                         {"mdsp_dm", "mdsp_inst", "mdsp_nsp", "mdsp_auddig", "mdsp_audtr", "mdsp_vidtr",
                          "mdsp_viddig", "mdsp_so", "mdsp_on", "mdsp_sem"});
  ASSERT_EQ(data.kpi.size(), 209u);
  expect_guards_pass(data, core::WeekStart::sunday);
}

// Weekly totals over pools: liquidity (TVL) as the KPI, OSMO and external
// incentives in USD per week as media. The week of 2022-06-13 has no snapshot
// and is interpolated linearly from its neighbours.
LoadedData load_osmosis() {
  const auto table = testing::read_csv(std::string(CEREBRO_SOURCE_DIR) +
                                       "/examples/osmosis/data/osmosis_pool_incentives_weekly.csv");
  const int week = table.column("week_start");
  const int liquidity = table.column("liquidity_usd");
  const int osmo = table.column("osmo_incentives_usd_per_day_derived");
  const int external = table.column("external_incentives_usd_per_day");
  std::map<std::string, std::array<double, 3>> totals;
  for (const auto& row : table.rows) {
    auto& total = totals[row[week]];
    total[0] += std::stod(row[liquidity]);
    total[1] += 7.0 * std::stod(row[osmo]);
    total[2] += 7.0 * std::stod(row[external]);
  }
  LoadedData data;
  data.media.resize(2);
  const core::Day first = testing::day_of(totals.begin()->first);
  const core::Day last = testing::day_of(totals.rbegin()->first);
  for (core::Day day = first; day <= last; day += std::chrono::days(7)) {
    const std::string name = core::format_date(day);
    std::array<double, 3> value{};
    if (const auto it = totals.find(name); it != totals.end()) {
      value = it->second;
    } else {
      const auto& before = totals.at(core::format_date(day - std::chrono::days(7)));
      const auto& after = totals.at(core::format_date(day + std::chrono::days(7)));
      for (int i = 0; i < 3; ++i) value[i] = 0.5 * (before[i] + after[i]);
    }
    data.dates.push_back(name);
    data.kpi.push_back(value[0]);
    data.media[0].push_back(value[1]);
    data.media[1].push_back(value[2]);
  }
  return data;
}

TEST(ReferenceData, OsmosisBreakWeeks) {
  const auto data = load_osmosis();
  ASSERT_EQ(data.kpi.size(), 66u);
  GuardFixture fixture;
  testing::fill_fixture(fixture, data.kpi, data.media, data.dates.front());
  const auto design = build_level_shift_design(fixture.input());
  const auto test = test_level_shift(design.columns, window_kpi(fixture.input()));
  ASSERT_TRUE(test.tested);
  const std::string week = core::format_date(fixture.panel.weeks[fixture.first_week + test.break_offset]);
  RecordProperty("break_week", week);
  RecordProperty("sup_wald", std::to_string(test.sup_wald));
  RecordProperty("critical_value", std::to_string(test.critical_value));
  // The strongest candidate is the FTX collapse (2022-11-08 to 11-11), seen in
  // the snapshot of the next week, but in a 58-week window of a falling market
  // it stays below the 1% threshold, so the panel passes without declared
  // steps. The Terra/UST collapse of May 2022 falls in the warm-up weeks.
  EXPECT_EQ(week, "2022-11-14");
  EXPECT_LT(test.level_shift, 0.0);
  EXPECT_FALSE(test.rejected());
  EXPECT_EQ(guard_refusal(fixture.input()), "");
}

}  // namespace
}  // namespace cerebro::checks
