#pragma once
// The causal DAG a review reads: named nodes (observed series or latent
// variables), directed edges and analyst flags. Built by the parsers in
// dag_markdown.hpp and dag_json.hpp or by build_handoff_dag, never by hand-edited
// indices, so every edge refers to an existing node.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cerebro::causal {

// Kind of variable a node is; `unspecified` when the DAG has no Role column.
enum class NodeRole { unspecified, kpi, media, control, event, mediator, latent };

struct Node {
  std::string id;        // short label used in edges and flags, e.g. "T" or "Y_t"
  std::string variable;  // series name, e.g. "claims_adstock" or "kpi_swap_volume"
  std::string source;    // source column, or "latent" for an unobserved variable
  NodeRole role = NodeRole::unspecified;

  // A node is observed unless its source is latent (see is_latent_source) or
  // its role is latent.
  bool observed() const;
  bool operator==(const Node&) const = default;
};

struct Edge {
  std::size_t from = 0;  // index into Dag::nodes (the cause)
  std::size_t to = 0;    // index into Dag::nodes (the effect)
  bool operator==(const Edge&) const = default;
};

enum class FlagKind {
  co_launched,  // `X,Y co-launched`: launched together, so they may share a cause
  confounded,   // `X,Y confounded`: the analyst asserts an unobserved common cause
  part_of,      // `X part-of Y`: X's series is contained in Y's
};

struct Flag {
  FlagKind kind = FlagKind::co_launched;
  std::size_t first = 0;   // X
  std::size_t second = 0;  // Y
  bool operator==(const Flag&) const = default;
};

struct Dag {
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  std::vector<Flag> flags;
  std::size_t kpi = 0;       // index of the KPI node
  bool has_role_column = false;  // print the Role column back

  // Returns the index of the node with `id`, or nullopt.
  std::optional<std::size_t> find(std::string_view id) const;
  bool operator==(const Dag&) const = default;
};

// Role and flag names as written in DAG files: "kpi", "media", ...; "co-launched",
// "confounded", "part-of". parse_role returns nullopt for an unknown name.
std::string_view to_string(NodeRole role);
std::optional<NodeRole> parse_role(std::string_view text);
std::string_view to_string(FlagKind kind);

// Picks the KPI: the node whose role is kpi; when no node has that role, the
// node whose Variable starts with `kpi_`; else the only node without outgoing
// edges.
// Throws core::InputError naming `origin` when none or several qualify.
std::size_t find_kpi(const std::vector<Node>& nodes, const std::vector<Edge>& edges,
                     const std::string& origin);

// A source names an unobserved variable when its first word is `latent` in
// any case: `latent`, `Latent`, `LATENT`, `latent (unobserved)`. Treating
// these as latent is the safe reading: a latent node can never be adjusted
// for, so a misread can only block a review, not pass one.
bool is_latent_source(std::string_view source);

// True for a source that starts with `latent` glued to more letters, digits,
// `_` or `.` (`latent_users`, `Latent.users`, `latentx`): it could be a real
// column or a mistyped `latent`, so the parsers reject it.
bool is_ambiguous_latent_source(std::string_view source);

// Returns why `id` cannot be a node id (a space, a control character, `,`,
// `;`, `|` or an arrow), or an empty string when it can.
std::string node_id_problem(std::string_view id);

// The largest time offset a subscript may carry (about 190 years of weeks);
// larger offsets are typing mistakes.
inline constexpr int kMaxTimeOffset = 10000;

// Reads a time subscript at the end of a name: Y_t is 0, T_{t-1} is -1,
// X_{t+1} is +1 (braces optional). Returns nullopt without one. Throws
// core::InputError naming `place` and `name` when the offset exceeds
// kMaxTimeOffset.
std::optional<int> time_subscript(const std::string& name, const std::string& place);

// The name a Variable and a fit series are matched by: `name` without an
// `_adstock` suffix and without one `kpi_`, `media_` or `ctrl_` prefix.
std::string series_match_key(std::string_view name);

}  // namespace cerebro::causal
