#pragma once
// Output files are never half-written: the contents go to a temporary file in
// the same directory, which is flushed and then renamed over the target.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cerebro::core {

// Writes `contents` to `path` atomically, creating parent directories.
// Throws InputError naming the path and the system's reason when the directory
// cannot be created or written; the previous file at `path`, if any, is kept.
void write_file_atomically(const std::filesystem::path& path, std::string_view contents);

// Reads a whole file. Returns nullopt when it does not exist; throws InputError
// naming the path when it exists but cannot be read.
std::optional<std::string> read_file(const std::filesystem::path& path);

}  // namespace cerebro::core
