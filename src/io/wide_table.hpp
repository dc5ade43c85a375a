#pragma once
// The wide weekly layout of the Gnosis "Cerebro" dbt spine: one row per week,
// a week column, then kpi_*, media_* and ctrl_* columns. It is turned into the
// same per-series specs that a spec lists by hand.
#include <vector>

#include "io/model_spec.hpp"
#include "io/raw_table.hpp"

namespace cerebro::io {

struct WideTableSeries {
  SeriesSpec kpi;
  std::vector<SeriesSpec> media;     // columns with the media prefix, in table order
  std::vector<SeriesSpec> controls;  // columns with the control prefix, in table order
};

// Picks the KPI column by name and media and controls by prefix, leaving out
// `exclude`. Series are named after their column without the prefix ("kpi_",
// the media prefix or the control prefix). Overrides apply by column name.
// Throws core::InputError when the week or KPI column is missing (listing the
// candidates), when no media column exists, or when an override or exclusion
// names a column the table lacks.
WideTableSeries plan_wide_table(const WideTableSpec& spec, const RawTable& table);

}  // namespace cerebro::io
