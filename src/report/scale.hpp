#pragma once
// Linear scales and round tick choice for the report's charts. Ticks are
// 1, 2 or 5 times a power of ten, the choice popularised by Heckbert
// ("Nice numbers for graph labels", Graphics Gems, 1990).
#include <vector>

namespace cerebro::report {

// Maps a data interval [domain_min, domain_max] onto a pixel interval
// [range_min, range_max]; the pixel interval may run downwards (SVG y axes).
struct LinearScale {
  double domain_min = 0, domain_max = 1;
  double range_min = 0, range_max = 1;

  // Returns the pixel position of `value`; an empty domain maps everything
  // to the middle of the range.
  double map(double value) const;
};

// Round tick values covering a data interval.
struct TickSet {
  double min = 0;   // first tick, at or below the data's minimum
  double max = 1;   // last tick, at or above the data's maximum
  double step = 1;  // distance between ticks, 1, 2 or 5 times a power of ten
  std::vector<double> values;  // min, min + step, ..., max
};

// Chooses about `target_count` (>= 2) round ticks covering [low, high]; the
// arguments may come in either order and may be negative. An empty interval
// (a one-week series or a constant) is widened around its value, to [0, 1]
// for zero. Intervals narrower than double precision can resolve at their
// magnitude are treated as empty. Throws core::InputError when either bound
// is NaN or infinite.
TickSet nice_ticks(double low, double high, int target_count = 5);

// Returns the tick set of `values`, ignoring NaN entries, with zero included
// when `include_zero` (bar and area charts start at zero). An all-NaN or
// empty input gives the ticks of [0, 1].
TickSet nice_ticks_for(const std::vector<double>& values, bool include_zero, int target_count = 5);

}  // namespace cerebro::report
