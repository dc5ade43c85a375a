#include "io/spec_reader.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "core/errors.hpp"

namespace cerebro::io::spec_detail {
namespace {

// Names other MMM tools use for our keys, to turn an unknown key into a hint.
const std::map<std::string_view, std::string_view>& synonyms() {
  static const std::map<std::string_view, std::string_view> table{
      {"theta", "decay_rate"},
      {"alpha", "decay_rate"},
      {"lambda", "decay_rate"},
      {"adstock", "decay_rate"},
      {"max_lag", "window_weeks"},
      {"l_max", "window_weeks (l_max counts weights, so use l_max - 1)"},
      {"lag", "window_weeks"},
      {"target", "kpi"},
      {"dep_var", "kpi"},
      {"channels", "media"},
      {"paid_media_spends", "media"},
      {"spend", "media"},
      {"control", "controls"},
      {"context_vars", "controls"},
      {"date_column", "date"},
      {"value", "column"},
      {"query", "sql"},
      {"path", "file"},
      {"holdout", "holdout_fraction"},
      {"seed", "bootstrap: {seed: N}"},
      {"resamples", "bootstrap: {resamples: N}"},
  };
  return table;
}

std::string join(std::initializer_list<std::string_view> names) {
  std::string joined;
  for (std::string_view name : names) {
    if (!joined.empty()) joined += ", ";
    joined += name;
  }
  return joined;
}

}  // namespace

void SpecReader::fail_at_line(int line, const std::string& what) const {
  if (line > 0) throw core::InputError(fmt::format("{} line {}: {}", spec_name_, line, what));
  throw core::InputError(fmt::format("{}: {}", spec_name_, what));
}

void SpecReader::fail(const YAML::Node& node, const std::string& what) const { fail_at_line(line_of(node), what); }

void SpecReader::require_map(const YAML::Node& node, std::string_view where) const {
  if (!node.IsMap()) fail(node, fmt::format("'{}' must be a map of keys to values.", where));
}

void SpecReader::require_sequence(const YAML::Node& node, std::string_view where) const {
  if (!node.IsSequence()) fail(node, fmt::format("'{}' must be a list (YAML sequence).", where));
}

void SpecReader::require_keys(const YAML::Node& map, std::string_view where,
                              std::initializer_list<std::string_view> allowed) const {
  require_map(map, where);
  std::set<std::string> seen;
  for (const auto& entry : map) {
    const YAML::Node& key = entry.first;
    if (!key.IsScalar()) fail(key, fmt::format("a key in '{}' is not plain text; keys must be names.", where));
    const std::string& name = key.Scalar();
    if (!seen.insert(name).second) fail(key, fmt::format("key '{}' appears twice in '{}'; keep one.", name, where));
    bool known = false;
    for (std::string_view candidate : allowed) known = known || candidate == name;
    if (known) continue;
    std::string hint;
    if (const auto synonym = synonyms().find(name); synonym != synonyms().end()) {
      hint = fmt::format(" Use {} instead.", synonym->second);
    }
    fail(key, fmt::format("unknown key '{}' in '{}'.{} Allowed keys: {}.", name, where, hint, join(allowed)));
  }
}

std::string SpecReader::text(const YAML::Node& node, std::string_view key) const {
  if (!node.IsScalar()) fail(node, fmt::format("'{}' must be a text value, not a list or map.", key));
  return node.Scalar();
}

double SpecReader::number(const YAML::Node& node, std::string_view key) const {
  const std::string value = text(node, key);
  double parsed = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
  if (ec != std::errc() || end != value.data() + value.size() || !std::isfinite(parsed)) {
    fail(node, fmt::format("'{}' must be a finite number, got '{}'.", key, value));
  }
  return parsed;
}

std::int64_t SpecReader::integer(const YAML::Node& node, std::string_view key, std::int64_t min,
                                 std::int64_t max) const {
  const std::string value = text(node, key);
  std::int64_t parsed = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
  if (ec != std::errc() || end != value.data() + value.size()) {
    fail(node, fmt::format("'{}' must be a whole number, got '{}'.", key, value));
  }
  if (parsed < min || parsed > max) {
    fail(node, fmt::format("'{}' is {}, outside the allowed range [{}, {}].", key, parsed, min, max));
  }
  return parsed;
}

core::Day SpecReader::date(const YAML::Node& node, std::string_view key) const {
  const std::string value = text(node, key);
  const std::optional<core::Day> parsed = core::parse_date(value);
  if (!parsed) fail(node, fmt::format("'{}' must be a date such as 2024-03-13, got '{}'.", key, value));
  return *parsed;
}

std::vector<std::string> SpecReader::text_list(const YAML::Node& node, std::string_view key) const {
  require_sequence(node, key);
  std::vector<std::string> values;
  for (const auto& item : node) values.push_back(text(item, key));
  return values;
}

}  // namespace cerebro::io::spec_detail
