#include "core/json_reader.hpp"

#include <limits>

#include "core/errors.hpp"

namespace cerebro::core {

JsonReader::JsonReader(std::string origin, std::string regenerate)
    : origin_(std::move(origin)), regenerate_(std::move(regenerate)) {}

JsonReader::json JsonReader::parse(std::string_view text) const {
  try {
    return json::parse(text);
  } catch (const json::exception& error) {
    throw InputError(origin_ + " is not valid JSON (" + error.what() + "). " + regenerate_ + ".");
  }
}

void JsonReader::fail(const std::string& key, const std::string& problem) const {
  throw InputError(origin_ + ": key '" + key + "' " + problem + ". " + regenerate_ + ".");
}

const JsonReader::json& JsonReader::at(const json& object, const std::string& key,
                                       const std::string& path) const {
  if (!object.is_object() || !object.contains(key)) fail(path + key, "is missing");
  return object.at(key);
}

double JsonReader::number(const json& object, const std::string& key,
                          const std::string& path) const {
  const json& value = at(object, key, path);
  if (!value.is_number()) fail(path + key, "is not a number");
  return value.get<double>();
}

std::optional<double> JsonReader::optional(const json& object, const std::string& key,
                                           const std::string& path) const {
  if (!object.is_object() || !object.contains(key) || object.at(key).is_null()) return std::nullopt;
  return number(object, key, path);
}

int JsonReader::integer(const json& object, const std::string& key,
                        const std::string& path) const {
  const json& value = at(object, key, path);
  if (!value.is_number_integer()) fail(path + key, "is not an integer");
  // A value beyond int would be truncated silently by get<int>().
  const auto wide = value.get<long long>();
  if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max()) {
    fail(path + key, "is out of range");
  }
  return static_cast<int>(wide);
}

std::string JsonReader::text(const json& object, const std::string& key,
                             const std::string& path) const {
  const json& value = at(object, key, path);
  if (!value.is_string()) fail(path + key, "is not a string");
  return value.get<std::string>();
}

bool JsonReader::boolean(const json& object, const std::string& key,
                         const std::string& path) const {
  const json& value = at(object, key, path);
  if (!value.is_boolean()) fail(path + key, "is not true or false");
  return value.get<bool>();
}

std::vector<std::string> JsonReader::texts(const json& object, const std::string& key,
                                           const std::string& path) const {
  const json& value = at(object, key, path);
  if (!value.is_array()) fail(path + key, "is not an array");
  std::vector<std::string> values;
  for (const json& entry : value) {
    if (!entry.is_string()) fail(path + key, "holds an entry that is not a string");
    values.push_back(entry.get<std::string>());
  }
  return values;
}

}  // namespace cerebro::core
