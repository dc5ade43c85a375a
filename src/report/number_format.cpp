#include "report/number_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstdlib>

namespace cerebro::report {
namespace {

constexpr double kScientificAbove = 1e15;
constexpr double kScientificBelow = 1e-3;

struct Suffix {
  double scale;
  const char* text;
};
constexpr std::array<Suffix, 5> kSuffixes{{{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"}, {1, ""}}};

// Drops trailing zeros after a decimal point, and the point itself.
std::string trim_zeros(std::string text) {
  if (text.find('.') == std::string::npos) return text;
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

int decimal_exponent(double magnitude) {
  // A small nudge keeps exact powers of ten (1000) on their own exponent.
  return static_cast<int>(std::floor(std::log10(magnitude) + 1e-12));
}

std::string format_scientific(double value, int significant_digits) {
  // fmt writes "1.20e+18"; rewrite it as "1.2e18".
  const std::string raw = fmt::format("{:.{}e}", value, significant_digits - 1);
  const auto e = raw.find('e');
  const std::string mantissa = trim_zeros(raw.substr(0, e));
  const int exponent = std::atoi(raw.c_str() + e + 1);
  return mantissa + "e" + std::to_string(exponent);
}

std::string format_fixed(double value, int significant_digits) {
  const int digits_before_point = decimal_exponent(std::fabs(value)) + 1;
  const int decimals = std::max(0, significant_digits - digits_before_point);
  return trim_zeros(fmt::format("{:.{}f}", value, decimals));
}

}  // namespace

std::string format_number(double value, int significant_digits) {
  if (!std::isfinite(value)) return "n/a";
  if (value == 0) return "0";
  significant_digits = std::clamp(significant_digits, 1, 15);

  const double magnitude = std::fabs(value);
  if (magnitude >= kScientificAbove || magnitude < kScientificBelow) {
    return format_scientific(value, significant_digits);
  }
  for (std::size_t i = 0; i < kSuffixes.size(); ++i) {
    const Suffix& suffix = kSuffixes[i];
    if (magnitude < suffix.scale && suffix.scale > 1) continue;
    std::string text = format_fixed(value / suffix.scale, significant_digits);
    // Rounding can carry into the next suffix: 999,960 at 3 digits is 1M, not 1000k.
    const double rounded = std::fabs(std::strtod(text.c_str(), nullptr));
    if (rounded >= 1000 && i > 0) {
      const Suffix& larger = kSuffixes[i - 1];
      text = format_fixed(value / larger.scale, significant_digits);
      return text + larger.text;
    }
    if (rounded >= 1000 && i == 0) return format_scientific(value, significant_digits);
    return text + suffix.text;
  }
  assert(false && "the unit suffix matches every magnitude");
  return "n/a";
}

std::string format_quantity(double value, std::string_view unit, int significant_digits) {
  if (!std::isfinite(value)) return "n/a";
  if (unit == "usd" || unit == "USD" || unit == "$") {
    const std::string magnitude = format_number(std::fabs(value), significant_digits);
    const bool negative = value < 0 && magnitude != "0";
    return (negative ? "-$" : "$") + magnitude;
  }
  const std::string number = format_number(value, significant_digits);
  if (unit.empty()) return number;
  return number + " " + std::string(unit);
}

std::string format_percent(double fraction, int decimals) {
  if (!std::isfinite(fraction)) return "n/a";
  std::string text = fmt::format("{:.{}f}", fraction * 100, std::max(0, decimals));
  if (text == "-0" || text.rfind("-0.", 0) == 0) {
    // A tiny negative share reads as "-0.0%"; drop the sign when the digits are all zero.
    if (text.find_first_not_of("-0.") == std::string::npos) text.erase(0, 1);
  }
  return text + "%";
}

std::string format_tick(double value, double step) {
  assert(step > 0);
  if (!std::isfinite(value)) return "n/a";
  // Ticks within a hundredth of a step of zero are zero that lost bits in the sum.
  if (std::fabs(value) < step * 1e-2) return "0";
  const int needed = decimal_exponent(std::fabs(value)) - decimal_exponent(step) + 1;
  return format_number(value, std::max(1, needed));
}

}  // namespace cerebro::report
