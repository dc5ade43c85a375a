#pragma once
// The weekly panel every model step reads: one continuous spine of week starts
// and named series aligned to it. Built by io, never modified by later steps.
#include <string>
#include <vector>

#include "core/calendar.hpp"

namespace cerebro::core {

enum class SeriesRole { kpi, media, control };

// One weekly series aligned to the panel's weeks.
struct Series {
  std::string name;            // as written in outputs, e.g. "osmo_incentives_usd_per_week"
  SeriesRole role = SeriesRole::media;
  std::string unit;            // free text such as "usd"; empty when unknown
  int decimals = 0;            // token base-unit decimals (18 for wei); values stay in input units
  std::string source;          // where it came from: "file.csv:column" or "sql", for the DAG
  std::vector<double> values;  // one per panel week, finite
};

// A declared level shift of the KPI, such as a hard fork or an exploit.
struct StepEvent {
  std::string name;
  Day date;  // the step applies from the week containing this day
};

// A declared unobserved variable for the DAG handoff.
struct LatentVariable {
  std::string name;
  std::vector<std::string> affects;  // series names it points to; empty means every media and the KPI
};

struct WeeklyPanel {
  WeekStart week_start = WeekStart::monday;
  std::vector<Day> weeks;  // consecutive week starts, 7 days apart
  Series kpi;
  std::vector<Series> media;
  std::vector<Series> controls;
  std::vector<std::string> notes;  // how gaps were filled and rows aggregated, for the output

  std::size_t size() const { return weeks.size(); }
};

}  // namespace cerebro::core
