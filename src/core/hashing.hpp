#pragma once
#include <string>
#include <string_view>

namespace cerebro::core {

// Returns the SHA-256 digest of `bytes` as 64 lowercase hex characters.
std::string sha256_hex(std::string_view bytes);

}  // namespace cerebro::core
