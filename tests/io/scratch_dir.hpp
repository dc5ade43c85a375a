#pragma once
// A temporary folder for test files, removed when the test ends.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace cerebro::io::testing {

class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name)
      : root_(std::filesystem::temp_directory_path() / ("cerebro-io-" + name + "-" + std::to_string(getpid()))) {
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return root_; }

  std::filesystem::path write(const std::string& name, std::string_view text) const {
    const std::filesystem::path file = root_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out << text;
    return file;
  }

 private:
  std::filesystem::path root_;
};

}  // namespace cerebro::io::testing
