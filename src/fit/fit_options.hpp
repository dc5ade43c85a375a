#pragma once
// Options of one attribution fit, declared once with their defaults and ranges.
// Validation happens in io (spec and flags) before a fit starts.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/weekly_panel.hpp"

namespace cerebro::fit {

struct MediaFitOptions {
  std::string name;                      // matches core::WeeklyPanel::media[i].name
  std::optional<double> decay_rate = 0.5;  // in [0, 1); nullopt picks from 0.0..0.9 by holdout MAE
  int window_weeks = 8;                  // adstock lags W (W + 1 weights), in [0, 52]
};

struct BootstrapOptions {
  int resamples = 1000;                       // 0 turns the bootstrap off
  std::uint64_t seed = 0;
  std::optional<int> block_length_weeks;      // default ceil(n^(1/3))
};

struct FitOptions {
  std::vector<MediaFitOptions> media;         // same order as panel.media
  double holdout_fraction = 0.2;              // in (0, 0.5]
  std::optional<core::Day> start;             // first modeling week (inclusive)
  std::optional<core::Day> end;               // last modeling week (inclusive)
  // Media pairs whose |corr| > 0.9 the user accepted (for example after a
  // segmentation outside the engine); the fit then warns instead of stopping.
  std::vector<std::pair<std::string, std::string>> allowed_collinear_pairs;
  std::vector<core::StepEvent> events;
  std::vector<core::LatentVariable> latent;
  BootstrapOptions bootstrap;
  int threads = 0;                            // 0 uses every core
};

}  // namespace cerebro::fit
