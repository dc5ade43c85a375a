#pragma once
// The report's inline stylesheet, kept apart from the layout code.
#include <string_view>

namespace cerebro::report {

extern const std::string_view kReportCss;

}  // namespace cerebro::report
