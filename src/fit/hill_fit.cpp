#include "fit/hill_fit.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace cerebro::fit {
namespace {

constexpr int kGridRelativeK = 16;
constexpr int kGridSlope = 10;
constexpr int kRefinedStarts = 2;
constexpr int kMaxIterations = 100;

// Weeks with adstock > 0, the only ones whose prediction depends on k and S.
// Weeks without adstock add a constant sum of squares.
struct HillData {
  std::span<const double> log_relative_adstock;  // ln(adstock / mean)
  std::span<const double> lift;                  // KPI - baseline
  double zero_adstock_sse = 0;
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

// The least-squares beta >= 0 for fixed k and S, and the resulting SSE.
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
// projecting each trial step onto the box, and the 3x3 normal equations use
// fixed-size matrices, so the bootstrap's many refits allocate nothing.
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
        current = trial;
        damping = std::max(damping / 3, 1e-12);
        improved = gain > 1e-12 * current.sse;
        break;
      }
      damping *= 4;
    }
    if (!improved) break;
  }
  return current;
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
    } else {
      data.zero_adstock_sse += week_lift * week_lift;
    }
  }
  data.log_relative_adstock = log_relative_adstock;
  data.lift = lift;

  // Grid search, keeping the best few points as starts for the refinement.
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
      point.sse = sse_of(data, point);
      for (auto& slot : best) {
        if (point.sse < slot.sse) std::swap(point, slot);
      }
    }
  }

  HillPoint fitted = best[0];
  for (const HillPoint& start : best) {
    if (!std::isfinite(start.sse)) continue;
    HillPoint refined = refine(data, start);
    // The closed-form beta at the refined k and S can only lower the SSE further.
    HillPoint resolved = solve_beta(data, refined.log_relative_k, refined.slope);
    resolved.sse = sse_of(data, resolved);
    if (resolved.sse < refined.sse) refined = resolved;
    if (refined.sse < fitted.sse) fitted = refined;
  }

  curve.beta = fitted.beta;
  curve.half_saturation = std::exp(fitted.log_relative_k) * mean_adstock;
  curve.hill_slope = fitted.slope;
  curve.training_sse = fitted.sse;
  return curve;
}

}  // namespace cerebro::fit
