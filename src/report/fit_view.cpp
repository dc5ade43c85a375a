#include "report/fit_view.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/errors.hpp"

namespace cerebro::report {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void require_weekly(const std::vector<double>& values, std::size_t weeks, const std::string& what) {
  if (values.size() != weeks) {
    throw core::InputError("fit.json: '" + what + "' has " + std::to_string(values.size()) + " entries but the fit has " +
                           std::to_string(weeks) + " weeks. Re-run `cerebro-mmm fit` to write a consistent fit.json.");
  }
}

std::optional<HoldoutErrors> errors_over(const std::vector<double>& kpi, const std::vector<double>& fitted, int begin,
                                         int end) {
  HoldoutErrors errors;
  double absolute_sum = 0, percentage_sum = 0;
  bool percentage_defined = true;
  for (int week = begin; week < end; ++week) {
    if (!std::isfinite(fitted[week]) || !std::isfinite(kpi[week])) continue;
    const double error = std::fabs(kpi[week] - fitted[week]);
    absolute_sum += error;
    if (kpi[week] == 0) {
      percentage_defined = false;
    } else {
      percentage_sum += error / std::fabs(kpi[week]);
    }
    ++errors.weeks;
  }
  if (errors.weeks == 0) return std::nullopt;
  errors.mae = absolute_sum / errors.weeks;
  if (percentage_defined) errors.mape = percentage_sum / errors.weeks;
  return errors;
}

}  // namespace

std::optional<transform::CurveParameters> curve_parameters(const fit::MediaResult& media, transform::CurveKind kind) {
  transform::CurveParameters curve;
  curve.kind = kind;
  if (kind == transform::CurveKind::concave) {
    if (!media.concave.beta || !media.concave.elasticity) return std::nullopt;
    curve.beta = *media.concave.beta;
    curve.elasticity = *media.concave.elasticity;
    return curve;
  }
  if (!media.hill.beta || !media.hill.half_saturation || !media.hill.hill_slope) return std::nullopt;
  if (!(*media.hill.half_saturation > 0) || !(*media.hill.hill_slope > 0)) return std::nullopt;
  curve.beta = *media.hill.beta;
  curve.half_saturation = *media.hill.half_saturation;
  curve.hill_slope = *media.hill.hill_slope;
  return curve;
}

ModelFitView model_fit_view(const fit::FitResult& fit) {
  if (fit.media.empty()) {
    throw core::InputError("fit.json contains no media, so there is nothing to attribute or chart. "
                           "Declare at least one media series in the spec and re-run `cerebro-mmm fit`.");
  }
  const std::size_t weeks = fit.weeks.size();
  const auto& kpi = fit.kpi_adjusted.empty() ? fit.kpi_values : fit.kpi_adjusted;
  require_weekly(kpi, weeks, "kpi_adjusted");
  for (const auto& media : fit.media) {
    require_weekly(media.contribution, weeks, "media." + media.name + ".contribution");
    require_weekly(media.adstock, weeks, "media." + media.name + ".adstock");
    require_weekly(media.spend, weeks, "media." + media.name + ".spend");
  }

  ModelFitView view;
  view.first_week = std::clamp(fit.warmup_weeks, 0, static_cast<int>(weeks));
  view.first_holdout_week = std::clamp(static_cast<int>(weeks) - fit.holdout_weeks, view.first_week,
                                       static_cast<int>(weeks));
  view.baseline = std::min_element(fit.media.begin(), fit.media.end(), [](const auto& a, const auto& b) {
                    return a.baseline < b.baseline;
                  })->baseline;
  view.kpi = kpi;
  view.fitted.assign(weeks, kNaN);
  for (std::size_t week = static_cast<std::size_t>(view.first_week); week < weeks; ++week) {
    double sum = view.baseline;
    for (const auto& media : fit.media) {
      const double value = media.contribution[week];
      if (std::isfinite(value)) sum += value;
    }
    view.fitted[week] = sum;
  }
  const auto holdout = errors_over(view.kpi, view.fitted, view.first_holdout_week, static_cast<int>(weeks));
  if (holdout) view.holdout = *holdout;
  view.training = errors_over(view.kpi, view.fitted, view.first_week, view.first_holdout_week);
  return view;
}

std::vector<std::size_t> media_by_contribution(const fit::FitResult& fit) {
  std::vector<std::size_t> order(fit.media.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&fit](std::size_t a, std::size_t b) {
    return fit.media[a].total_contribution > fit.media[b].total_contribution;
  });
  return order;
}

std::string spend_unit_label(const fit::MediaResult& media) {
  if (media.unit.empty() || media.decimals <= 0) return media.unit;
  return media.unit + " base units";
}

std::string roi_unit(const fit::FitResult& fit, const fit::MediaResult& media) {
  const std::string kpi_unit = fit.kpi_unit.empty() ? "KPI units" : fit.kpi_unit;
  const std::string spend_unit = media.unit.empty() ? "unit of spend" : spend_unit_label(media);
  return kpi_unit + " per " + spend_unit;
}

}  // namespace cerebro::report
