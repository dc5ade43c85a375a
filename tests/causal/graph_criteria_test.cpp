#include "causal/graph_criteria.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace cerebro::causal {
namespace {

// Node names for the textbook graphs below.
enum : std::size_t { X = 0, Y = 1, Z = 2, W = 3, U = 4, M = 5 };
constexpr std::size_t kNodes = 6;

Graph graph_of(const std::vector<Edge>& edges) { return make_graph(kNodes, edges); }

std::vector<bool> given(const std::vector<std::size_t>& nodes) {
  std::vector<bool> marked(kNodes, false);
  for (std::size_t node : nodes) marked[node] = true;
  return marked;
}

std::vector<bool> all_allowed_but(const std::vector<std::size_t>& hidden) {
  std::vector<bool> allowed(kNodes, true);
  for (std::size_t node : hidden) allowed[node] = false;
  return allowed;
}

// A second d-separation algorithm for cross-checks: enumerate every simple
// path and test each triple with the textbook blocking rules (Pearl 2009, 1.2.3).
bool d_separated_by_paths(const Graph& graph, std::size_t from, std::size_t to,
                          const std::vector<bool>& conditioned) {
  const std::vector<bool> opens = ancestors(graph, conditioned);
  std::vector<std::size_t> path{from};
  std::vector<bool> forward;
  std::vector<bool> on_path(graph.size(), false);
  on_path[from] = true;
  std::function<bool(std::size_t)> open_from = [&](std::size_t node) -> bool {
    if (node == to) {
      for (std::size_t i = 1; i + 1 < path.size(); ++i) {
        const bool collider = forward[i - 1] && !forward[i];
        if (collider ? !opens[path[i]] : static_cast<bool>(conditioned[path[i]])) return false;
      }
      return true;
    }
    const auto step = [&](std::size_t next, bool is_forward) {
      if (on_path[next]) return false;
      on_path[next] = true;
      path.push_back(next);
      forward.push_back(is_forward);
      const bool open = open_from(next);
      path.pop_back();
      forward.pop_back();
      on_path[next] = false;
      return open;
    };
    for (std::size_t child : graph.children[node]) {
      if (step(child, true)) return true;
    }
    for (std::size_t parent : graph.parents[node]) {
      if (step(parent, false)) return true;
    }
    return false;
  };
  return !open_from(from);
}

TEST(DSeparation, ConfounderOpensUntilConditioned) {
  const Graph graph = graph_of({{Z, X}, {Z, Y}});
  EXPECT_FALSE(d_separated(graph, X, Y, given({})));
  EXPECT_TRUE(d_separated(graph, X, Y, given({Z})));
}

TEST(DSeparation, ChainBlockedByMediator) {
  const Graph graph = graph_of({{X, M}, {M, Y}});
  EXPECT_FALSE(d_separated(graph, X, Y, given({})));
  EXPECT_TRUE(d_separated(graph, X, Y, given({M})));
}

TEST(DSeparation, ColliderOpensWhenConditioned) {
  const Graph graph = graph_of({{X, Z}, {Y, Z}, {Z, W}});
  EXPECT_TRUE(d_separated(graph, X, Y, given({})));
  EXPECT_FALSE(d_separated(graph, X, Y, given({Z})));
  // Conditioning on a descendant of the collider opens it too.
  EXPECT_FALSE(d_separated(graph, X, Y, given({W})));
}

TEST(DSeparation, TrailShowsArrows) {
  const Graph graph = graph_of({{U, X}, {U, Y}});
  const auto trail = find_active_trail(graph, X, Y, given({}));
  ASSERT_TRUE(trail.has_value());
  EXPECT_EQ(trail->nodes, (std::vector<std::size_t>{X, U, Y}));
  EXPECT_EQ(trail->forward, (std::vector<bool>{false, true}));
}

TEST(DSeparation, AgreesWithPathEnumeration) {
  // Every conditioning set over a graph with a confounder, a collider and a mediator.
  const Graph graph = graph_of({{U, X}, {U, Z}, {W, Z}, {W, Y}, {X, M}, {M, Y}, {Z, X}});
  for (std::size_t mask = 0; mask < (1u << kNodes); ++mask) {
    std::vector<bool> conditioned(kNodes, false);
    for (std::size_t node = 0; node < kNodes; ++node) conditioned[node] = (mask >> node) & 1u;
    if (conditioned[X] || conditioned[Y]) continue;
    EXPECT_EQ(d_separated(graph, X, Y, conditioned),
              d_separated_by_paths(graph, X, Y, conditioned))
        << "conditioning mask " << mask;
  }
}

TEST(Backdoor, ConfounderNeedsAdjustment) {
  const Graph graph = graph_of({{Z, X}, {Z, Y}, {X, Y}});
  const auto set = find_backdoor_set(graph, X, Y, all_allowed_but({}));
  ASSERT_TRUE(set.has_value());
  EXPECT_EQ(*set, std::vector<std::size_t>{Z});
  EXPECT_FALSE(find_backdoor_set(graph, X, Y, all_allowed_but({Z})).has_value());
}

TEST(Backdoor, EmptySetWithoutConfounding) {
  const Graph graph = graph_of({{X, Y}, {W, Y}});
  const auto set = find_backdoor_set(graph, X, Y, all_allowed_but({}));
  ASSERT_TRUE(set.has_value());
  EXPECT_TRUE(set->empty());
}

TEST(Backdoor, MStructureLeavesColliderAlone) {
  // X ← U → Z ← W → Y with U, W latent: adjusting for Z would open the path.
  const Graph graph = graph_of({{U, X}, {U, Z}, {W, Z}, {W, Y}, {X, Y}});
  const auto set = find_backdoor_set(graph, X, Y, all_allowed_but({U, W}));
  ASSERT_TRUE(set.has_value());
  EXPECT_TRUE(set->empty());
  EXPECT_FALSE(d_separated(without_outgoing(graph, {X}), X, Y, given({Z})));
}

TEST(Backdoor, NeverAdjustsForMediator) {
  const Graph graph = graph_of({{X, M}, {M, Y}, {U, X}, {U, Y}});
  EXPECT_FALSE(find_backdoor_set(graph, X, Y, all_allowed_but({U})).has_value());
}

TEST(FrontDoor, MediatorIdentifiesConfoundedEffect) {
  const Graph graph = graph_of({{X, M}, {M, Y}, {U, X}, {U, Y}});
  const auto set = find_front_door_set(graph, X, Y, all_allowed_but({U}));
  ASSERT_TRUE(set.has_value());
  EXPECT_EQ(*set, std::vector<std::size_t>{M});
}

TEST(FrontDoor, FailsWithDirectEdge) {
  const Graph graph = graph_of({{X, M}, {M, Y}, {X, Y}, {U, X}, {U, Y}});
  EXPECT_FALSE(find_front_door_set(graph, X, Y, all_allowed_but({U})).has_value());
}

TEST(FrontDoor, FailsWhenConfounderTouchesMediator) {
  const Graph graph = graph_of({{X, M}, {M, Y}, {U, X}, {U, Y}, {U, M}});
  EXPECT_FALSE(satisfies_front_door(graph, X, Y, {M}));
}

TEST(Cycle, ReportsPath) {
  const auto cycle = find_cycle(graph_of({{X, M}, {M, Y}, {Y, X}, {W, X}}));
  ASSERT_TRUE(cycle.has_value());
  EXPECT_EQ(cycle->size(), 4u);
  EXPECT_EQ(cycle->front(), cycle->back());
  EXPECT_FALSE(find_cycle(graph_of({{X, M}, {M, Y}, {X, Y}})).has_value());
}

TEST(Cycle, SelfLoop) {
  const auto cycle = find_cycle(graph_of({{X, X}}));
  ASSERT_TRUE(cycle.has_value());
  EXPECT_EQ(*cycle, (std::vector<std::size_t>{X, X}));
}

}  // namespace
}  // namespace cerebro::causal
