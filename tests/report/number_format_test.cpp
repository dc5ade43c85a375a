#include "report/number_format.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace cerebro::report {
namespace {

TEST(FormatNumber, SuffixesAtEachMagnitude) {
  EXPECT_EQ(format_number(0), "0");
  EXPECT_EQ(format_number(7), "7");
  EXPECT_EQ(format_number(12.345), "12.3");
  EXPECT_EQ(format_number(34'500), "34.5k");
  EXPECT_EQ(format_number(1'234'567), "1.23M");
  EXPECT_EQ(format_number(1'200'000, 2), "1.2M");
  EXPECT_EQ(format_number(3.4e9), "3.4B");
  EXPECT_EQ(format_number(5e12), "5T");
}

TEST(FormatNumber, RoundingCarriesIntoNextSuffix) {
  EXPECT_EQ(format_number(999'960), "1M");
  EXPECT_EQ(format_number(999.96), "1k");
}

TEST(FormatNumber, HugeAndTinyUseScientific) {
  EXPECT_EQ(format_number(1.2e18), "1.2e18");
  EXPECT_EQ(format_number(1e15), "1e15");
  EXPECT_EQ(format_number(3.4e-9), "3.4e-9");
  EXPECT_EQ(format_number(-2.5e-7, 2), "-2.5e-7");
  EXPECT_EQ(format_number(0.0123), "0.0123");
}

TEST(FormatNumber, NegativeAndNonFinite) {
  EXPECT_EQ(format_number(-34'500), "-34.5k");
  EXPECT_EQ(format_number(std::numeric_limits<double>::quiet_NaN()), "n/a");
  EXPECT_EQ(format_number(std::numeric_limits<double>::infinity()), "n/a");
}

TEST(FormatQuantity, DollarsAndOtherUnits) {
  EXPECT_EQ(format_quantity(1'200'000, "usd", 2), "$1.2M");
  EXPECT_EQ(format_quantity(-1'200'000, "USD", 2), "-$1.2M");
  EXPECT_EQ(format_quantity(34'500, "OSMO"), "34.5k OSMO");
  EXPECT_EQ(format_quantity(1.2e18, "wei"), "1.2e18 wei");
  EXPECT_EQ(format_quantity(42, ""), "42");
}

TEST(FormatPercent, FractionsAndNegativeZero) {
  EXPECT_EQ(format_percent(0.123), "12.3%");
  EXPECT_EQ(format_percent(1.0, 0), "100%");
  EXPECT_EQ(format_percent(-0.00001), "0.0%");
  EXPECT_EQ(format_percent(-0.25, 0), "-25%");
}

TEST(FormatTick, DigitsFollowTheStep) {
  EXPECT_EQ(format_tick(0, 2e17), "0");
  EXPECT_EQ(format_tick(2e17, 2e17), "2e17");
  EXPECT_EQ(format_tick(1.2e18, 2e17), "1.2e18");
  EXPECT_EQ(format_tick(1'500'000, 500'000), "1.5M");
  EXPECT_EQ(format_tick(1'000'050, 10), "1.00005M");
  EXPECT_EQ(format_tick(2.5e-9, 5e-10), "2.5e-9");
  EXPECT_EQ(format_tick(0.30000000000000004, 0.1), "0.3");
  // A sum of steps that should be zero but lost its last bits.
  EXPECT_EQ(format_tick(5.551115123125783e-17, 0.1), "0");
}

}  // namespace
}  // namespace cerebro::report
