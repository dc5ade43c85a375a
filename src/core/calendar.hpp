#pragma once
// Calendar days and week starts. Every date in the engine is a UTC calendar day.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cerebro::core {

using Day = std::chrono::sys_days;

enum class WeekStart { monday, sunday };

// Parses an ISO-8601 date or date-time and returns its UTC calendar day.
// Accepted: "2024-03-13", "2024-03-13 10:00:00", "2024-03-13T10:00:00.123",
// with an optional "Z" or "+HH:MM" / "-HHMM" / "+HH" offset, and a Unix time in
// whole seconds (digits only, 9 or 10 digits). An offset moves the instant to UTC
// before the day is taken. Returns nullopt for anything else, including
// impossible dates such as 2023-02-30.
std::optional<Day> parse_date(std::string_view text);

// Formats a day as "YYYY-MM-DD".
std::string format_date(Day day);

// Returns the first day of the week that contains `day`.
Day week_start_of(Day day, WeekStart week_start);

}  // namespace cerebro::core
