#include "io/clickhouse_http_session.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <cctype>
#include <memory>
#include <set>

#include "core/errors.hpp"
#include "io/csv_reader.hpp"

namespace cerebro::io {
namespace {

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* body) {
  static_cast<std::string*>(body)->append(data, size * count);
  return size * count;
}

std::string escape(CURL* curl, const std::string& text) {
  std::unique_ptr<char, decltype(&curl_free)> escaped(
      curl_easy_escape(curl, text.data(), static_cast<int>(text.size())), curl_free);
  return escaped ? std::string(escaped.get()) : std::string();
}

std::string describe(const std::string& sql) {
  std::string head = sql.substr(0, 60);
  for (char& c : head) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return fmt::format("query '{}{}'", head, sql.size() > 60 ? "..." : "");
}

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// Returns the names of the {name:Type} placeholders in the query. Only those
// are sent, because ClickHouse 18.16 reads every unknown URL parameter as a
// setting and rejects the query ("Unknown setting param_x").
std::set<std::string> placeholder_names(const std::string& sql) {
  std::set<std::string> names;
  auto skip_space = [&sql](std::size_t at) {
    while (at < sql.size() && std::isspace(static_cast<unsigned char>(sql[at])) != 0) ++at;
    return at;
  };
  for (std::size_t open = sql.find('{'); open != std::string::npos; open = sql.find('{', open + 1)) {
    const std::size_t begin = skip_space(open + 1);
    std::size_t end = begin;
    while (end < sql.size() && is_name_char(sql[end])) ++end;
    if (end > begin && skip_space(end) < sql.size() && sql[skip_space(end)] == ':') {
      names.insert(sql.substr(begin, end - begin));
    }
  }
  return names;
}

}  // namespace

RawTable ClickHouseHttpSession::query(const std::string& sql, const std::map<std::string, std::string>& parameters) {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) throw std::runtime_error("libcurl failed to create a handle");

  std::string url = endpoint_.url;
  url += url.find('?') == std::string::npos ? '?' : '&';
  // NOTE: DateTime results print in the server's time zone; return Date columns for UTC days.
  url += "default_format=CSVWithNames";
  if (!endpoint_.database.empty()) url += "&database=" + escape(curl.get(), endpoint_.database);
  const std::set<std::string> placeholders = placeholder_names(sql);
  for (const auto& [name, value] : parameters) {
    if (!placeholders.count(name)) continue;
    url += "&param_" + escape(curl.get(), name) + "=" + escape(curl.get(), value);
  }

  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(nullptr, curl_slist_free_all);
  auto add_header = [&headers](const std::string& line) {
    headers.reset(curl_slist_append(headers.release(), line.c_str()));
  };
  if (!endpoint_.user.empty()) add_header("X-ClickHouse-User: " + endpoint_.user);
  if (!endpoint_.password.empty()) add_header("X-ClickHouse-Key: " + endpoint_.password);
  add_header("Content-Type: text/plain; charset=utf-8");

  std::string body;
  char error_text[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, sql.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(sql.size()));
  curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, error_text);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, endpoint_.timeout_seconds);
  curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);

  const std::string origin = describe(sql);
  const CURLcode code = curl_easy_perform(curl.get());
  if (code != CURLE_OK) {
    throw core::InputError(fmt::format("{} failed: ClickHouse at {} could not be reached ({}). Check `clickhouse.url` "
                                       "and that the server is running.",
                                       origin, endpoint_.url, error_text[0] != '\0' ? error_text : curl_easy_strerror(code)));
  }
  long status = 0;
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
  if (status != 200) {
    while (!body.empty() && (body.back() == '\n' || body.back() == '\r')) body.pop_back();
    throw core::InputError(
        fmt::format("{} failed on ClickHouse at {} (HTTP {}): {}", origin, endpoint_.url, status, body));
  }

  if (body.empty()) {
    RawTable empty;
    empty.origin = origin;
    return empty;
  }
  return parse_csv_text(body, origin);
}

}  // namespace cerebro::io
