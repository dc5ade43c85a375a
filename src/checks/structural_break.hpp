#pragma once
// Structural-break guard: a level shift of the KPI at an unknown week that the
// declared step events do not explain (a hard fork, a bridge exploit, a stablecoin
// depeg). Such a shift would be absorbed by whatever media changed near it,
// so the engine refuses until the shift is declared or the window excludes it.
//
// Method: the sup-Wald test of Andrews (1993), "Tests for parameter instability
// and structural change with unknown change point", Econometrica 61(4), for one
// restriction (the step's coefficient) with 15% trimming. The null model is the
// one in level_shift_model.hpp (trend, annual Fourier terms, media adstock,
// declared steps), so only shifts those terms cannot explain are tested.
#include <vector>

#include <Eigen/Dense>

#include "checks/data_guards.hpp"

namespace cerebro::checks {

// Fraction of the window trimmed at each end: breaks closer to an end than this
// are not tested, because the statistic's supremum diverges there.
inline constexpr double kBreakTrimming = 0.15;

// Asymptotic 1% critical value of the sup-Wald statistic for one restriction and
// 15% trimming with stationary regressors: Andrews (1993), Table 1 (p = 1,
// pi0 = 0.15: 7.12 at 10%, 8.68 at 5%, 12.16 at 1%). The 1% level keeps false
// refusals of ordinary data rare, and a break worth refusing for (an exploit,
// a fork) is far above it. The threshold used is never below this value. A
// design with a wider null distribution, such as one with a linear trend, gets
// its own simulated 99% quantile instead.
inline constexpr double kBreakCriticalValue = 12.16;

// Outcome of the test over one window.
struct LevelShiftTest {
  bool tested = false;      // false when the window is too short for the trimmed test
  double sup_wald = 0;      // largest Wald statistic over the candidate weeks
  int break_offset = -1;    // window-relative index of the first week at the new level
  double level_shift = 0;   // estimated shift at break_offset, in KPI units
  // 1% threshold: the larger of kBreakCriticalValue and the 99% quantile of the
  // statistic simulated on this design with i.i.d. normal errors.
  double critical_value = kBreakCriticalValue;
  bool rejected() const { return tested && sup_wald > critical_value; }
};

// Runs the sup-Wald test of `kpi` (one value per window week, finite) against
// the null design `null_columns` (one row per week, full rank not required).
// The break week is the least-squares date (Bai 1994), and the statistic uses a
// prewhitened HAC variance (Andrews and Monahan 1992) because weekly residuals
// are serially correlated.
// `excluded_offsets`, when not empty, has one flag per week; flagged weeks are
// not tested as break candidates. Returns tested = false when fewer than 10
// residual degrees of freedom remain or no candidate week is left.
LevelShiftTest test_level_shift(const Eigen::MatrixXd& null_columns, const Eigen::VectorXd& kpi,
                                const std::vector<bool>& excluded_offsets = {});

// Throws core::InputError when the KPI over the modeling window has a level
// shift at a week more than 2 weeks from every declared step event. Returns
// false when the window was too short to test, true otherwise.
bool check_structural_break(const GuardInput& input);

}  // namespace cerebro::checks
