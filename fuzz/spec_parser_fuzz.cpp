// libFuzzer target: the model-spec parser on arbitrary bytes. Rejecting input
// with core::InputError is the expected outcome; any other exception, crash,
// sanitizer report or hang is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/errors.hpp"
#include "io/model_spec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    cerebro::io::parse_model_spec(text, "fuzz/spec.yaml");
  } catch (const cerebro::core::InputError&) {
    // Invalid specs are rejected with a message; that is correct behaviour.
  }
  return 0;
}
