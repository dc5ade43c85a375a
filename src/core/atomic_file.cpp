#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/errors.hpp"

namespace cerebro::core {
namespace fs = std::filesystem;

void write_file_atomically(const fs::path& path, std::string_view contents) {
  std::error_code ec;
  const fs::path parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
  fs::create_directories(parent, ec);
  if (ec) {
    throw InputError("cannot create output directory '" + parent.string() + "': " + ec.message() +
                     ". Choose a writable --out directory.");
  }
  // A hidden name in the same directory, so rename() stays on one file system.
  std::string temporary_name = ".";
  temporary_name += path.filename().string();
  temporary_name += ".tmp-XXXXXX";
  std::string temporary = (parent / temporary_name).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) {
    throw InputError("cannot write to '" + parent.string() + "': " + std::strerror(errno) +
                     ". Choose a writable --out directory.");
  }
  std::size_t written = 0;
  bool ok = true;
  while (written < contents.size()) {
    const ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      ok = false;
      break;
    }
    written += std::size_t(n);
  }
  const int saved_errno = errno;
  ok = ok && ::fsync(fd) == 0;
  ::fchmod(fd, 0644);
  ::close(fd);
  if (!ok) {
    ::unlink(temporary.c_str());
    throw InputError("writing '" + path.string() + "' failed: " + std::strerror(saved_errno) +
                     ". Free disk space or choose another --out directory.");
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int rename_errno = errno;
    ::unlink(temporary.c_str());
    throw InputError("cannot replace '" + path.string() + "': " + std::strerror(rename_errno) + ".");
  }
}

std::optional<std::string> read_file(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return std::nullopt;
  if (fs::is_directory(path, ec)) {
    throw InputError("'" + path.string() + "' is a directory, not a file.");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError("cannot read '" + path.string() + "': " + std::strerror(errno) + ".");
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw InputError("reading '" + path.string() + "' failed.");
  return buffer.str();
}

}  // namespace cerebro::core
