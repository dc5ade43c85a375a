#pragma once
// Typed errors that cross module boundaries. The command layer maps them to exit
// codes: InputError -> 2 (invalid input or refused analysis), GateClosedError -> 3
// (blocked by the causal review); anything else is an internal error (exit 1).
#include <stdexcept>
#include <string>

namespace cerebro::core {

// Bad input from a user, or an analysis the engine refuses to run. The message
// names the value, where it was found and the fix, in one or more sentences.
class InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& message) : std::runtime_error(message) {}
};

// A gated step (report, simulation) was requested without a PASS review bound to
// the same fit and DAG. The message says which of the reasons applies.
class GateClosedError : public std::runtime_error {
 public:
  explicit GateClosedError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace cerebro::core
