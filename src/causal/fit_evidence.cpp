#include "causal/fit_evidence.hpp"

#include <cassert>

#include "causal/dag.hpp"

namespace cerebro::causal {
namespace {

EvidenceSeries make_series(const std::string& name, SeriesKind kind, std::vector<double> values) {
  EvidenceSeries series{name, kind, std::move(values), std::nullopt, std::nullopt};
  for (std::size_t week = 0; week < series.values.size(); ++week) {
    if (series.values[week] == 0.0) continue;
    if (!series.first_active_week) series.first_active_week = week;
    series.last_active_week = week;
  }
  return series;
}

std::size_t distance(std::size_t a, std::size_t b) { return a > b ? a - b : b - a; }

}  // namespace

const EvidenceSeries* FitEvidence::find(std::string_view variable) const {
  const std::string key = series_match_key(variable);
  for (const EvidenceSeries& candidate : series) {
    if (series_match_key(candidate.name) == key) return &candidate;
  }
  return nullptr;
}

std::string FitEvidence::week(std::size_t index) const {
  return index < weeks.size() ? weeks[index] : "week " + std::to_string(index + 1);
}

void classify_launches(const std::vector<EvidenceSeries>& media, std::vector<LaunchPair>& co_launches,
                       std::vector<LaunchPair>& staggered_launches) {
  for (std::size_t i = 0; i < media.size(); ++i) {
    for (std::size_t j = i + 1; j < media.size(); ++j) {
      const auto& a = media[i].first_active_week;
      const auto& b = media[j].first_active_week;
      if (!a || !b || *a == 0 || *b == 0) continue;
      const LaunchPair pair{media[i].name, media[j].name, *a, *b};
      if (distance(*a, *b) <= kCoLaunchWindowWeeks) {
        co_launches.push_back(pair);
      } else {
        staggered_launches.push_back(pair);
      }
    }
  }
}

std::vector<DarkPeriod> find_dark_periods(const EvidenceSeries& running,
                                          const EvidenceSeries& paused) {
  assert(running.values.size() == paused.values.size());
  std::vector<DarkPeriod> periods;
  std::size_t run_start = 0;
  std::size_t run_length = 0;
  const std::size_t weeks = running.values.size();
  for (std::size_t week = 0; week <= weeks; ++week) {
    const bool dark = week < weeks && running.values[week] > 0.0 && paused.values[week] == 0.0;
    if (dark) {
      if (run_length == 0) run_start = week;
      ++run_length;
      continue;
    }
    if (run_length >= kMinDarkPeriodWeeks) {
      periods.push_back({running.name, paused.name, run_start, run_start + run_length - 1});
    }
    run_length = 0;
  }
  return periods;
}

FitEvidence collect_fit_evidence(const fit::FitResult& fit) {
  FitEvidence evidence;
  evidence.weeks = fit.weeks;
  evidence.warmup_weeks = fit.warmup_weeks > 0 ? static_cast<std::size_t>(fit.warmup_weeks) : 0;
  evidence.series.push_back(make_series(fit.kpi_name, SeriesKind::kpi, fit.kpi_values));
  std::vector<EvidenceSeries> media;
  for (const fit::MediaResult& result : fit.media) {
    media.push_back(make_series(result.name, SeriesKind::media, result.spend));
    evidence.series.push_back(media.back());
  }
  for (const fit::ControlResult& control : fit.controls) {
    evidence.series.push_back(make_series(control.name, SeriesKind::control, control.values));
  }
  for (const fit::EventResult& event : fit.events) {
    std::vector<double> step(fit.weeks.size(), 0.0);
    bool started = false;
    for (std::size_t week = 0; week < fit.weeks.size(); ++week) {
      started = started || fit.weeks[week] == event.week;
      step[week] = started ? 1.0 : 0.0;
    }
    evidence.series.push_back(make_series(event.name, SeriesKind::event, std::move(step)));
  }

  classify_launches(media, evidence.co_launches, evidence.staggered_launches);
  for (const EvidenceSeries& running : media) {
    for (const EvidenceSeries& paused : media) {
      if (&running == &paused || running.values.size() != paused.values.size()) continue;
      for (DarkPeriod& period : find_dark_periods(running, paused)) {
        evidence.dark_periods.push_back(std::move(period));
      }
    }
  }
  return evidence;
}

}  // namespace cerebro::causal
