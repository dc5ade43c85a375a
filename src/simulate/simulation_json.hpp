#pragma once
// simulation.json: the serialized SimulationResult, read back by the report.
// Optional values (the Hill curve's per-adstock-unit return, bootstrap ranges)
// are written as null when absent; ranges are {p05, p50, p95} objects under
// `*_range` keys.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "simulate/simulation_result.hpp"

namespace cerebro::simulate {

nlohmann::ordered_json to_json(const SimulationResult& result);

// Serializes with two-space indentation and a trailing newline.
std::string to_json_text(const SimulationResult& result);

// Parses simulation.json text. Throws core::InputError naming `origin` and the
// missing or mistyped key when the text is not a simulation result.
SimulationResult simulation_from_json(std::string_view text, const std::string& origin);

}  // namespace cerebro::simulate
