#pragma once
// A private clickhouse-server (the Debian package, 18.16) for one test
// process: its own temporary folder, config and free HTTP port on 127.0.0.1,
// stopped and removed when the object goes away. scripts/setup installs it.
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

namespace cerebro::io::testing {

// Returns a loopback port that was free a moment ago. The caller retries when
// another process takes it first.
inline int free_loopback_port() {
  const int probe = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (probe < 0 || bind(probe, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      getsockname(probe, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    if (probe >= 0) close(probe);
    throw std::runtime_error("no free loopback port for clickhouse-server");
  }
  close(probe);
  return ntohs(address.sin_port);
}

class ClickHouseServerProcess {
 public:
  // Bounded wait for GET /ping to return Ok. A cold start took about 0.3 s on the 2-core dev machine.
  static constexpr std::chrono::seconds kStartTimeout{20};
  // Throws std::runtime_error, with the server's error log, when it does not start.
  ClickHouseServerProcess() {
    char pattern[] = "/tmp/cerebro-clickhouse-XXXXXX";
    if (mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp failed for the clickhouse-server folder");
    root_ = pattern;
    // Two processes may pick the same free port. The server that loses exits, and this picks another.
    constexpr int kAttempts = 3;
    std::string failure;
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
      port_ = free_loopback_port();
      write_config();
      failure = launch_and_wait();
      if (failure.empty()) return;
      stop();
    }
    remove_root();
    throw std::runtime_error("clickhouse-server did not start: " + failure);
  }
  ~ClickHouseServerProcess() {
    stop();
    remove_root();
  }
  ClickHouseServerProcess(const ClickHouseServerProcess&) = delete;
  ClickHouseServerProcess& operator=(const ClickHouseServerProcess&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }

  // Kills the server and reaps it, so the port is closed when this returns.
  // SIGKILL rather than SIGTERM: the data goes away with the folder, and a
  // graceful 18.16 shutdown costs about a second per test process.
  void stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

 private:
  static std::string find_binary() {
    // Debian puts it in /usr/sbin, which a non-root PATH may lack.
    std::string directories = "/usr/sbin:/usr/bin";
    if (const char* path = std::getenv("PATH")) directories = std::string(path) + ":" + directories;
    std::stringstream list(directories);
    for (std::string directory; std::getline(list, directory, ':');) {
      const std::filesystem::path candidate = std::filesystem::path(directory) / "clickhouse-server";
      if (!directory.empty() && access(candidate.c_str(), X_OK) == 0) return candidate.string();
    }
    throw std::runtime_error("clickhouse-server is not installed; run scripts/setup");
  }

  void write_config() const {
    const std::string root = root_.string();
    std::filesystem::remove_all(root_ / "data");
    std::ofstream(root_ / "config.xml")
        << "<?xml version=\"1.0\"?>\n<yandex>\n"
        << "  <logger><level>warning</level><log>" << root << "/server.log</log><errorlog>" << root
        << "/error.log</errorlog><console>0</console></logger>\n"
        << "  <listen_host>127.0.0.1</listen_host>\n"
        << "  <http_port>" << port_ << "</http_port>\n"  // no tcp_port and no interserver port: HTTP only
        << "  <path>" << root << "/data/</path>\n"
        << "  <tmp_path>" << root << "/tmp/</tmp_path>\n"
        << "  <user_files_path>" << root << "/user_files/</user_files_path>\n"
        << "  <format_schema_path>" << root << "/format_schemas/</format_schema_path>\n"
        << "  <users_config>" << root << "/users.xml</users_config>\n"
        << "  <default_profile>default</default_profile>\n"
        << "  <default_database>default</default_database>\n"
        << "  <mark_cache_size>8388608</mark_cache_size>\n"
        << "</yandex>\n";
    // Users: `default` without a password, `analyst` for the header tests, and
  // `owner`, whose password is unique to this instance (see ready()).
    std::ofstream(root_ / "users.xml")
        << "<?xml version=\"1.0\"?>\n<yandex>\n"
        << "  <profiles><default></default></profiles>\n"
        << "  <quotas><default></default></quotas>\n"
        << "  <users>\n"
        << "    <default><password></password><networks><ip>127.0.0.1</ip></networks>"
        << "<profile>default</profile><quota>default</quota></default>\n"
        << "    <analyst><password>secret</password><networks><ip>127.0.0.1</ip></networks>"
        << "<profile>default</profile><quota>default</quota></analyst>\n"
        << "    <owner><password>" << owner_key() << "</password><networks><ip>127.0.0.1</ip></networks>"
        << "<profile>default</profile><quota>default</quota></owner>\n"
        << "  </users>\n</yandex>\n";
  }

  // Starts the child and waits until it is ready. Returns "", or why it failed.
  std::string launch_and_wait() {
    const std::string binary = find_binary();
    const std::string config = "--config-file=" + (root_ / "config.xml").string();
    const std::string console = (root_ / "console.log").string();
    pid_ = fork();
    if (pid_ < 0) return "fork failed";
    if (pid_ == 0) {
      // The server must not outlive a test process that crashes.
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (std::freopen(console.c_str(), "w", stdout) == nullptr || dup2(fileno(stdout), STDERR_FILENO) < 0) _exit(127);
      execl(binary.c_str(), binary.c_str(), config.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
    while (std::chrono::steady_clock::now() < deadline) {
      if (ready()) return "";
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return "it exited with status " + std::to_string(status) + "; " + logs();
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return "no answer to /ping within " + std::to_string(kStartTimeout.count()) + " s; " + logs();
  }

  // Sends a GET and returns true when the status is 200 and the body starts with `expected`.
  bool responds_with(const std::string& path_and_query, const std::string& expected, bool as_owner) const {
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) return false;
    std::string body;
    const std::string address = url() + path_and_query;
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(nullptr, curl_slist_free_all);
    if (as_owner) {
      headers.reset(curl_slist_append(headers.release(), "X-ClickHouse-User: owner"));
      headers.reset(curl_slist_append(headers.release(), ("X-ClickHouse-Key: " + owner_key()).c_str()));
    }
    curl_easy_setopt(curl.get(), CURLOPT_URL, address.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, 2000L);
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, +[](char* data, std::size_t size, std::size_t count, void* out) {
      static_cast<std::string*>(out)->append(data, size * count);
      return size * count;
    });
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &body);
    long status = 0;
    if (curl_easy_perform(curl.get()) != CURLE_OK) return false;
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
    return status == 200 && body.rfind(expected, 0) == 0;
  }

  // Ready means /ping returns Ok and the server accepts this folder's owner password.
  // The password check keeps a parallel test's server on the same port from passing as ours.
  bool ready() const { return responds_with("/ping", "Ok.", false) && responds_with("/?query=SELECT%2042", "42", true); }

  // Unique per instance: the temporary folder's random suffix.
  std::string owner_key() const { return root_.filename().string(); }

  std::string logs() const {
    std::string text;
    for (const char* name : {"console.log", "error.log"}) {
      std::ifstream in(root_ / name);
      text += std::string(name) + ": " + std::string(std::istreambuf_iterator<char>(in), {}) + "\n";
    }
    return text;
  }

  void remove_root() const {
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
  }

  std::filesystem::path root_;
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace cerebro::io::testing
