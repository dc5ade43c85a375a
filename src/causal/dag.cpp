#include "causal/dag.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <regex>
#include <utility>

#include "core/errors.hpp"

namespace cerebro::causal {
namespace {

constexpr std::array<std::pair<NodeRole, std::string_view>, 6> kRoleNames{{
    {NodeRole::kpi, "kpi"},
    {NodeRole::media, "media"},
    {NodeRole::control, "control"},
    {NodeRole::event, "event"},
    {NodeRole::mediator, "mediator"},
    {NodeRole::latent, "latent"},
}};

std::string join_ids(const std::vector<Node>& nodes, const std::vector<std::size_t>& indices) {
  std::string text;
  for (std::size_t index : indices) {
    if (!text.empty()) text += ", ";
    text += nodes[index].id;
  }
  return text;
}

}  // namespace

bool Node::observed() const { return !is_latent_source(source) && role != NodeRole::latent; }

namespace {

constexpr std::string_view kLatent = "latent";

bool starts_with_latent(std::string_view source) {
  if (source.size() < kLatent.size()) return false;
  for (std::size_t i = 0; i < kLatent.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(source[i])) != kLatent[i]) return false;
  }
  return true;
}

bool word_character(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}

}  // namespace

bool is_latent_source(std::string_view source) {
  return starts_with_latent(source) && !is_ambiguous_latent_source(source);
}

bool is_ambiguous_latent_source(std::string_view source) {
  return starts_with_latent(source) && source.size() > kLatent.size() &&
         word_character(source[kLatent.size()]);
}

std::string node_id_problem(std::string_view id) {
  for (char c : id) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::iscntrl(byte) || byte == 0x7f) return "contains a control character";
    if (std::isspace(byte)) return "contains a space";
    if (c == ',' || c == ';' || c == '|') return std::string("contains `") + c + "`";
  }
  if (id.find("→") != std::string_view::npos || id.find("->") != std::string_view::npos) {
    return "contains an arrow";
  }
  return "";
}

std::optional<int> time_subscript(const std::string& name, const std::string& place) {
  static const std::regex kSubscript(R"(_\{?t(([+-])\s*(\d+))?\}?$)");
  std::smatch match;
  if (!std::regex_search(name, match, kSubscript)) return std::nullopt;
  if (!match[1].matched) return 0;
  const std::string digits = match[3].str();
  int offset = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), offset);
  if (error != std::errc() || end != digits.data() + digits.size() || offset > kMaxTimeOffset) {
    throw core::InputError(place + ": the time subscript of `" + name + "` is off by more than " +
                           std::to_string(kMaxTimeOffset) +
                           " weeks; write an offset such as _{t-1} or drop the subscript.");
  }
  return match[2].str() == "-" ? -offset : offset;
}

std::optional<std::size_t> Dag::find(std::string_view id) const {
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].id == id) return i;
  }
  return std::nullopt;
}

std::string_view to_string(NodeRole role) {
  for (const auto& [value, name] : kRoleNames) {
    if (value == role) return name;
  }
  return "";
}

std::optional<NodeRole> parse_role(std::string_view text) {
  for (const auto& [value, name] : kRoleNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

std::string_view to_string(FlagKind kind) {
  switch (kind) {
    case FlagKind::co_launched:
      return "co-launched";
    case FlagKind::confounded:
      return "confounded";
    case FlagKind::part_of:
      return "part-of";
  }
  return "";
}

std::size_t find_kpi(const std::vector<Node>& nodes, const std::vector<Edge>& edges,
                     const std::string& origin) {
  const std::string fix =
      " Mark the KPI with Role `kpi`, or name its Variable with the prefix `kpi_`.";
  std::vector<std::size_t> by_role;
  std::vector<std::size_t> by_prefix;
  std::vector<std::size_t> sinks;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].role == NodeRole::kpi) by_role.push_back(i);
    if (nodes[i].variable.starts_with("kpi_")) by_prefix.push_back(i);
    bool has_outgoing = false;
    for (const Edge& edge : edges) has_outgoing = has_outgoing || edge.from == i;
    if (!has_outgoing) sinks.push_back(i);
  }
  const auto pick = [&](const std::vector<std::size_t>& candidates, const char* rule) {
    if (candidates.size() > 1) {
      throw core::InputError(origin + ": several nodes qualify as the KPI (" + rule + "): " +
                             join_ids(nodes, candidates) + "." + fix);
    }
    return candidates.front();
  };
  if (!by_role.empty()) return pick(by_role, "Role kpi");
  if (!by_prefix.empty()) return pick(by_prefix, "Variable starting with kpi_");
  if (!sinks.empty()) return pick(sinks, "no outgoing edges");
  throw core::InputError(origin + ": no node qualifies as the KPI because every node has an "
                         "outgoing edge." + fix);
}

std::string series_match_key(std::string_view name) {
  if (name.ends_with("_adstock")) name.remove_suffix(std::string_view("_adstock").size());
  for (std::string_view prefix : {"kpi_", "media_", "ctrl_"}) {
    if (name.starts_with(prefix)) {
      name.remove_prefix(prefix.size());
      break;
    }
  }
  return std::string(name);
}

}  // namespace cerebro::causal
