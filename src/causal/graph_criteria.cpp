#include "causal/graph_criteria.hpp"

#include <algorithm>
#include <bit>
#include <cassert>
#include <deque>

namespace cerebro::causal {
namespace {

// Bayes-ball states: a node reached from one of its children travels "up",
// from one of its parents "down".
enum Direction : std::size_t { kUp = 0, kDown = 1 };

struct State {
  std::size_t node;
  Direction direction;
};

// Above this many candidate mediators the front-door search stops growing
// subsets, because it enumerates them all and review DAGs are far smaller.
constexpr std::size_t kMaxFrontDoorCandidates = 12;

bool directed_path_avoiding(const Graph& graph, std::size_t from, std::size_t to,
                            const std::vector<bool>& blocked) {
  std::vector<bool> seen(graph.size(), false);
  std::vector<std::size_t> stack{from};
  seen[from] = true;
  while (!stack.empty()) {
    const std::size_t node = stack.back();
    stack.pop_back();
    for (std::size_t child : graph.children[node]) {
      if (child == to) return true;
      if (seen[child] || blocked[child]) continue;
      seen[child] = true;
      stack.push_back(child);
    }
  }
  return false;
}

}  // namespace

Graph make_graph(std::size_t node_count, const std::vector<Edge>& edges) {
  Graph graph;
  graph.parents.resize(node_count);
  graph.children.resize(node_count);
  for (const Edge& edge : edges) {
    assert(edge.from < node_count);
    assert(edge.to < node_count);
    graph.children[edge.from].push_back(edge.to);
    graph.parents[edge.to].push_back(edge.from);
  }
  return graph;
}

Graph without_outgoing(const Graph& graph, const std::vector<std::size_t>& nodes) {
  Graph result = graph;
  for (std::size_t node : nodes) {
    for (std::size_t child : graph.children[node]) {
      auto& parents = result.parents[child];
      parents.erase(std::remove(parents.begin(), parents.end(), node), parents.end());
    }
    result.children[node].clear();
  }
  return result;
}

std::vector<bool> descendants(const Graph& graph, std::size_t node) {
  std::vector<bool> marked(graph.size(), false);
  std::vector<std::size_t> stack{node};
  marked[node] = true;
  while (!stack.empty()) {
    const std::size_t current = stack.back();
    stack.pop_back();
    for (std::size_t child : graph.children[current]) {
      if (!marked[child]) {
        marked[child] = true;
        stack.push_back(child);
      }
    }
  }
  return marked;
}

std::vector<bool> ancestors(const Graph& graph, const std::vector<bool>& nodes) {
  std::vector<bool> marked = nodes;
  std::vector<std::size_t> stack;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i]) stack.push_back(i);
  }
  while (!stack.empty()) {
    const std::size_t current = stack.back();
    stack.pop_back();
    for (std::size_t parent : graph.parents[current]) {
      if (!marked[parent]) {
        marked[parent] = true;
        stack.push_back(parent);
      }
    }
  }
  return marked;
}

std::optional<std::vector<std::size_t>> find_cycle(const Graph& graph) {
  // Depth-first search with colors: meeting a node still on the stack closes a cycle.
  enum Color { kWhite, kGray, kBlack };
  std::vector<Color> color(graph.size(), kWhite);
  std::vector<std::size_t> parent_on_path(graph.size(), 0);
  for (std::size_t root = 0; root < graph.size(); ++root) {
    if (color[root] != kWhite) continue;
    // Each frame is a node and the index of its next child to visit.
    std::vector<std::pair<std::size_t, std::size_t>> stack{{root, 0}};
    color[root] = kGray;
    while (!stack.empty()) {
      auto& [node, next_child] = stack.back();
      if (next_child == graph.children[node].size()) {
        color[node] = kBlack;
        stack.pop_back();
        continue;
      }
      const std::size_t child = graph.children[node][next_child++];
      if (color[child] == kGray) {
        std::vector<std::size_t> cycle{child};
        for (std::size_t at = node; at != child; at = parent_on_path[at]) cycle.push_back(at);
        cycle.push_back(child);
        std::reverse(cycle.begin(), cycle.end());
        return cycle;
      }
      if (color[child] == kWhite) {
        color[child] = kGray;
        parent_on_path[child] = node;
        stack.emplace_back(child, 0);
      }
    }
  }
  return std::nullopt;
}

std::optional<Trail> find_active_trail(const Graph& graph, std::size_t from, std::size_t to,
                                       const std::vector<bool>& conditioned) {
  assert(conditioned.size() == graph.size());
  if (conditioned[to]) return std::nullopt;
  // A collider passes the ball back up only when it or a descendant is conditioned on.
  const std::vector<bool> opens_collider = ancestors(graph, conditioned);

  const std::size_t state_count = 2 * graph.size();
  const auto key = [](State state) { return 2 * state.node + state.direction; };
  std::vector<bool> visited(state_count, false);
  std::vector<std::optional<State>> previous(state_count);
  std::deque<State> queue{{from, kUp}};
  visited[key({from, kUp})] = true;

  const auto push = [&](State next, State current) {
    if (visited[key(next)]) return;
    visited[key(next)] = true;
    previous[key(next)] = current;
    queue.push_back(next);
  };

  while (!queue.empty()) {
    const State current = queue.front();
    queue.pop_front();
    const std::size_t node = current.node;
    if (node == to && node != from) {
      Trail trail;
      std::optional<State> at = current;
      while (at) {
        trail.nodes.push_back(at->node);
        // Arriving "down" means the edge into this node pointed toward it.
        if (previous[key(*at)]) trail.forward.push_back(at->direction == kDown);
        at = previous[key(*at)];
      }
      std::reverse(trail.nodes.begin(), trail.nodes.end());
      std::reverse(trail.forward.begin(), trail.forward.end());
      return trail;
    }
    const bool blocked = conditioned[node] && node != from;
    if (current.direction == kUp && !blocked) {
      for (std::size_t parent : graph.parents[node]) push({parent, kUp}, current);
      for (std::size_t child : graph.children[node]) push({child, kDown}, current);
    }
    if (current.direction == kDown) {
      if (!blocked) {
        for (std::size_t child : graph.children[node]) push({child, kDown}, current);
      }
      if (opens_collider[node]) {
        for (std::size_t parent : graph.parents[node]) push({parent, kUp}, current);
      }
    }
  }
  return std::nullopt;
}

bool d_separated(const Graph& graph, std::size_t from, std::size_t to,
                 const std::vector<bool>& conditioned) {
  return !find_active_trail(graph, from, to, conditioned).has_value();
}

std::optional<std::vector<std::size_t>> find_backdoor_set(const Graph& graph,
                                                          std::size_t treatment,
                                                          std::size_t outcome,
                                                          const std::vector<bool>& allowed) {
  const Graph backdoor_graph = without_outgoing(graph, {treatment});
  const std::vector<bool> treatment_descendants = descendants(graph, treatment);
  std::vector<bool> endpoints(graph.size(), false);
  endpoints[treatment] = endpoints[outcome] = true;
  const std::vector<bool> relevant = ancestors(backdoor_graph, endpoints);

  std::vector<bool> conditioned(graph.size(), false);
  for (std::size_t node = 0; node < graph.size(); ++node) {
    conditioned[node] = allowed[node] && relevant[node] && !treatment_descendants[node] &&
                        node != treatment && node != outcome;
  }
  if (!d_separated(backdoor_graph, treatment, outcome, conditioned)) return std::nullopt;

  // Drop members one at a time while the rest still separates, until none can go.
  bool dropped = true;
  while (dropped) {
    dropped = false;
    for (std::size_t node = 0; node < graph.size(); ++node) {
      if (!conditioned[node]) continue;
      conditioned[node] = false;
      if (d_separated(backdoor_graph, treatment, outcome, conditioned)) {
        dropped = true;
      } else {
        conditioned[node] = true;
      }
    }
  }
  std::vector<std::size_t> set;
  for (std::size_t node = 0; node < graph.size(); ++node) {
    if (conditioned[node]) set.push_back(node);
  }
  return set;
}

bool satisfies_front_door(const Graph& graph, std::size_t treatment, std::size_t outcome,
                          const std::vector<std::size_t>& mediators) {
  std::vector<bool> is_mediator(graph.size(), false);
  for (std::size_t mediator : mediators) is_mediator[mediator] = true;
  if (mediators.empty() || is_mediator[treatment] || is_mediator[outcome]) return false;
  // (i) The mediators intercept every directed path from treatment to outcome.
  if (directed_path_avoiding(graph, treatment, outcome, is_mediator)) return false;
  // (ii) No back-door path from the treatment to a mediator is open.
  const Graph treatment_backdoor = without_outgoing(graph, {treatment});
  const std::vector<bool> nothing(graph.size(), false);
  for (std::size_t mediator : mediators) {
    if (!d_separated(treatment_backdoor, treatment, mediator, nothing)) return false;
  }
  // (iii) The treatment blocks every back-door path from a mediator to the outcome.
  std::vector<bool> treatment_only(graph.size(), false);
  treatment_only[treatment] = true;
  for (std::size_t mediator : mediators) {
    const Graph mediator_backdoor = without_outgoing(graph, {mediator});
    if (!d_separated(mediator_backdoor, mediator, outcome, treatment_only)) return false;
  }
  return true;
}

std::optional<std::vector<std::size_t>> find_front_door_set(const Graph& graph,
                                                            std::size_t treatment,
                                                            std::size_t outcome,
                                                            const std::vector<bool>& allowed) {
  const std::vector<bool> after_treatment = descendants(graph, treatment);
  std::vector<bool> outcome_only(graph.size(), false);
  outcome_only[outcome] = true;
  const std::vector<bool> before_outcome = ancestors(graph, outcome_only);
  std::vector<std::size_t> candidates;
  for (std::size_t node = 0; node < graph.size(); ++node) {
    if (allowed[node] && after_treatment[node] && before_outcome[node] && node != treatment &&
        node != outcome) {
      candidates.push_back(node);
    }
  }
  // NOTE: DAGs with more candidate mediators than the cap only get subsets of
  // the first kMaxFrontDoorCandidates, so a valid larger set could be missed.
  if (candidates.size() > kMaxFrontDoorCandidates) candidates.resize(kMaxFrontDoorCandidates);

  // Subsets by increasing size, so the first hit is a smallest one.
  const std::size_t subset_count = std::size_t{1} << candidates.size();
  for (std::size_t size = 1; size <= candidates.size(); ++size) {
    for (std::size_t mask = 1; mask < subset_count; ++mask) {
      if (static_cast<std::size_t>(std::popcount(mask)) != size) continue;
      std::vector<std::size_t> mediators;
      for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (mask & (std::size_t{1} << i)) mediators.push_back(candidates[i]);
      }
      if (satisfies_front_door(graph, treatment, outcome, mediators)) return mediators;
    }
  }
  return std::nullopt;
}

}  // namespace cerebro::causal
