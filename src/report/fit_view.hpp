#pragma once
// Quantities the report derives from a FitResult, computed once so the HTML,
// the charts and report.json show the same numbers.
#include <optional>
#include <string>
#include <vector>

#include "fit/fit_result.hpp"
#include "transform/response_curve.hpp"

namespace cerebro::report {

// Returns the response-curve parameters of `kind` for `media`, or nullopt
// when that curve was not fitted (fewer than two usable training weeks).
std::optional<transform::CurveParameters> curve_parameters(const fit::MediaResult& media,
                                                           transform::CurveKind kind);

struct HoldoutErrors {
  int weeks = 0;
  double mae = 0;                // mean absolute error, KPI units
  std::optional<double> mape;    // mean absolute percentage error; nullopt when a holdout KPI is 0
};

// The whole-model view of the decomposition used by the actual-vs-fitted and
// contribution charts.
struct ModelFitView {
  int first_week = 0;        // index of the first week after warm-up
  int first_holdout_week = 0;  // index of the first holdout week
  // The baseline the stacked charts start from. The fit estimates one baseline
  // per media; the report uses the lowest, the same level the fit's
  // over-attribution check compares against.
  double baseline = 0;
  std::vector<double> kpi;     // KPI with declared level shifts removed, per week
  std::vector<double> fitted;  // baseline + sum of contributions; NaN on warm-up weeks
  HoldoutErrors holdout;
  std::optional<HoldoutErrors> training;
};

// Builds the view. Throws core::InputError when the fit has no media or its
// weekly arrays disagree in length with `weeks`.
ModelFitView model_fit_view(const fit::FitResult& fit);

// Returns the unit of a media's spend as the report labels it: the declared
// unit, "gno base units" when the spec declares token decimals (values stay in
// the input's base units), or empty when no unit was declared.
std::string spend_unit_label(const fit::MediaResult& media);

// Returns the unit of a media's ROI, such as "usd per gno", with "KPI units"
// and "unit of spend" standing in for a unit the spec did not declare.
std::string roi_unit(const fit::FitResult& fit, const fit::MediaResult& media);

// Returns media indices ordered by total contribution, largest first.
std::vector<std::size_t> media_by_contribution(const fit::FitResult& fit);

}  // namespace cerebro::report
