#include "io/clickhouse_http_session.hpp"

#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <thread>

#include "core/errors.hpp"

namespace cerebro::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A one-request HTTP server on 127.0.0.1 that records the request and sends
// a fixed response, standing in for a ClickHouse server.
class StubServer {
 public:
  StubServer(int status, std::string body) {
    listener_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    listen(listener_, 1);
    socklen_t length = sizeof address;
    getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this, status, body = std::move(body)] { serve(status, body); });
  }
  ~StubServer() {
    thread_.join();
    close(listener_);
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // The raw request; read it only after the query returned.
  const std::string& request() const { return request_; }

 private:
  void serve(int status, const std::string& body) {
    const int client = accept(listener_, nullptr, nullptr);
    if (client < 0) return;
    char buffer[4096];
    std::size_t expected_size = std::string::npos;
    while (request_.size() < expected_size) {
      const ssize_t received = recv(client, buffer, sizeof buffer, 0);
      if (received <= 0) break;
      request_.append(buffer, static_cast<std::size_t>(received));
      const std::size_t header_end = request_.find("\r\n\r\n");
      if (header_end != std::string::npos && expected_size == std::string::npos) {
        const std::size_t length_at = request_.find("Content-Length: ");
        const std::size_t content_length = length_at == std::string::npos ? 0 : std::stoul(request_.substr(length_at + 16));
        expected_size = header_end + 4 + content_length;
      }
    }
    const std::string response = "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Length: " +
                                 std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    send(client, response.data(), response.size(), 0);
    close(client);
  }

  int listener_ = -1;
  int port_ = 0;
  std::string request_;
  std::thread thread_;
};

TEST(ClickHouseHttpSession, SendsParametersAndParsesCsv) {
  StubServer server(200, "\"week\",\"tvl\"\n\"2024-01-01\",10.5\n\"2024-01-08\",\\N\n");
  ClickHouseHttpSession session({server.url(), "analyst", "secret", "dbt", 5});
  const RawTable table = session.query("SELECT week, tvl FROM t WHERE chain = {chain:String}",
                                       {{"chain", "gnosis chain"}, {"spec_dir", "/a&b"}});
  EXPECT_THAT(table.columns, ElementsAre("week", "tvl"));
  EXPECT_THAT(table.cells[1], ElementsAre("10.5", ""));
  const std::string& request = server.request();
  EXPECT_THAT(request, HasSubstr("POST /?default_format=CSVWithNames&database=dbt"));
  EXPECT_THAT(request, HasSubstr("&param_chain=gnosis%20chain"));
  EXPECT_THAT(request, HasSubstr("&param_spec_dir=%2Fa%26b"));
  EXPECT_THAT(request, HasSubstr("X-ClickHouse-User: analyst"));
  EXPECT_THAT(request, HasSubstr("X-ClickHouse-Key: secret"));
  EXPECT_THAT(request, HasSubstr("\r\n\r\nSELECT week, tvl FROM t WHERE chain = {chain:String}"));
  // The password travels in a header, never in the request line.
  EXPECT_THAT(request.substr(0, request.find("\r\n")), ::testing::Not(HasSubstr("secret")));
}

TEST(ClickHouseHttpSession, HttpErrorIsInputError) {
  StubServer server(404, "Code: 60. DB::Exception: Table dbt.t does not exist.\n");
  ClickHouseHttpSession session({server.url(), "", "", "", 5});
  try {
    session.query("SELECT 1 FROM t", {});
    FAIL() << "expected InputError";
  } catch (const core::InputError& error) {
    EXPECT_THAT(error.what(), HasSubstr("(HTTP 404): Code: 60. DB::Exception: Table dbt.t does not exist."));
  }
}

TEST(ClickHouseHttpSession, UnreachableServer) {
  // Port 1 on loopback has no listener in the test environment.
  ClickHouseHttpSession session({"http://127.0.0.1:1", "", "", "", 5});
  try {
    session.query("SELECT 1", {});
    FAIL() << "expected InputError";
  } catch (const core::InputError& error) {
    EXPECT_THAT(error.what(), HasSubstr("could not be reached"));
  }
}

}  // namespace
}  // namespace cerebro::io
