#pragma once
// Shared by the guard tests: panels built in memory, a tiny CSV reader for the
// reference data sets, and the adstock the guards expect as input.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "checks/data_guards.hpp"
#include "core/calendar.hpp"
#include "core/weekly_panel.hpp"

namespace cerebro::checks::testing {

// Warm-up used by the fit with the default adstock window.
inline constexpr int kWarmupWeeks = 8;

// Geometric adstock with decay 0.5 and an 8-week window, written out here so
// the guard tests do not depend on the transform code.
inline std::vector<double> adstock_half_decay(const std::vector<double>& spend) {
  std::vector<double> adstock(spend.size(), 0.0);
  for (std::size_t t = 0; t < spend.size(); ++t) {
    double weight = 1.0;
    for (std::size_t lag = 0; lag <= std::min<std::size_t>(8, t); ++lag) {
      adstock[t] += weight * spend[t - lag];
      weight *= 0.5;
    }
  }
  return adstock;
}

inline core::Day day_of(const std::string& text) {
  const auto day = core::parse_date(text);
  if (!day) throw std::runtime_error("bad date in test data: " + text);
  return *day;
}

// A panel with its guard input. The input refers into the panel, so the
// fixture is not copyable.
struct GuardFixture {
  core::WeeklyPanel panel;
  std::vector<core::StepEvent> events;
  std::vector<std::vector<double>> adstock;
  int first_week = kWarmupWeeks;
  int last_week = 0;

  GuardFixture() = default;
  GuardFixture(const GuardFixture&) = delete;
  GuardFixture& operator=(const GuardFixture&) = delete;

  GuardInput input() const { return GuardInput{panel, first_week, last_week, events, adstock}; }
};

// Fills `fixture` with weekly series starting on Monday `first_monday`.
inline void fill_fixture(GuardFixture& fixture, const std::vector<double>& kpi,
                         const std::vector<std::vector<double>>& media,
                         const std::string& first_monday = "2021-01-04") {
  const core::Day start = day_of(first_monday);
  fixture.panel.weeks.clear();
  for (std::size_t t = 0; t < kpi.size(); ++t)
    fixture.panel.weeks.push_back(start + std::chrono::days(7 * static_cast<int>(t)));
  fixture.panel.kpi = core::Series{"kpi", core::SeriesRole::kpi, "usd", 0, "test", kpi};
  fixture.panel.media.clear();
  fixture.adstock.clear();
  for (std::size_t m = 0; m < media.size(); ++m) {
    fixture.panel.media.push_back(core::Series{"media_" + std::to_string(m), core::SeriesRole::media,
                                               "usd", 0, "test", media[m]});
    fixture.adstock.push_back(adstock_half_decay(media[m]));
  }
  fixture.last_week = static_cast<int>(kpi.size()) - 1;
}

// A comma-separated file with a header row; quoted fields hold no commas in the
// reference data sets, so quotes are stripped and nothing else.
struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  int column(const std::string& name) const {
    const auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) throw std::runtime_error("no column " + name);
    return static_cast<int>(it - header.begin());
  }
  std::vector<double> numbers(const std::string& name) const {
    const int c = column(name);
    std::vector<double> values;
    for (const auto& row : rows) values.push_back(std::stod(row[c]));
    return values;
  }
};

inline CsvTable read_csv(const std::string& path) {
  std::ifstream file(path);
  if (!file) throw std::runtime_error("cannot open " + path);
  auto split = [](const std::string& line) {
    std::vector<std::string> fields;
    std::string field;
    std::stringstream stream(line);
    while (std::getline(stream, field, ',')) {
      field.erase(std::remove(field.begin(), field.end(), '"'), field.end());
      if (!field.empty() && field.back() == '\r') field.pop_back();
      fields.push_back(field);
    }
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    return fields;
  };
  CsvTable table;
  std::string line;
  std::getline(file, line);
  table.header = split(line);
  while (std::getline(file, line)) {
    if (!line.empty()) table.rows.push_back(split(line));
  }
  return table;
}

}  // namespace cerebro::checks::testing
