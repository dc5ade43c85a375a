#pragma once
// Strict reading of YAML nodes for the model spec: every message names the
// key, its 1-based line and the rule it broke. Internal to io.
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"

namespace cerebro::io::spec_detail {

class SpecReader {
 public:
  explicit SpecReader(std::string spec_name) : spec_name_(std::move(spec_name)) {}

  // Throws core::InputError "<spec> line N: <what>".
  [[noreturn]] void fail(const YAML::Node& node, const std::string& what) const;
  [[noreturn]] void fail_at_line(int line, const std::string& what) const;

  // Rejects a node that is not a map, and any key outside `allowed` or repeated.
  void require_keys(const YAML::Node& map, std::string_view where, std::initializer_list<std::string_view> allowed) const;
  // Rejects a node that is not a map or a sequence.
  void require_map(const YAML::Node& node, std::string_view where) const;
  void require_sequence(const YAML::Node& node, std::string_view where) const;

  std::string text(const YAML::Node& node, std::string_view key) const;
  double number(const YAML::Node& node, std::string_view key) const;
  std::int64_t integer(const YAML::Node& node, std::string_view key, std::int64_t min, std::int64_t max) const;
  core::Day date(const YAML::Node& node, std::string_view key) const;
  std::vector<std::string> text_list(const YAML::Node& node, std::string_view key) const;

  static int line_of(const YAML::Node& node) { return node.Mark().is_null() ? 0 : node.Mark().line + 1; }

 private:
  std::string spec_name_;
};

}  // namespace cerebro::io::spec_detail
