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
// (such as `nodes[2].id`) for invalid JSON and for a key that appears twice in
// one object. It also rejects a missing, mistyped or unknown key (keys are
// case-sensitive), an empty node list, and a node id the markdown form rejects
// (space, control character, `,`, `;`, `|`, arrow). Further errors: a source
// that only looks latent, a time subscript off by more than kMaxTimeOffset, a
// duplicate node, an unknown node in an edge or flag, a duplicate edge, an
// unknown role or flag kind, and no identifiable KPI node. A leading UTF-8
// byte-order mark is skipped.
Dag parse_dag_json(std::string_view text, const std::string& origin);

// Parses markdown or JSON: JSON when `origin` ends in `.json` or the first
// non-blank character after any byte-order mark is `{`, markdown otherwise.
Dag parse_dag(std::string_view text, const std::string& origin);

}  // namespace cerebro::causal
