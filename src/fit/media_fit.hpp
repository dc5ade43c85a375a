#pragma once
// The per-media attribution fit: baseline, both response curves and holdout
// selection for one media's adstock against the KPI. The same function serves
// the point fit and every bootstrap resample, which passes a resampled list of
// training weeks (indices may repeat) and the unchanged holdout weeks.
#include <optional>
#include <span>

#include "fit/fit_result.hpp"
#include "fit/hill_fit.hpp"

namespace cerebro::fit {

struct MediaFitInput {
  std::span<const double> kpi;            // KPI per panel week (level shifts removed), KPI units
  std::span<const double> adstock;        // the media's adstock per panel week
  std::span<const int> training_weeks;    // indices into kpi/adstock; may repeat
  std::span<const int> holdout_weeks;     // indices into kpi/adstock
};

struct MediaCurves {
  double p10_adstock = 0;
  double baseline = 0;
  int baseline_weeks = 0;
  ConcaveCurve concave;
  HillCurve hill;
  CurveKind selected_curve = CurveKind::concave;
};

// Fits baseline, concave and Hill curves and selects one by holdout MAE.
// Throws core::InputError when training_weeks is empty.
MediaCurves fit_media_curves(const MediaFitInput& input);

// Returns the response-curve parameters of the selected curve, for evaluation
// with transform::evaluate_response. Requires the selected curve to be fitted.
transform::CurveParameters selected_parameters(const MediaCurves& curves);

// Returns whether the selected curve has fitted parameters. It is false only
// when neither curve could be fitted; the media's contribution is then 0.
bool selected_curve_fitted(const MediaCurves& curves);

}  // namespace cerebro::fit
