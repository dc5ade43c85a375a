#include "core/calendar.hpp"

#include <charconv>
#include <cstdio>

namespace cerebro::core {
namespace {

// Reads exactly `width` digits at `pos`; returns false when any is not a digit.
bool read_digits(std::string_view text, std::size_t pos, std::size_t width, int& value) {
  if (pos + width > text.size()) return false;
  value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  return true;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '"'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '"' ||
                           text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<Day> parse_date(std::string_view raw) {
  const std::string_view text = trim(raw);
  if (text.empty()) return std::nullopt;

  // Unix seconds: digits only, 9 or 10 of them (1973 .. 2286).
  if (text.size() == 9 || text.size() == 10) {
    long long seconds = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (ec == std::errc() && end == text.data() + text.size()) {
      return std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{seconds}});
    }
  }

  int year = 0, month = 0, day = 0;
  if (!read_digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' ||
      !read_digits(text, 5, 2, month) || text[7] != '-' || !read_digits(text, 8, 2, day)) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{unsigned(month)},
                                        std::chrono::day{unsigned(day)}};
  if (!ymd.ok()) return std::nullopt;
  Day date{ymd};
  if (text.size() == 10) return date;

  // A time part: separator, HH:MM[:SS[.fraction]], then an optional zone.
  std::size_t pos = 10;
  if (text[pos] != 'T' && text[pos] != ' ') return std::nullopt;
  ++pos;
  int hour = 0, minute = 0, second = 0;
  if (!read_digits(text, pos, 2, hour) || pos + 2 >= text.size() || text[pos + 2] != ':' ||
      !read_digits(text, pos + 3, 2, minute)) {
    return std::nullopt;
  }
  pos += 5;
  if (pos < text.size() && text[pos] == ':') {
    if (!read_digits(text, pos + 1, 2, second)) return std::nullopt;
    pos += 3;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      ++pos;
      const std::size_t fraction_start = pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      if (pos == fraction_start) return std::nullopt;
    }
  }
  if (hour > 23 || minute > 59 || second > 60) return std::nullopt;

  int offset_minutes = 0;
  if (pos < text.size()) {
    std::string_view zone = trim(text.substr(pos));
    if (zone == "Z" || zone == "z" || zone == "UTC") {
      zone = {};
    } else if (!zone.empty() && (zone[0] == '+' || zone[0] == '-')) {
      const int sign = zone[0] == '-' ? -1 : 1;
      int zone_hours = 0, zone_minutes = 0;
      if (!read_digits(zone, 1, 2, zone_hours)) return std::nullopt;
      if (zone.size() == 3) {
        zone_minutes = 0;
      } else if (zone.size() == 6 && zone[3] == ':') {
        if (!read_digits(zone, 4, 2, zone_minutes)) return std::nullopt;
      } else if (zone.size() == 5) {
        if (!read_digits(zone, 3, 2, zone_minutes)) return std::nullopt;
      } else {
        return std::nullopt;
      }
      if (zone_hours > 14 || zone_minutes > 59) return std::nullopt;
      offset_minutes = sign * (zone_hours * 60 + zone_minutes);
    } else {
      return std::nullopt;
    }
  }

  // Local time minus the zone's offset gives UTC.
  const auto instant = std::chrono::sys_seconds{date} + std::chrono::hours{hour} +
                       std::chrono::minutes{minute - offset_minutes} + std::chrono::seconds{second};
  return std::chrono::floor<std::chrono::days>(instant);
}

std::string format_date(Day day) {
  const std::chrono::year_month_day ymd{day};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()));
  return buffer;
}

Day week_start_of(Day day, WeekStart week_start) {
  const std::chrono::weekday first =
      week_start == WeekStart::monday ? std::chrono::Monday : std::chrono::Sunday;
  const std::chrono::weekday current{day};
  return day - (current - first);
}

}  // namespace cerebro::core
