#include "fit/hill_fit.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <vector>

namespace cerebro::fit {
namespace {

constexpr int kGridRelativeK = 16;
constexpr int kGridSlope = 10;
constexpr int kRefinedStarts = 2;
constexpr int kMaxIterations = 100;

// Convergence of the refinement: it stops when a kept step lowers the SSE by
// less than kRelativeSseTolerance of the SSE and moves every parameter by less
// than kStepTolerance (relative for beta and S, absolute for ln k, which is
// already a relative scale). Near a minimum the SSE excess is quadratic in the
// parameter error, so a 1e-8 relative gain puts the parameters roughly
// sqrt(1e-8) = 1e-4 from the optimum in the curvature's own scale (an
// estimate), far inside the bootstrap's spread. The step test keeps a damped
// step that crawls along a flat valley from passing for convergence.
constexpr double kRelativeSseTolerance = 1e-8;
constexpr double kStepTolerance = 1e-4;

// Weeks with adstock > 0, the only ones whose prediction depends on k and S.
// Weeks without adstock add a constant sum of squares.
struct HillData {
  std::span<const double> log_relative_adstock;  // ln(adstock / mean)
  std::span<const double> lift;                  // KPI - baseline
  double zero_adstock_sse = 0;
  double sum_lift_squared = 0;  // over the weeks with adstock > 0
};

struct HillPoint {
  double beta = 0;
  double log_relative_k = 0;
  double slope = 1;
  double sse = 0;
};

double hill_share(double log_relative_k, double slope, double log_relative_adstock) {
  // x^S / (x^S + k^S) = 1 / (1 + e^z), z = S (ln k - ln x); e^z overflows past 709.
  const double z = slope * (log_relative_k - log_relative_adstock);
  if (z > 700) return 0.0;
  return 1.0 / (1.0 + std::exp(z));
}

// The least-squares beta >= 0 for fixed k and S, and an SSE accurate enough
// to rank grid points.
HillPoint solve_beta(const HillData& data, double log_relative_k, double slope) {
  double sum_share_lift = 0;
  double sum_share_squared = 0;
  for (std::size_t j = 0; j < data.lift.size(); ++j) {
    const double share = hill_share(log_relative_k, slope, data.log_relative_adstock[j]);
    sum_share_lift += share * data.lift[j];
    sum_share_squared += share * share;
  }
  HillPoint point{0, log_relative_k, slope, 0};
  if (sum_share_squared > 0) point.beta = std::max(0.0, sum_share_lift / sum_share_squared);
  // sum (lift - beta share)^2 expanded into the sums above, so the grid needs
  // no second pass of exp calls. Cancellation can cost digits when the fit is
  // near exact, which only matters for ranking grid points: the refinement and
  // the reported SSE use sse_of.
  const double weeks_sse = data.sum_lift_squared - 2 * point.beta * sum_share_lift +
                           point.beta * point.beta * sum_share_squared;
  point.sse = data.zero_adstock_sse + std::max(0.0, weeks_sse);
  return point;
}

double sse_of(const HillData& data, const HillPoint& point) {
  double sse = data.zero_adstock_sse;
  for (std::size_t j = 0; j < data.lift.size(); ++j) {
    const double residual =
        data.lift[j] -
        point.beta * hill_share(point.log_relative_k, point.slope, data.log_relative_adstock[j]);
    sse += residual * residual;
  }
  return sse;
}

HillPoint project(HillPoint point) {
  point.beta = std::max(0.0, point.beta);
  point.log_relative_k = std::clamp(point.log_relative_k, std::log(kHillMinRelativeK),
                                    std::log(kHillMaxRelativeK));
  point.slope = std::clamp(point.slope, kHillMinSlope, kHillMaxSlope);
  return point;
}

// Projected Levenberg-Marquardt on (beta, ln k, S). Written here instead of
// Eigen's unsupported LevenbergMarquardt because the bounds are kept by
// projecting each trial step onto the box (holding parameters that press
// against a bound), and the 3x3 normal equations use fixed-size matrices, so
// the bootstrap's many refits allocate nothing.
// A step is kept only when it lowers the SSE, so the result is never worse
// than the start.
HillPoint refine(const HillData& data, HillPoint current) {
  current.sse = sse_of(data, current);
  double damping = 1e-3;
  for (int iteration = 0; iteration < kMaxIterations; ++iteration) {
    Eigen::Matrix3d normal = Eigen::Matrix3d::Zero();
    Eigen::Vector3d gradient = Eigen::Vector3d::Zero();
    for (std::size_t j = 0; j < data.lift.size(); ++j) {
      const double log_x = data.log_relative_adstock[j];
      const double share = hill_share(current.log_relative_k, current.slope, log_x);
      const double residual = data.lift[j] - current.beta * share;
      // d share / d z = -share (1 - share), z = S (ln k - ln x).
      const double dshare_dz = -share * (1 - share);
      const Eigen::Vector3d jacobian(share, current.beta * dshare_dz * current.slope,
                                     current.beta * dshare_dz * (current.log_relative_k - log_x));
      normal += jacobian * jacobian.transpose();
      gradient += jacobian * residual;
    }

    // A parameter on a bound whose descent direction leaves the box stays
    // fixed for this step, as in active-set methods. Projecting its full step
    // instead would bend the other parameters' steps, so the fit would crawl.
    const Eigen::Vector3d position(current.beta, current.log_relative_k, current.slope);
    const Eigen::Vector3d lower(0.0, std::log(kHillMinRelativeK), kHillMinSlope);
    const Eigen::Vector3d upper(HUGE_VAL, std::log(kHillMaxRelativeK), kHillMaxSlope);
    for (int i = 0; i < 3; ++i) {
      const bool fixed_on_bound = (position(i) <= lower(i) && gradient(i) < 0) ||
                        (position(i) >= upper(i) && gradient(i) > 0);
      if (!fixed_on_bound) continue;
      normal.row(i).setZero();
      normal.col(i).setZero();
      normal(i, i) = 1;
      gradient(i) = 0;
    }

    bool improved = false;
    while (damping < 1e12) {
      Eigen::Matrix3d damped = normal;
      for (int i = 0; i < 3; ++i) damped(i, i) += damping * std::max(normal(i, i), 1e-300);
      const Eigen::Vector3d step = damped.ldlt().solve(gradient);
      if (!step.allFinite()) {
        damping *= 10;
        continue;
      }
      HillPoint trial = project(HillPoint{current.beta + step(0),
                                          current.log_relative_k + step(1),
                                          current.slope + step(2), 0});
      trial.sse = sse_of(data, trial);
      if (trial.sse < current.sse) {
        const double gain = current.sse - trial.sse;
        const double step_size =
            std::max({std::fabs(trial.beta - current.beta) / std::max(current.beta, 1e-300),
                      std::fabs(trial.log_relative_k - current.log_relative_k),
                      std::fabs(trial.slope - current.slope) / current.slope});
        current = trial;
        damping = std::max(damping / 3, 1e-12);
        improved = gain > kRelativeSseTolerance * current.sse || step_size > kStepTolerance;
        break;
      }
      damping *= 4;
    }
    if (!improved) break;
  }
  return current;
}

// Refines `start` and then re-solves beta in closed form at the refined k and
// S, which can only lower the SSE further.
HillPoint refine_and_resolve(const HillData& data, const HillPoint& start) {
  HillPoint refined = refine(data, start);
  HillPoint resolved = solve_beta(data, refined.log_relative_k, refined.slope);
  resolved.sse = sse_of(data, resolved);
  return resolved.sse < refined.sse ? resolved : refined;
}

// Grid search, keeping the best few points as starts for the refinement.
HillPoint refine_from_grid(const HillData& data) {
  std::array<HillPoint, kRefinedStarts> best;
  best.fill(HillPoint{0, 0, 1, HUGE_VAL});
  const double log_k_low = std::log(kHillMinRelativeK);
  const double log_k_high = std::log(kHillMaxRelativeK);
  const double log_s_low = std::log(kHillMinSlope);
  const double log_s_high = std::log(kHillMaxSlope);
  for (int i = 0; i < kGridRelativeK; ++i) {
    const double log_k = log_k_low + (log_k_high - log_k_low) * i / (kGridRelativeK - 1);
    for (int j = 0; j < kGridSlope; ++j) {
      const double slope = std::exp(log_s_low + (log_s_high - log_s_low) * j / (kGridSlope - 1));
      HillPoint point = solve_beta(data, log_k, slope);
      for (auto& slot : best) {
        if (point.sse < slot.sse) std::swap(point, slot);
      }
    }
  }

  HillPoint fitted = best[0];
  for (const HillPoint& start : best) {
    if (!std::isfinite(start.sse)) continue;
    const HillPoint refined = refine_and_resolve(data, start);
    if (refined.sse < fitted.sse) fitted = refined;
  }
  return fitted;
}

}  // namespace

HillCurve fit_hill(std::span<const double> kpi, std::span<const double> adstock,
                   std::span<const int> training_weeks, double baseline) {
  HillCurve curve;

  int positive_weeks = 0;
  double adstock_sum = 0;
  for (int week : training_weeks) {
    if (adstock[week] > 0) {
      ++positive_weeks;
      adstock_sum += adstock[week];
    }
  }
  if (positive_weeks < 2) return curve;
  const double mean_adstock = adstock_sum / positive_weeks;

  thread_local std::vector<double> log_relative_adstock;
  thread_local std::vector<double> lift;
  log_relative_adstock.clear();
  lift.clear();
  HillData data;
  for (int week : training_weeks) {
    const double week_lift = kpi[week] - baseline;
    if (adstock[week] > 0) {
      log_relative_adstock.push_back(std::log(adstock[week] / mean_adstock));
      lift.push_back(week_lift);
      data.sum_lift_squared += week_lift * week_lift;
    } else {
      data.zero_adstock_sse += week_lift * week_lift;
    }
  }
  data.log_relative_adstock = log_relative_adstock;
  data.lift = lift;

  const std::optional<HillPoint> fitted = refine_from_grid(data);

  curve.beta = fitted->beta;
  curve.half_saturation = std::exp(fitted->log_relative_k) * mean_adstock;
  curve.hill_slope = fitted->slope;
  curve.training_sse = fitted->sse;
  return curve;
}

}  // namespace cerebro::fit
