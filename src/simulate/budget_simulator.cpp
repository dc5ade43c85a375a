#include "simulate/budget_simulator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <optional>
#include <stdexcept>

#include "core/errors.hpp"
#include "simulate/allocation.hpp"
#include "simulate/steady_state.hpp"
#include "fit/bootstrap.hpp"
#include "transform/adstock.hpp"

namespace cerebro::simulate {
namespace {

// Options' declared ranges.
constexpr double kMaxBudgetChange = 0.3;
constexpr double kMaxPerMediaChange = 0.3;

// Weeks the bootstrap uses for current spend when it computes marginal ROI
// ranges; with another window the ranges are rescaled instead of copied.
constexpr int kBootstrapCurrentWeeks = 4;

// Everything the simulator needs about one media, read once from the fit.
struct MediaInputs {
  const fit::MediaResult* fit = nullptr;
  SteadyStateResponse response;
  double current_spend = 0;
  double evaluation_spend = 0;  // current spend, or the active-week mean when off
  double max_historical_spend = 0;
  double max_observed_adstock = 0;
  bool off = false;
  bool no_response = false;
  bool negative_elasticity = false;
};

transform::CurveParameters selected_parameters(const fit::MediaResult& media) {
  transform::CurveParameters curve;
  curve.kind = media.selected_curve;
  const auto missing = [&](const char* parameter) {
    return core::InputError(fmt::format(
        "media '{}': the selected {} curve has no fitted {} in the fit. A curve needs at least 2 "
        "usable training weeks; re-run `cerebro-mmm fit` with more weeks of data for this media.",
        media.name, fit::to_string(media.selected_curve), parameter));
  };
  if (media.selected_curve == transform::CurveKind::concave) {
    if (!media.concave.beta) throw missing("beta");
    if (!media.concave.elasticity) throw missing("elasticity");
    curve.beta = *media.concave.beta;
    curve.elasticity = *media.concave.elasticity;
  } else {
    if (!media.hill.beta) throw missing("beta");
    if (!media.hill.half_saturation) throw missing("half_saturation");
    if (!media.hill.hill_slope) throw missing("hill_slope");
    curve.beta = *media.hill.beta;
    curve.half_saturation = *media.hill.half_saturation;
    curve.hill_slope = *media.hill.hill_slope;
  }
  return curve;
}

MediaInputs read_media(const fit::MediaResult& media, int current_weeks) {
  MediaInputs inputs;
  inputs.fit = &media;
  inputs.response.curve = selected_parameters(media);
  inputs.response.adstock_multiplier =
      transform::steady_state_adstock_multiplier(media.decay_rate, media.window_weeks);
  inputs.current_spend = current_weekly_spend(media.spend, current_weeks);
  inputs.off = !(inputs.current_spend > 0);

  for (double spend : media.spend) {
    inputs.max_historical_spend = std::max(inputs.max_historical_spend, spend);
  }
  for (double adstock : media.adstock) {
    if (std::isfinite(adstock))
      inputs.max_observed_adstock = std::max(inputs.max_observed_adstock, adstock);
  }
  // Current spend, or the mean active-week spend of a media that is off.
  inputs.evaluation_spend = fit::current_spend_per_week(media.spend, current_weeks);

  const transform::CurveParameters& curve = inputs.response.curve;
  const bool concave = curve.kind == transform::CurveKind::concave;
  inputs.negative_elasticity = concave && curve.elasticity < 0;
  inputs.no_response = !(curve.beta > 0) || (concave && !(curve.elasticity > 0));
  return inputs;
}

// Scales `interval` by point / interval.p50: the bootstrap's relative spread
// carried over to a point estimate computed here. nullopt when the median is
// not positive, because then the relative spread is undefined.
std::optional<fit::Interval> scaled_range(const fit::Interval& interval, double point) {
  if (!(interval.p50 > 0) || !std::isfinite(point)) return std::nullopt;
  std::array<double, 3> values{point * interval.p05 / interval.p50, point,
                               point * interval.p95 / interval.p50};
  std::sort(values.begin(), values.end());
  return fit::Interval{values[0], values[1], values[2]};
}

// NOTE: the fit stores percentiles of each parameter, not the per-resample
// parameters, so these ranges are derived, not recomputed per resample:
//   - marginal ROI: the bootstrap's own marginal-ROI percentiles at current
//     spend (same definition as here) when current_weeks is 4, otherwise that
//     relative spread applied to the point value;
//   - average ROI: the relative spread of the historical ROI (also an average
//     return per unit of spend) applied to the point value;
//   - KPI change: to first order the change is marginal ROI times the spend
//     change, so the marginal ROI's relative spread is applied to it.
// The total's range adds the media's percentiles, which is exact when the
// media's errors move together and wider than the truth otherwise.
void add_ranges(const MediaInputs& inputs, int current_weeks, MediaRecommendation& row) {
  if (!inputs.fit->uncertainty) return;
  const fit::MediaUncertainty& uncertainty = *inputs.fit->uncertainty;
  if (current_weeks == kBootstrapCurrentWeeks) {
    row.marginal_roi_range = uncertainty.marginal_roi;
  } else {
    row.marginal_roi_range = scaled_range(uncertainty.marginal_roi, row.marginal_roi);
  }
  row.average_roi_range = scaled_range(uncertainty.historical_roi, row.average_roi);
  row.predicted_kpi_change_range = scaled_range(uncertainty.marginal_roi, row.predicted_kpi_change);
}

void annotate(const MediaInputs& inputs, MediaRecommendation& row) {
  if (row.off) row.annotations.emplace_back(kOffAnnotation);
  if (inputs.negative_elasticity) {
    row.annotations.emplace_back(kNegativeElasticityAnnotation);
  } else if (inputs.no_response) {
    row.annotations.emplace_back(kNoResponseAnnotation);
  }

  const double adstock_per_spend = inputs.response.adstock_multiplier;
  const auto out_of_sample = [&](double spend) {
    return spend > kOutOfSampleFactor * inputs.max_historical_spend ||
           adstock_per_spend * spend > kOutOfSampleFactor * inputs.max_observed_adstock;
  };
  if (!row.off &&
      (out_of_sample(row.recommended_spend) || out_of_sample(row.unconstrained_spend))) {
    row.annotations.emplace_back(kOutOfSampleAnnotation);
  }

  if (row.average_roi > 0 && row.marginal_roi < kSaturationRatio * row.average_roi) {
    row.annotations.emplace_back(kSaturatedAnnotation);
    if (!row.off && row.recommended_spend < row.current_spend) {
      row.annotations.emplace_back(kObserveReducedAnnotation);
    }
  }
}

std::string bounds_message(double total, double low_sum, double high_sum,
                           const SimulationOptions& options) {
  return fmt::format(
      "the requested total of {:.6g} per week (budget_change {}) is outside what the per-media "
      "caps allow, {:.6g} to {:.6g} (max_change {}; media without a credible response are never "
      "increased). Use a budget_change closer to 0 or a larger max_change (at most 0.3).",
      total, options.budget_change, low_sum, high_sum, options.max_change);
}

}  // namespace

void validate_simulation_options(const SimulationOptions& options, int weeks_available) {
  if (options.current_weeks < 1 || options.current_weeks > weeks_available) {
    throw core::InputError(fmt::format(
        "simulation option current_weeks is {}, but it must be between 1 and the {} weeks of the "
        "fit. Choose a window of recent weeks within the data (default 4).",
        options.current_weeks, weeks_available));
  }
  if (!(std::fabs(options.budget_change) <= kMaxBudgetChange)) {
    throw core::InputError(fmt::format(
        "simulation option budget_change is {}, but it must be within [-0.3, 0.3] (a change of "
        "the total budget of at most 30 % per period). Request a smaller change.",
        options.budget_change));
  }
  if (!(options.max_change > 0 && options.max_change <= kMaxPerMediaChange)) {
    throw core::InputError(fmt::format(
        "simulation option max_change is {}, but it must be in (0, 0.3]: no media may move more "
        "than 30 % from its current spend in one period. Use a value such as 0.3 or 0.2.",
        options.max_change));
  }
  if (std::fabs(options.budget_change) > options.max_change) {
    throw core::InputError(fmt::format(
        "simulation option budget_change is {}, larger in size than max_change {}, so no "
        "allocation within the per-media caps reaches the requested total. Raise max_change to at "
        "least {} or reduce budget_change.",
        options.budget_change, options.max_change, std::fabs(options.budget_change)));
  }
}

double current_weekly_spend(const std::vector<double>& spend_per_week, int current_weeks) {
  if (current_weeks < 1 || static_cast<std::size_t>(current_weeks) > spend_per_week.size()) {
    throw std::logic_error("current_weekly_spend: current_weeks outside [1, weeks of spend]");
  }
  const auto begin = spend_per_week.end() - current_weeks;
  return std::accumulate(begin, spend_per_week.end(), 0.0) / current_weeks;
}

// A budget total adds the media's spend, which only means something in one
// unit: 1 GNO of emissions and 1 USD of external incentives cannot be traded
// against each other without a price.
void require_one_spend_unit(const fit::FitResult& fit) {
  if (fit.media.empty()) return;
  const fit::MediaResult& first = fit.media.front();
  for (const fit::MediaResult& media : fit.media) {
    if (media.unit == first.unit && media.decimals == first.decimals) continue;
    throw core::InputError(fmt::format(
        "media '{}' is in {} ({} decimals) but '{}' is in {} ({} decimals), so their spend cannot "
        "share one budget. Convert every media to one unit (for example USD at the week's price) "
        "in the spec's SQL and fit again.",
        first.name, first.unit.empty() ? "no declared unit" : first.unit, first.decimals,
        media.name, media.unit.empty() ? "no declared unit" : media.unit, media.decimals));
  }
}

SimulationResult simulate_budget(const fit::FitResult& fit, const SimulationOptions& options) {
  std::size_t weeks_available = fit.weeks.size();
  for (const fit::MediaResult& media : fit.media)
    weeks_available = std::min(weeks_available, media.spend.size());
  validate_simulation_options(options, static_cast<int>(weeks_available));
  require_one_spend_unit(fit);

  std::vector<MediaInputs> inputs;
  for (const fit::MediaResult& media : fit.media)
    inputs.push_back(read_media(media, options.current_weeks));

  // 1. Bounds of both problems; off media take no part.
  std::vector<std::size_t> active;
  std::vector<AllocationMedia> capped;
  std::vector<AllocationMedia> unconstrained;
  double current_total = 0;
  for (std::size_t m = 0; m < inputs.size(); ++m) {
    const MediaInputs& media = inputs[m];
    if (media.off) continue;
    active.push_back(m);
    current_total += media.current_spend;
    const double capped_high =
        media.no_response ? media.current_spend : (1 + options.max_change) * media.current_spend;
    const double free_high =
        media.no_response ? media.current_spend : kOutOfSampleFactor * media.max_historical_spend;
    capped.push_back({media.response, (1 - options.max_change) * media.current_spend, capped_high,
                      media.no_response});
    unconstrained.push_back({media.response, kUnconstrainedFloorFraction * media.current_spend,
                             std::max(free_high, media.current_spend), media.no_response});
  }
  if (active.empty()) {
    throw core::InputError(fmt::format(
        "every media has zero spend in the last {} weeks of the fit, so there is no current budget "
        "to reallocate. Set current_weeks to a window in which some media were running.",
        options.current_weeks));
  }

  // 2. Both optimizations over the same total.
  const double total = current_total * (1 + options.budget_change);
  double low_sum = 0;
  double high_sum = 0;
  for (const AllocationMedia& media : capped) {
    low_sum += media.min_spend;
    high_sum += media.max_spend;
  }
  const double slack = 1e-12 * high_sum;
  if (total < low_sum - slack || total > high_sum + slack) {
    throw core::InputError(bounds_message(total, low_sum, high_sum, options));
  }
  const std::vector<double> recommended = allocate_budget(capped, total);
  const std::vector<double> free_optimum = allocate_budget(unconstrained, total);

  // 3. Per-media rows.
  SimulationResult result;
  result.fit_id = fit.fit_id;
  result.current_weeks = options.current_weeks;
  result.budget_change = options.budget_change;
  result.max_change = options.max_change;
  result.directional_only = fit.directional_only;
  std::vector<std::size_t> slot_of(inputs.size(), active.size());
  for (std::size_t slot = 0; slot < active.size(); ++slot) slot_of[active[slot]] = slot;

  bool every_range = true;
  for (std::size_t m = 0; m < inputs.size(); ++m) {
    const MediaInputs& media = inputs[m];
    MediaRecommendation row;
    row.name = media.fit->name;
    row.curve = fit::to_string(media.fit->selected_curve);
    row.off = media.off;
    row.current_spend = media.current_spend;
    row.current_share = media.current_spend / current_total;
    row.marginal_roi = media.response.marginal_roi(media.evaluation_spend);
    row.average_roi = media.response.average_roi(media.evaluation_spend);
    if (media.response.curve.kind == transform::CurveKind::concave) {
      row.marginal_return_per_adstock_unit = marginal_return_per_adstock_unit(
          media.response.curve, media.response.adstock_multiplier * media.evaluation_spend);
    }
    if (!media.off) {
      const std::size_t slot = slot_of[m];
      row.recommended_spend = recommended[slot];
      row.unconstrained_spend = free_optimum[slot];
      row.change_fraction = row.recommended_spend / row.current_spend - 1;
      if (!media.no_response) {
        const double now = media.response.response(row.current_spend);
        row.predicted_kpi_change = media.response.response(row.recommended_spend) - now;
        result.totals.unconstrained_predicted_kpi_change +=
            media.response.response(row.unconstrained_spend) - now;
      }
    }
    annotate(media, row);
    add_ranges(media, options.current_weeks, row);
    if (!media.off && !row.predicted_kpi_change_range) every_range = false;

    result.totals.current_spend += row.current_spend;
    result.totals.recommended_spend += row.recommended_spend;
    result.totals.unconstrained_spend += row.unconstrained_spend;
    result.totals.predicted_kpi_change += row.predicted_kpi_change;
    result.media.push_back(std::move(row));
  }

  if (every_range) {
    fit::Interval sum;
    for (const MediaRecommendation& row : result.media) {
      if (!row.predicted_kpi_change_range) continue;
      sum.p05 += row.predicted_kpi_change_range->p05;
      sum.p50 += row.predicted_kpi_change_range->p50;
      sum.p95 += row.predicted_kpi_change_range->p95;
    }
    result.totals.predicted_kpi_change_range = sum;
  }

  result.assumptions = {
      "macro prices (ETH, stablecoins and other market moves) stay as they are",
      "gas prices stay as they are",
      "seasonality is that of the current weeks",
      "no competing launches or other protocol events",
      "the cost per unit of incentive stays stable (spend converts to incentive at today's rate)",
      "each spend is sustained long enough for adstock to reach its steady state",
  };
  return result;
}

}  // namespace cerebro::simulate
