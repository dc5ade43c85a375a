#pragma once
// Number formatting for chart labels and report text: short, with units, and
// stable across magnitudes from token base units (1e18 wei) down to tiny rates.
#include <string>
#include <string_view>

namespace cerebro::report {

// Formats `value` with `significant_digits` significant digits (1..15) and a
// suffix: 34.5k, 1.2M, 3.4B, 5T. Magnitudes of 1e15 and above, and non-zero
// magnitudes below 1e-3, use a short scientific form (1.2e18, 3.4e-9).
// Trailing zeros are dropped; zero is "0"; NaN and infinities are "n/a".
std::string format_number(double value, int significant_digits = 3);

// Formats a quantity in `unit`. US dollars ("usd", "USD", "$") get a leading
// sign and dollar mark ("-$1.2M"); any other non-empty unit follows the number
// after a space ("34.5k OSMO"); an empty unit gives the bare number.
std::string format_quantity(double value, std::string_view unit, int significant_digits = 3);

// Formats a fraction as a percentage with `decimals` decimals: 0.123 -> "12.3%".
std::string format_percent(double fraction, int decimals = 1);

// Formats an axis tick: as many significant digits as the tick step needs
// to tell neighbouring ticks apart (ticks 0, 2e17, 4e17 ... 1.2e18 read
// "0", "2e17", "1.2e18"). `step` must be positive.
std::string format_tick(double value, double step);

}  // namespace cerebro::report
