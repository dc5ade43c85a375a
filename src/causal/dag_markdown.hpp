#pragma once
// The DAG as a markdown document, the form people and agents read and edit:
//
//   | Node | Variable | Source | Role |      (the Role column is optional)
//   |---|---|---|---|
//   | T | claims_adstock | dbt.claims.volume_usd | media |
//   | U | n_users | latent | latent |
//   | Y | kpi_swap_volume | dbt.swaps.volume_usd | kpi |
//
//   Edges: T→Y, U→T, U→Y         (`->` works too; chains such as T→M→Y expand)
//   Flags: T,P co-launched; T,P confounded; T part-of Y   (or `none`)
//
// Blank lines and `#` headings are allowed; any other line is an error. A
// leading UTF-8 byte-order mark is skipped.
#include <string>
#include <string_view>

#include "causal/dag.hpp"

namespace cerebro::causal {

// Parses a markdown DAG. `origin` (usually the file path) prefixes every error.
// Throws core::InputError naming the line number and the problem for: a missing
// or empty node table, a header other than Node | Variable | Source [| Role], a
// row with the wrong number of cells, an empty Node, Variable or Source cell (an
// empty Role cell is allowed), an unknown Role, a node id
// with a space, control character, `,`, `;`, `|` or arrow, a Source such as
// `latent_users` that only looks latent, a time subscript off by more than
// kMaxTimeOffset, a duplicate node id, an edge or flag naming an unknown node,
// a duplicate edge, a malformed Edges or Flags item, a missing or repeated
// Edges line, and no identifiable KPI node.
Dag parse_dag_markdown(std::string_view text, const std::string& origin);

// Prints the DAG back to markdown; parse_dag_markdown(to_markdown(dag)) == dag.
// Edges are written one per item (no chains), flags in their stored order.
std::string to_markdown(const Dag& dag);

}  // namespace cerebro::causal
