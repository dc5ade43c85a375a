#include "causal/dag_json.hpp"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <vector>
#include <nlohmann/json.hpp>

#include "causal/dag_markdown.hpp"
#include "core/errors.hpp"

namespace cerebro::causal {
namespace {

using json = nlohmann::json;

class JsonReader {
 public:
  explicit JsonReader(const std::string& origin) : origin_(origin) {}

  [[noreturn]] void fail(const std::string& element, const std::string& problem) const {
    throw core::InputError(origin_ + ": " + element + " " + problem + ".");
  }

  const json& array(const json& object, const char* key, bool required) const {
    static const json kEmpty = json::array();
    if (!object.contains(key)) {
      if (required) fail(std::string("key `") + key + "`", "is missing");
      return kEmpty;
    }
    const json& value = object.at(key);
    if (!value.is_array()) fail(std::string("`") + key + "`", "is not an array");
    return value;
  }

  std::string text(const json& object, const char* key, const std::string& element,
                   bool required) const {
    if (!object.contains(key)) {
      if (required) fail(element + "." + key, "is missing");
      return "";
    }
    const json& value = object.at(key);
    if (!value.is_string()) fail(element + "." + key, "is not a string");
    std::string result = value.get<std::string>();
    if (required && result.empty()) fail(element + "." + key, "is empty");
    return result;
  }

  // Rejects keys outside `allowed`: a misspelt optional key such as "flag"
  // would otherwise be dropped without a word.
  void only_keys(const json& object, std::initializer_list<const char*> allowed,
                 const std::string& element) const {
    for (const auto& item : object.items()) {
      bool known = false;
      for (const char* key : allowed) known = known || item.key() == key;
      if (known) continue;
      std::string names;
      for (const char* key : allowed) names += (names.empty() ? "" : ", ") + std::string(key);
      fail(element, "has the unknown key `" + item.key() + "`; the keys are " + names +
                        " (lower case)");
    }
  }

  std::size_t node(const Dag& dag, const json& value, const std::string& element) const {
    if (!value.is_string()) fail(element, "is not a node id string");
    const std::optional<std::size_t> index = dag.find(value.get<std::string>());
    if (!index) {
      fail(element, "names the unknown node `" + value.get<std::string>() +
                        "`; add it to `nodes` or fix the id");
    }
    return *index;
  }

 private:
  const std::string& origin_;
};

Flag read_flag(const JsonReader& reader, const Dag& dag, const json& entry,
               const std::string& element) {
  if (!entry.is_object()) reader.fail(element, "is not an object");
  reader.only_keys(entry, {"kind", "nodes"}, element);
  const std::string kind = reader.text(entry, "kind", element, true);
  Flag flag;
  if (kind == "co-launched") {
    flag.kind = FlagKind::co_launched;
  } else if (kind == "confounded") {
    flag.kind = FlagKind::confounded;
  } else if (kind == "part-of") {
    flag.kind = FlagKind::part_of;
  } else {
    reader.fail(element + ".kind", "is `" + kind + "`; use co-launched, confounded or part-of");
  }
  if (!entry.contains("nodes") || !entry.at("nodes").is_array() || entry.at("nodes").size() != 2) {
    reader.fail(element + ".nodes", "must be an array of exactly two node ids");
  }
  flag.first = reader.node(dag, entry.at("nodes")[0], element + ".nodes[0]");
  flag.second = reader.node(dag, entry.at("nodes")[1], element + ".nodes[1]");
  if (flag.first == flag.second) reader.fail(element + ".nodes", "names the same node twice");
  return flag;
}

}  // namespace

Dag parse_dag_json(std::string_view text, const std::string& origin) {
  const JsonReader reader(origin);
  json document;
  // The parser keeps the last of two equal keys; the callback notices the
  // first repeat so that a second "edges" cannot silently replace the first.
  std::vector<std::vector<std::string>> open_objects;
  std::optional<std::string> repeated_key;
  const json::parser_callback_t watch_keys = [&](int, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::object_start) open_objects.emplace_back();
    if (event == json::parse_event_t::object_end && !open_objects.empty()) open_objects.pop_back();
    if (event == json::parse_event_t::key && !open_objects.empty()) {
      std::vector<std::string>& keys = open_objects.back();
      const std::string& key = parsed.get_ref<const std::string&>();
      if (!repeated_key && std::find(keys.begin(), keys.end(), key) != keys.end()) {
        repeated_key = key;
      }
      keys.push_back(key);
    }
    return true;
  };
  try {
    document = json::parse(text, watch_keys);
  } catch (const json::exception& error) {  // parse_error, or out_of_range for a huge number
    throw core::InputError(origin + ": invalid JSON (" + error.what() + ").");
  }
  if (repeated_key) {
    reader.fail("the key `" + *repeated_key + "`", "appears twice in one object; merge the two");
  }
  if (!document.is_object()) reader.fail("the document", "is not a JSON object");
  reader.only_keys(document, {"nodes", "edges", "flags"}, "the document");

  Dag dag;
  const json& nodes = reader.array(document, "nodes", true);
  if (nodes.empty()) reader.fail("`nodes`", "is empty; list at least the KPI and one media");
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const std::string element = "nodes[" + std::to_string(i) + "]";
    if (!nodes[i].is_object()) reader.fail(element, "is not an object");
    reader.only_keys(nodes[i], {"id", "variable", "source", "role"}, element);
    Node node;
    node.id = reader.text(nodes[i], "id", element, true);
    const std::string id_problem = node_id_problem(node.id);
    if (!id_problem.empty()) {
      reader.fail(element + ".id", "`" + node.id + "` " + id_problem + "; use a short label such as T1");
    }
    node.variable = reader.text(nodes[i], "variable", element, true);
    node.source = reader.text(nodes[i], "source", element, true);
    if (is_ambiguous_latent_source(node.source)) {
      reader.fail(element + ".source", "is `" + node.source +
                                           "`, which starts with `latent` but is not the word "
                                           "latent; write `latent` for an unobserved variable or "
                                           "rename the column");
    }
    time_subscript(node.id, origin + ": " + element);
    time_subscript(node.variable, origin + ": " + element);
    const std::string role = reader.text(nodes[i], "role", element, false);
    if (!role.empty()) {
      const std::optional<NodeRole> parsed = parse_role(role);
      if (!parsed) {
        reader.fail(element + ".role",
                    "is `" + role + "`; use kpi, media, control, event, mediator or latent");
      }
      node.role = *parsed;
      dag.has_role_column = true;
    }
    if (dag.find(node.id)) reader.fail(element + ".id", "duplicates the node `" + node.id + "`");
    dag.nodes.push_back(std::move(node));
  }

  const json& edges = reader.array(document, "edges", true);
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const std::string element = "edges[" + std::to_string(i) + "]";
    if (!edges[i].is_array() || edges[i].size() != 2) {
      reader.fail(element, "must be a pair [from, to] of node ids");
    }
    const Edge edge{reader.node(dag, edges[i][0], element + "[0]"),
                    reader.node(dag, edges[i][1], element + "[1]")};
    if (std::find(dag.edges.begin(), dag.edges.end(), edge) != dag.edges.end()) {
      reader.fail(element, "duplicates an earlier edge; list each edge once");
    }
    dag.edges.push_back(edge);
  }

  const json& flags = reader.array(document, "flags", false);
  for (std::size_t i = 0; i < flags.size(); ++i) {
    dag.flags.push_back(read_flag(reader, dag, flags[i], "flags[" + std::to_string(i) + "]"));
  }
  dag.kpi = find_kpi(dag.nodes, dag.edges, origin);
  return dag;
}

Dag parse_dag(std::string_view text, const std::string& origin) {
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  const bool json_content = first != std::string_view::npos && text[first] == '{';
  if (json_content || origin.ends_with(".json")) return parse_dag_json(text, origin);
  return parse_dag_markdown(text, origin);
}

}  // namespace cerebro::causal
