#pragma once
// Facts the weekly data of a fit give about a DAG, without looking at any fitted
// coefficient: when each series is active, media launched together or
// staggered, and dark periods where one media runs while another is off.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fit/fit_result.hpp"

namespace cerebro::causal {

// Two media launching at most this many weeks apart count as co-launched.
inline constexpr std::size_t kCoLaunchWindowWeeks = 2;
// A dark period needs at least this many consecutive weeks.
inline constexpr std::size_t kMinDarkPeriodWeeks = 4;

enum class SeriesKind { kpi, media, control, event };

struct EvidenceSeries {
  std::string name;
  SeriesKind kind = SeriesKind::media;
  // Weekly values in input units: the KPI as loaded, media spend, control
  // values, and for a step event 0 before its week and 1 from it on.
  std::vector<double> values;
  std::optional<std::size_t> first_active_week;  // index of the first non-zero week
  std::optional<std::size_t> last_active_week;   // index of the last non-zero week
};

// Weeks first_week..last_week (indices, inclusive) where `running` had spend
// above zero while `paused` had zero spend.
struct DarkPeriod {
  std::string running;
  std::string paused;
  std::size_t first_week = 0;
  std::size_t last_week = 0;
};

// Two media and the week indices of their first non-zero spend.
struct LaunchPair {
  std::string first;
  std::string second;
  std::size_t first_launch_week = 0;
  std::size_t second_launch_week = 0;
};

struct FitEvidence {
  std::vector<std::string> weeks;  // ISO week starts, warm-up included
  // The fit's warm-up weeks: fit.json's correlations skip them, the review's
  // data checks do not (a duplicate is a duplicate in every week).
  std::size_t warmup_weeks = 0;
  std::vector<EvidenceSeries> series;
  std::vector<DarkPeriod> dark_periods;        // every media pair, both directions
  std::vector<LaunchPair> co_launches;         // launches at most kCoLaunchWindowWeeks apart
  std::vector<LaunchPair> staggered_launches;  // launches further apart
  // Launches count only after the first week: a media already running when
  // the data begin has no observed launch.

  // Returns the series a DAG Variable names, matched by series_match_key, or nullptr.
  const EvidenceSeries* find(std::string_view variable) const;
  // Formats week `index` as its ISO week start.
  std::string week(std::size_t index) const;
};

FitEvidence collect_fit_evidence(const fit::FitResult& fit);

// Appends each media pair whose first non-zero weeks both come after week 0 to
// co_launches (at most kCoLaunchWindowWeeks apart) or staggered_launches.
void classify_launches(const std::vector<EvidenceSeries>& media, std::vector<LaunchPair>& co_launches,
                       std::vector<LaunchPair>& staggered_launches);

// Finds every run of at least kMinDarkPeriodWeeks weeks where `running` is
// above zero and `paused` is exactly zero. Both series have the same length.
std::vector<DarkPeriod> find_dark_periods(const EvidenceSeries& running, const EvidenceSeries& paused);

}  // namespace cerebro::causal
