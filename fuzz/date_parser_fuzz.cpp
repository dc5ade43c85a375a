// libFuzzer target: core::parse_date on arbitrary bytes. It must return a day
// or nullopt without throwing; a parsed day must format and parse back to itself.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/calendar.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto day = cerebro::core::parse_date(text);
  if (day) {
    const auto round_trip = cerebro::core::parse_date(cerebro::core::format_date(*day));
    if (!round_trip || *round_trip != *day) std::abort();
  }
  return 0;
}
