#include "checks/data_guards.hpp"

namespace cerebro::checks {

// NOTE: placeholder that accepts every panel; the guards replace it.
std::vector<fit::FitWarning> run_data_guards(const GuardInput&) { return {}; }

LevelShiftAdjustment remove_level_shifts(const GuardInput& input) {
  LevelShiftAdjustment adjustment;
  adjustment.adjusted_kpi = input.panel.kpi.values;
  return adjustment;
}

}  // namespace cerebro::checks
