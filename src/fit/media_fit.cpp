#include "fit/media_fit.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "core/errors.hpp"
#include "fit/concave_fit.hpp"
#include "fit/hill_fit.hpp"
#include "fit/quantile.hpp"

namespace cerebro::fit {
namespace {

constexpr double kBaselineQuantile = 0.10;

// Mean absolute error of baseline + curve over the holdout weeks; empty when
// there are no holdout weeks.
std::optional<double> holdout_mae(const MediaFitInput& input, double baseline,
                                  const transform::CurveParameters& curve) {
  if (input.holdout_weeks.empty()) return std::nullopt;
  double sum = 0;
  for (int week : input.holdout_weeks) {
    const double prediction = baseline + transform::evaluate_response(curve, input.adstock[week]);
    sum += std::fabs(input.kpi[week] - prediction);
  }
  return sum / static_cast<double>(input.holdout_weeks.size());
}

transform::CurveParameters concave_parameters(const ConcaveCurve& curve) {
  transform::CurveParameters parameters;
  parameters.kind = CurveKind::concave;
  parameters.beta = *curve.beta;
  parameters.elasticity = *curve.elasticity;
  return parameters;
}

transform::CurveParameters hill_parameters(const HillCurve& curve) {
  transform::CurveParameters parameters;
  parameters.kind = CurveKind::hill;
  parameters.beta = *curve.beta;
  parameters.half_saturation = *curve.half_saturation;
  parameters.hill_slope = *curve.hill_slope;
  return parameters;
}

bool is_fitted(const ConcaveCurve& curve) { return curve.beta && curve.elasticity; }
bool is_fitted(const HillCurve& curve) {
  return curve.beta && curve.half_saturation && curve.hill_slope;
}

}  // namespace

MediaCurves fit_media_curves(const MediaFitInput& input) {
  if (input.training_weeks.empty()) {
    throw core::InputError(
        "The media fit received no training weeks. Provide at least 8 weeks between the "
        "warm-up and the holdout, for example by widening the start/end window.");
  }
  MediaCurves curves;

  // Baseline: the median KPI over training weeks whose adstock is at most its
  // 10th percentile, the weeks closest to no incentive.
  thread_local std::vector<double> sorted;
  sorted.clear();
  for (int week : input.training_weeks) sorted.push_back(input.adstock[week]);
  std::sort(sorted.begin(), sorted.end());
  curves.p10_adstock = quantile_type7(sorted, kBaselineQuantile);

  sorted.clear();
  for (int week : input.training_weeks) {
    if (input.adstock[week] <= curves.p10_adstock) sorted.push_back(input.kpi[week]);
  }
  std::sort(sorted.begin(), sorted.end());
  curves.baseline = median_of_sorted(sorted);
  curves.baseline_weeks = static_cast<int>(sorted.size());

  curves.concave = fit_concave(input.kpi, input.adstock, input.training_weeks, curves.baseline);
  curves.hill = fit_hill(input.kpi, input.adstock, input.training_weeks, curves.baseline);
  if (is_fitted(curves.concave)) {
    curves.concave.holdout_mae =
        holdout_mae(input, curves.baseline, concave_parameters(curves.concave));
  }
  if (is_fitted(curves.hill)) {
    curves.hill.holdout_mae = holdout_mae(input, curves.baseline, hill_parameters(curves.hill));
  }

  // Lower holdout MAE wins; a tie, or no holdout to compare on, keeps the
  // concave curve, and a curve that could not be fitted is never selected.
  curves.selected_curve = CurveKind::concave;
  if (is_fitted(curves.hill)) {
    if (!is_fitted(curves.concave)) {
      curves.selected_curve = CurveKind::hill;
    } else if (curves.hill.holdout_mae && curves.concave.holdout_mae &&
               *curves.hill.holdout_mae < *curves.concave.holdout_mae) {
      curves.selected_curve = CurveKind::hill;
    }
  }
  return curves;
}

bool selected_curve_fitted(const MediaCurves& curves) {
  return curves.selected_curve == CurveKind::hill ? is_fitted(curves.hill)
                                                  : is_fitted(curves.concave);
}

transform::CurveParameters selected_parameters(const MediaCurves& curves) {
  if (!selected_curve_fitted(curves)) {
    throw std::logic_error("selected_parameters: the selected curve has no fitted parameters");
  }
  return curves.selected_curve == CurveKind::hill ? hill_parameters(curves.hill)
                                                  : concave_parameters(curves.concave);
}

}  // namespace cerebro::fit
