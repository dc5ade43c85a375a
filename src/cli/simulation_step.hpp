#pragma once
// The simulation step shared by `simulate` and `run`: open the review gate,
// simulate the budget and write simulation.json.
#include <filesystem>
#include <optional>
#include <string>

#include "simulate/simulation_result.hpp"

namespace cerebro::cli {

// Simulates the fit in `fit_dir` and writes the result atomically to
// `json_path`, or to fit_dir/simulation.json when it is nullopt. Calls
// open_review_gate first, so it throws core::GateClosedError (exit 3) without a
// PASS review of this fit and writes nothing; throws core::InputError (exit 2)
// for invalid options or a refused simulation.
simulate::SimulationResult write_simulation(const std::filesystem::path& fit_dir,
                                            const simulate::SimulationOptions& options,
                                            const std::optional<std::filesystem::path>& json_path = std::nullopt);

// Formats the per-media table and the totals printed after a simulation.
std::string format_simulation_table(const simulate::SimulationResult& result);

}  // namespace cerebro::cli
