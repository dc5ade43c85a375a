#include "io/clickhouse_http_session.hpp"

#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <thread>

#include "clickhouse_server.hpp"
#include "core/errors.hpp"
#include "io/analysis.hpp"
#include "scratch_dir.hpp"

namespace cerebro::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// One clickhouse-server per test process (ctest runs each test in its own
// process), started before the suite's first test and stopped after its last.
class ClickHouseServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = std::make_unique<testing::ClickHouseServerProcess>(); }
  static void TearDownTestSuite() { server_.reset(); }

  static ClickHouseEndpoint endpoint() { return {server_->url(), "", "", "", kQueryTimeoutSeconds}; }
  static RawTable run(const std::string& sql) { return ClickHouseHttpSession(endpoint()).query(sql, {}); }

  // Every query here is tiny, so a slow response means a hung server.
  static constexpr long kQueryTimeoutSeconds = 10;
  static inline std::unique_ptr<testing::ClickHouseServerProcess> server_;
};

// Three Monday weeks of daily rows. The same text is the CSV file's body and
// the rows inserted on the server, so both readers get identical data.
constexpr const char* kPanelRows =
    "2024-01-01,100,1,2\n"
    "2024-01-03,110,2,4\n"
    "2024-01-08,120,0,3\n"
    "2024-01-10,130,5,5\n"
    "2024-01-16,90,4,1\n";

TEST_F(ClickHouseServerTest, QueryReturnsHeaderAndRows) {
  run("CREATE TABLE typed (week Date, tvl Nullable(Float64), chain String) ENGINE = Memory");
  run("INSERT INTO typed FORMAT CSV\n2024-01-01,10.5,gnosis\n2024-01-08,\\N,\"a,b\"\n");
  const RawTable table = run("SELECT week, tvl, chain FROM typed ORDER BY week");
  EXPECT_THAT(table.columns, ElementsAre("week", "tvl", "chain"));
  ASSERT_EQ(table.row_count(), 2u);
  // Cells are stored by column.
  EXPECT_THAT(table.cells[0], ElementsAre("2024-01-01", "2024-01-08"));
  // NULL arrives as \N and is read as an empty cell; a quoted comma stays in its cell.
  EXPECT_THAT(table.cells[1], ElementsAre("10.5", ""));
  EXPECT_THAT(table.cells[2], ElementsAre("gnosis", "a,b"));
}

TEST_F(ClickHouseServerTest, CredentialsAndDatabaseApply) {
  run("CREATE DATABASE dbt");
  run("CREATE TABLE dbt.t (x UInt8) ENGINE = Memory");
  run("INSERT INTO dbt.t VALUES (7)");
  ClickHouseHttpSession analyst({server_->url(), "analyst", "secret", "dbt", kQueryTimeoutSeconds});
  // Unqualified `t` resolves only through the database in the URL; the
  // server checks the user and password sent in the headers.
  const RawTable table = analyst.query("SELECT x FROM t", {});
  EXPECT_THAT(table.cells, ElementsAre(ElementsAre("7")));

  ClickHouseHttpSession wrong({server_->url(), "analyst", "guess", "dbt", kQueryTimeoutSeconds});
  try {
    wrong.query("SELECT 1", {});
    FAIL() << "expected InputError for a wrong password";
  } catch (const core::InputError& error) {
    EXPECT_THAT(error.what(), HasSubstr("Wrong password for user analyst"));
  }
}

TEST_F(ClickHouseServerTest, SpecPanelEqualsCsvPanel) {
  run("CREATE TABLE panel (week Date, tvl_usd Float64, spend_usd Float64, price_usd Float64) ENGINE = Memory");
  run(std::string("INSERT INTO panel FORMAT CSV\n") + kPanelRows);

  const testing::ScratchDir scratch("clickhouse-server-panel");
  scratch.write("panel.csv", std::string("week,tvl_usd,spend_usd,price_usd\n") + kPanelRows);
  const std::string csv_spec =
      "data: panel.csv\ndate: week\n"
      "kpi: {column: tvl_usd, unit: usd}\n"
      "media: [{column: spend_usd, decay_rate: 0.3}]\n"
      "controls: [{column: price_usd, aggregate: mean}]\n";
  // The spec's own parameters and {spec_dir} are bound by the engine; these
  // plain queries use neither, which is all an 18.x server accepts.
  const std::string server_spec =
      "clickhouse: {url: '" + server_->url() + "', timeout_seconds: 10}\n"
      "parameters: {chain: gnosis}\n"
      "kpi: {name: tvl_usd, sql: 'SELECT week, tvl_usd FROM panel', unit: usd}\n"
      "media: [{name: spend_usd, sql: 'SELECT week, spend_usd FROM panel', decay_rate: 0.3}]\n"
      "controls: [{name: price_usd, sql: 'SELECT week AS day, price_usd FROM panel', aggregate: mean}]\n";
  const Analysis from_csv = load_analysis(parse_model_spec(csv_spec, scratch.write("csv.yaml", csv_spec)));
  const Analysis from_server = load_analysis(parse_model_spec(server_spec, scratch.write("server.yaml", server_spec)));

  const core::WeeklyPanel& expected = from_csv.panel;
  const core::WeeklyPanel& actual = from_server.panel;
  // Hand check of the CSV side: last, sum and mean over the three weeks.
  ASSERT_THAT(expected.kpi.values, ElementsAre(110, 130, 90));
  ASSERT_THAT(expected.media[0].values, ElementsAre(3, 5, 4));
  ASSERT_THAT(expected.controls[0].values, ElementsAre(3, 4, 1));
  EXPECT_EQ(actual.weeks, expected.weeks);
  EXPECT_EQ(actual.kpi.name, expected.kpi.name);
  EXPECT_EQ(actual.kpi.unit, "usd");
  // Values are short decimals printed and parsed on both sides: exact equality holds.
  EXPECT_EQ(actual.kpi.values, expected.kpi.values);
  ASSERT_EQ(actual.media.size(), 1u);
  EXPECT_EQ(actual.media[0].name, "spend_usd");
  EXPECT_EQ(actual.media[0].values, expected.media[0].values);
  ASSERT_EQ(actual.controls.size(), 1u);
  EXPECT_EQ(actual.controls[0].values, expected.controls[0].values);
  EXPECT_EQ(actual.kpi.source, "sql:tvl_usd");
  EXPECT_EQ(from_server.options.media[0].decay_rate, 0.3);
}

TEST_F(ClickHouseServerTest, SqlErrorIsInputErrorNamingQuery) {
  const testing::ScratchDir scratch("clickhouse-server-sql-error");
  const std::string spec =
      "clickhouse: {url: '" + server_->url() + "', timeout_seconds: 10}\n"
      "kpi: {name: tvl, sql: 'SELECT week, tvl FROM missing_table'}\n"
      "media: [{name: spend, sql: 'SELECT week, spend FROM missing_table'}]\n";
  try {
    load_analysis(parse_model_spec(spec, scratch.write("spec.yaml", spec)));
    FAIL() << "expected InputError";
  } catch (const core::InputError& error) {
    EXPECT_THAT(error.what(), HasSubstr("query 'SELECT week, tvl FROM missing_table' failed on ClickHouse at " +
                                        server_->url() + " (HTTP 404)"));
    EXPECT_THAT(error.what(), HasSubstr("Table default.missing_table doesn't exist"));
  }
}

TEST(ClickHouseServerStopped, SpecQueryIsInputError) {
  auto server = std::make_unique<testing::ClickHouseServerProcess>();
  const std::string url = server->url();
  server->stop();  // the port was just served and now nothing listens on it
  const testing::ScratchDir scratch("clickhouse-server-stopped");
  const std::string spec = "clickhouse: {url: '" + url + "', timeout_seconds: 10}\n"
                           "kpi: {name: tvl, sql: 'SELECT week, tvl FROM panel'}\n"
                           "media: [{name: spend, sql: 'SELECT week, spend FROM panel'}]\n";
  try {
    load_analysis(parse_model_spec(spec, scratch.write("spec.yaml", spec)));
    FAIL() << "expected InputError";
  } catch (const core::InputError& error) {
    EXPECT_THAT(error.what(), HasSubstr("query 'SELECT week, tvl FROM panel' failed: ClickHouse at " + url +
                                        " could not be reached"));
    EXPECT_THAT(error.what(), HasSubstr("Check `clickhouse.url` and that the server is running."));
  }
}

// The stub below stays because the Debian server (18.16) has no query
// parameters ({name:Type} is a syntax error there). Only the request itself
// can show how parameters are encoded, that unused ones are left out, and that
// the password never appears in the request line.

// A one-request HTTP server on 127.0.0.1 that records the request and sends
// a fixed response.
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

TEST(ClickHouseHttpSessionRequest, SendsOnlyUsedParametersEscaped) {
  StubServer server(200, "\"week\",\"tvl\"\n\"2024-01-01\",10.5\n");
  ClickHouseHttpSession session({server.url(), "analyst", "secret", "dbt", 5});
  const RawTable table = session.query("SELECT week, tvl FROM t WHERE chain = { chain : String} AND p = {path:String}",
                                       {{"chain", "gnosis chain"}, {"path", "/a&b"}, {"spec_dir", "/unused"}});
  EXPECT_THAT(table.columns, ElementsAre("week", "tvl"));
  const std::string& request = server.request();
  const std::string request_line = request.substr(0, request.find("\r\n"));
  EXPECT_THAT(request_line, HasSubstr("POST /?default_format=CSVWithNames&database=dbt"));
  EXPECT_THAT(request_line, HasSubstr("&param_chain=gnosis%20chain"));
  EXPECT_THAT(request_line, HasSubstr("&param_path=%2Fa%26b"));
  EXPECT_THAT(request_line, ::testing::Not(HasSubstr("spec_dir")));
  EXPECT_THAT(request, HasSubstr("X-ClickHouse-User: analyst"));
  EXPECT_THAT(request, HasSubstr("X-ClickHouse-Key: secret"));
  EXPECT_THAT(request_line, ::testing::Not(HasSubstr("secret")));
}

}  // namespace
}  // namespace cerebro::io
