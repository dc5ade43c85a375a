#pragma once
// The DAG as JSON, for agents that prefer structured input:
//   {"nodes": [{"id": "T", "variable": "claims_adstock", "source": "dbt.claims.usd",
//               "role": "media"}],          (role optional)
//    "edges": [["T", "Y"]],
//    "flags": [{"kind": "co-launched", "nodes": ["T", "P"]}]}   (flags optional)
// A `part-of` flag lists the part first: {"kind": "part-of", "nodes": ["X", "Y"]}.
#include <string>
#include <string_view>

#include "causal/dag.hpp"

namespace cerebro::causal {

// Parses a JSON DAG. Throws core::InputError naming `origin` and the element
// (such as `nodes[2].id`) for invalid JSON, a missing or mistyped key, an empty
// node list, a duplicate node, an unknown node in an edge or flag, a duplicate
// edge, an unknown role or flag kind, and no identifiable KPI node.
Dag parse_dag_json(std::string_view text, const std::string& origin);

// Parses markdown or JSON: JSON when `origin` ends in `.json` or the first
// non-blank character is `{`, markdown otherwise.
Dag parse_dag(std::string_view text, const std::string& origin);

}  // namespace cerebro::causal
