#pragma once
// The whole attribution fit of one panel: data guards, level-shift removal,
// collinearity, adstock (with the decay rate chosen by holdout error when
// requested), the per-media curves and the decomposition.
#include "checks/data_guards.hpp"
#include "core/weekly_panel.hpp"
#include "fit/fit_options.hpp"
#include "fit/fit_result.hpp"
#include "fit/fit_window.hpp"

namespace cerebro::fit {

// Everything the fit checks before it fits a curve: options, the modeling
// window, finite values, the data guards, declared level shifts and the
// collinearity of media spend.
struct PreparedFit {
  std::vector<MediaFitOptions> media_options;  // one per panel media, defaults filled
  FitWindow window;
  std::vector<FitWarning> warnings;             // from the data guards
  checks::LevelShiftAdjustment level_shifts;
  std::vector<Correlation> correlations;
  std::map<std::string, double> vif;
  std::vector<FitWarning> collinearity_warnings;  // pairs the spec allowed
};

// Runs those checks; `validate` calls it so it rejects exactly what `fit`
// would reject before fitting. Throws core::InputError on the first failure.
PreparedFit prepare_fit(const core::WeeklyPanel& panel, const FitOptions& options);

// Fits every media of `panel` and returns the result with every field filled
// except `bootstrap` and the media's `uncertainty`; fit_id is computed last.
// options.media is matched to panel.media by name (empty options.media uses the
// defaults for every media). Weekly arrays cover the panel weeks from the first
// warm-up week to the last modeling week. The fit runs on the KPI with declared
// step events removed, and the remainder is that KPI minus all contributions.
// Throws core::InputError for invalid options, non-finite values, a refused
// analysis (data guards, |corr| > 0.9 of a pair that is not allowed) and fewer
// than 8 training weeks.
FitResult fit_model(const core::WeeklyPanel& panel, const FitOptions& options);

}  // namespace cerebro::fit
