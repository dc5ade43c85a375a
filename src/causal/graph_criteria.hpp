#pragma once
// Graph criteria of the causal review on a directed graph over node indices:
// cycles, d-separation, and the back-door and front-door criteria (Pearl,
// Causality, 2nd ed. 2009, definitions 1.2.3, 3.3.1 and 3.3.3). The functions
// also accept cyclic graphs so a review can report every problem at once, but
// results only carry causal meaning on a DAG.
#include <cstddef>
#include <optional>
#include <vector>

#include "causal/dag.hpp"

namespace cerebro::causal {

struct Graph {
  std::vector<std::vector<std::size_t>> parents;   // parents[n]: causes of n
  std::vector<std::vector<std::size_t>> children;  // children[n]: effects of n

  std::size_t size() const { return parents.size(); }
};

// A trail between two nodes: nodes[i] and nodes[i + 1] are joined by an edge
// that points forward (nodes[i] → nodes[i + 1]) when forward[i] is true.
struct Trail {
  std::vector<std::size_t> nodes;
  std::vector<bool> forward;
};

Graph make_graph(std::size_t node_count, const std::vector<Edge>& edges);

// Returns `graph` without the edges that leave any node in `nodes`.
Graph without_outgoing(const Graph& graph, const std::vector<std::size_t>& nodes);

// Marks the descendants of `node`, `node` included.
std::vector<bool> descendants(const Graph& graph, std::size_t node);

// Marks the ancestors of the marked nodes, the marked nodes included.
std::vector<bool> ancestors(const Graph& graph, const std::vector<bool>& nodes);

// Returns one directed cycle as a node path whose last entry repeats the first
// (a self-loop gives {n, n}), or nullopt for a DAG.
std::optional<std::vector<std::size_t>> find_cycle(const Graph& graph);

// Returns a trail from `from` to `to` that is active given `conditioned`, or
// nullopt when `from` and `to` are d-separated. On an active trail no
// non-collider is conditioned on, and each collider is conditioned on or has a
// conditioned descendant. Uses
// the reachability form of Bayes-ball (Shachter 1998; Koller & Friedman 2009,
// algorithm 3.1). Returns nullopt when `to` itself is conditioned on.
std::optional<Trail> find_active_trail(const Graph& graph, std::size_t from, std::size_t to,
                                       const std::vector<bool>& conditioned);

bool d_separated(const Graph& graph, std::size_t from, std::size_t to,
                 const std::vector<bool>& conditioned);

// Returns a set of nodes, drawn from `allowed`, that satisfies the back-door
// criterion for the effect of `treatment` on `outcome`: no member descends from
// the treatment, and the set d-separates them once the treatment's outgoing
// edges are removed. The empty set is a valid result. Returns nullopt when no
// such set exists. The search tests the allowed non-descendants that are
// ancestors of treatment or outcome, which separates whenever any allowed set
// does (Tian, Paz & Pearl 1998), then drops members that are not needed.
std::optional<std::vector<std::size_t>> find_backdoor_set(const Graph& graph,
                                                          std::size_t treatment,
                                                          std::size_t outcome,
                                                          const std::vector<bool>& allowed);

// Checks the front-door criterion for `mediators`: they intercept every
// directed path from treatment to outcome, no back-door path from the treatment
// to a mediator is open, and the treatment blocks every back-door path from a
// mediator to the outcome.
bool satisfies_front_door(const Graph& graph, std::size_t treatment, std::size_t outcome,
                          const std::vector<std::size_t>& mediators);

// Returns the smallest set of allowed nodes on directed paths from treatment to
// outcome that satisfies the front-door criterion, or nullopt.
std::optional<std::vector<std::size_t>> find_front_door_set(const Graph& graph,
                                                            std::size_t treatment,
                                                            std::size_t outcome,
                                                            const std::vector<bool>& allowed);

}  // namespace cerebro::causal
