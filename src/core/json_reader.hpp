#pragma once
// Typed reading of the engine's own JSON files (fit.json, review.json,
// simulation.json). Every failure is a core::InputError that names the file,
// the key path and how to write a fresh file.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cerebro::core {

class JsonReader {
 public:
  using json = nlohmann::ordered_json;

  // `origin` names the file in messages; `regenerate` is the sentence that explains to
  // the user how to write a fresh one, e.g. "Re-run `cerebro-mmm fit`".
  JsonReader(std::string origin, std::string regenerate);

  // Parses `text`; throws InputError when it is not valid JSON.
  json parse(std::string_view text) const;

  [[noreturn]] void fail(const std::string& key, const std::string& problem) const;

  // Each accessor reads `key` of `object`; `path` is the key path of `object`
  // for messages, ending in "." unless it is empty.
  const json& at(const json& object, const std::string& key, const std::string& path) const;
  double number(const json& object, const std::string& key, const std::string& path) const;
  // A missing key or null gives nullopt; any other non-number fails.
  std::optional<double> optional(const json& object, const std::string& key,
                                 const std::string& path) const;
  int integer(const json& object, const std::string& key, const std::string& path) const;
  std::string text(const json& object, const std::string& key, const std::string& path) const;
  bool boolean(const json& object, const std::string& key, const std::string& path) const;
  std::vector<std::string> texts(const json& object, const std::string& key,
                                 const std::string& path) const;

 private:
  std::string origin_;
  std::string regenerate_;
};

}  // namespace cerebro::core
