#include "report/scale.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/errors.hpp"

namespace cerebro::report {
namespace {

// Ticks are sums of steps, so they carry a few ulps of error.
constexpr double kRelativeTolerance = 1e-9;

// Independent check of the 1-2-5 rule: the step divided by its power of ten
// is one of 1, 2, 5 (or 10, when rounding up crossed a power).
bool is_round_step(double step) {
  const double mantissa = step / std::pow(10.0, std::floor(std::log10(step) + 1e-12));
  for (double allowed : {1.0, 2.0, 5.0, 10.0}) {
    if (std::fabs(mantissa - allowed) < 1e-9 * allowed) return true;
  }
  return false;
}

void expect_valid_ticks(const TickSet& ticks, double low, double high) {
  ASSERT_GE(ticks.values.size(), 2u);
  EXPECT_TRUE(is_round_step(ticks.step)) << "step " << ticks.step;
  const double lowest = std::min(low, high), highest = std::max(low, high);
  EXPECT_LE(ticks.min, lowest + std::fabs(lowest) * kRelativeTolerance);
  EXPECT_GE(ticks.max, highest - std::fabs(highest) * kRelativeTolerance);
  for (std::size_t i = 0; i < ticks.values.size(); ++i) {
    const double expected = ticks.min + ticks.step * static_cast<double>(i);
    EXPECT_NEAR(ticks.values[i], expected, std::fabs(ticks.step) * kRelativeTolerance) << "tick " << i;
    // Every tick is a whole multiple of the step.
    const double multiple = ticks.values[i] / ticks.step;
    EXPECT_NEAR(multiple, std::round(multiple), 1e-6) << "tick " << i;
  }
}

TEST(NiceTicks, RoundRangeForPlainData) {
  const TickSet ticks = nice_ticks(0, 97);
  EXPECT_DOUBLE_EQ(ticks.step, 20);
  EXPECT_DOUBLE_EQ(ticks.min, 0);
  EXPECT_DOUBLE_EQ(ticks.max, 100);
  EXPECT_EQ(ticks.values.size(), 6u);
  expect_valid_ticks(ticks, 0, 97);
}

TEST(NiceTicks, NegativeResidualsIncludeZero) {
  const TickSet ticks = nice_ticks(-37, 12);
  expect_valid_ticks(ticks, -37, 12);
  EXPECT_DOUBLE_EQ(ticks.step, 10);
  EXPECT_DOUBLE_EQ(ticks.min, -40);
  EXPECT_DOUBLE_EQ(ticks.max, 20);
  bool has_zero = false;
  for (double value : ticks.values) has_zero = has_zero || value == 0.0;
  EXPECT_TRUE(has_zero);
}

TEST(NiceTicks, AllNegativeRange) {
  const TickSet ticks = nice_ticks(-0.93, -0.21);
  expect_valid_ticks(ticks, -0.93, -0.21);
  EXPECT_LE(ticks.max, 0.0);
}

TEST(NiceTicks, ReversedArgumentsAreSwapped) {
  const TickSet forward = nice_ticks(3, 48);
  const TickSet reversed = nice_ticks(48, 3);
  EXPECT_EQ(forward.values, reversed.values);
}

TEST(NiceTicks, OnePointSeriesIsWidened) {
  const TickSet ticks = nice_ticks(250, 250);
  expect_valid_ticks(ticks, 250, 250);
  EXPECT_LT(ticks.min, 250);
  EXPECT_GT(ticks.max, 250);

  const TickSet zero = nice_ticks(0, 0);
  EXPECT_DOUBLE_EQ(zero.min, 0);
  EXPECT_DOUBLE_EQ(zero.max, 1);
}

TEST(NiceTicks, HugeMagnitudes) {
  const TickSet ticks = nice_ticks(0, 1.3e18);
  expect_valid_ticks(ticks, 0, 1.3e18);
  EXPECT_NEAR(ticks.step, 5e17, 5e17 * kRelativeTolerance);

  // An interval narrower than doubles resolve at 1e18 is one point.
  const TickSet flat = nice_ticks(1e18, 1e18 + 1);
  expect_valid_ticks(flat, 1e18, 1e18);
  EXPECT_GT(flat.values.back() - flat.values.front(), 1e17);
}

TEST(NiceTicks, TinyMagnitudes) {
  const TickSet ticks = nice_ticks(1e-9, 9.3e-9);
  expect_valid_ticks(ticks, 1e-9, 9.3e-9);
  EXPECT_NEAR(ticks.step, 2e-9, 2e-9 * kRelativeTolerance);
}

TEST(NiceTicks, NonFiniteBoundsThrow) {
  EXPECT_THROW(nice_ticks(std::numeric_limits<double>::quiet_NaN(), 1), core::InputError);
  EXPECT_THROW(nice_ticks(0, std::numeric_limits<double>::infinity()), core::InputError);
}

TEST(NiceTicks, PropertyOverManyRanges) {
  // Ranges spread over magnitudes and signs; each must give valid round ticks.
  for (int exponent = -12; exponent <= 18; exponent += 3) {
    for (double low : {-7.3, -1.0, 0.0, 0.4, 2.2}) {
      for (double width : {0.01, 1.0, 3.7, 55.0}) {
        const double scale = std::pow(10.0, exponent);
        const double a = low * scale, b = (low + width) * scale;
        SCOPED_TRACE(testing::Message() << "[" << a << ", " << b << "]");
        const TickSet ticks = nice_ticks(a, b);
        expect_valid_ticks(ticks, a, b);
        EXPECT_LE(ticks.values.size(), 12u);
      }
    }
  }
}

TEST(NiceTicksFor, IgnoresNanAndIncludesZero) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const TickSet ticks = nice_ticks_for({nan, 12, 18, nan}, true);
  EXPECT_DOUBLE_EQ(ticks.min, 0);
  EXPECT_GE(ticks.max, 18);
  const TickSet empty = nice_ticks_for({nan}, false);
  EXPECT_DOUBLE_EQ(empty.min, 0);
  EXPECT_DOUBLE_EQ(empty.max, 1);
}

TEST(LinearScale, MapsAndInverts) {
  const LinearScale y{0, 100, 300, 50};  // SVG y runs downwards
  EXPECT_DOUBLE_EQ(y.map(0), 300);
  EXPECT_DOUBLE_EQ(y.map(100), 50);
  EXPECT_DOUBLE_EQ(y.map(50), 175);
  const LinearScale flat{5, 5, 0, 10};
  EXPECT_DOUBLE_EQ(flat.map(5), 5);
}

}  // namespace
}  // namespace cerebro::report
