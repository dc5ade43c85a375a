#include "causal/review_checks.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <optional>

#include "causal/graph_criteria.hpp"
#include "causal/series_overlap.hpp"

namespace cerebro::causal {
namespace {

std::string edge_text(const Dag& dag, const Edge& edge) {
  return dag.nodes[edge.from].id + "→" + dag.nodes[edge.to].id;
}

std::string join(const std::vector<std::string>& items, const char* separator = ", ") {
  std::string text;
  for (const std::string& item : items) {
    if (!text.empty()) text += separator;
    text += item;
  }
  return text;
}

std::optional<int> node_time_index(const Node& node) {
  const std::string place = "node `" + node.id + "`";
  const std::optional<int> from_id = time_subscript(node.id, place);
  return from_id ? from_id : time_subscript(node.variable, place);
}

std::string time_label(int index) {
  if (index == 0) return "t";
  return index > 0 ? fmt::format("t+{}", index) : fmt::format("t{}", index);
}

// Names the weeks the review's correlations cover, so that a reader comparing
// them with fit.json's correlations (weeks after warm-up only) learns why they differ.
std::string weeks_covered(const FitEvidence& evidence) {
  const std::size_t weeks = evidence.weeks.size();
  if (evidence.warmup_weeks == 0 || evidence.warmup_weeks >= weeks) {
    return fmt::format("all {} weeks of the fit", weeks);
  }
  return fmt::format("all {} weeks of the fit, the {} warm-up weeks included (fit.json's "
                     "correlations use the {} weeks after warm-up)",
                     weeks, evidence.warmup_weeks, weeks - evidence.warmup_weeks);
}

}  // namespace

std::string describe(const Node& node) {
  return node.variable == node.id ? node.id : node.id + " (" + node.variable + ")";
}

CheckOutcome check_chronology(const ReviewContext& context) {
  const Dag& dag = context.dag;
  CheckOutcome outcome;
  outcome.row = {"Chronological", "guidebook p.91", true, ""};
  std::vector<std::string> evidence;
  std::vector<std::string> edges;
  for (const Edge& edge : dag.edges) edges.push_back(edge_text(dag, edge));
  evidence.push_back(fmt::format("edges checked: {}", edges.empty() ? "none" : join(edges)));

  // 1. Directed cycles.
  const Graph graph = make_graph(dag.nodes.size(), dag.edges);
  if (const auto cycle = find_cycle(graph)) {
    std::vector<std::string> ids;
    for (std::size_t node : *cycle) ids.push_back(dag.nodes[node].id);
    const std::string path = join(ids, "→");
    outcome.row.passed = false;
    evidence.push_back("directed cycle " + path);
    outcome.fixes.push_back("Chronology: remove or reverse one edge of the cycle " + path +
                            ", so every cause comes before its effect.");
  } else {
    evidence.push_back("no directed cycle");
  }

  // 2. Time subscripts must not point backwards.
  std::vector<std::string> indexed;
  for (const Edge& edge : dag.edges) {
    const auto from = node_time_index(dag.nodes[edge.from]);
    const auto to = node_time_index(dag.nodes[edge.to]);
    if (!from || !to) continue;
    indexed.push_back(edge_text(dag, edge));
    if (*from > *to) {
      outcome.row.passed = false;
      evidence.push_back(fmt::format("{} points from {} back to {}", edge_text(dag, edge),
                                     time_label(*from), time_label(*to)));
      outcome.fixes.push_back(fmt::format("Chronology: reverse {} or correct its time subscripts; "
                                          "a cause at {} cannot affect {}.",
                                          edge_text(dag, edge), time_label(*from), time_label(*to)));
    }
  }
  evidence.push_back(indexed.empty() ? "no edge joins two time-indexed nodes"
                                     : "time order checked on " + join(indexed));

  // 3. A cause first observed after its effect's data end cannot explain it.
  if (!context.evidence) {
    evidence.push_back("observation windows not checked (no weekly data; pass --fit)");
  } else {
    std::vector<std::string> windowed;
    for (const Edge& edge : dag.edges) {
      const EvidenceSeries* cause = context.matched[edge.from];
      const EvidenceSeries* effect = context.matched[edge.to];
      if (!cause || !effect || !cause->first_active_week || !effect->last_active_week) continue;
      windowed.push_back(edge_text(dag, edge));
      if (*cause->first_active_week > *effect->last_active_week) {
        outcome.row.passed = false;
        const std::string problem = fmt::format(
            "{} is first observed in week {} after {}'s data end in week {}", dag.nodes[edge.from].id,
            context.evidence->week(*cause->first_active_week), dag.nodes[edge.to].id,
            context.evidence->week(*effect->last_active_week));
        evidence.push_back(problem);
        outcome.fixes.push_back("Chronology: drop the edge " + edge_text(dag, edge) + " because " +
                                problem + ".");
      }
    }
    evidence.push_back(windowed.empty() ? "no edge joins two series with data"
                                        : "observation windows checked on " + join(windowed));
  }
  outcome.row.evidence = join(evidence, "; ");
  return outcome;
}

CheckOutcome check_non_inclusion(const ReviewContext& context) {
  const Dag& dag = context.dag;
  CheckOutcome outcome;
  outcome.row = {"Non-inclusion", "guidebook p.92", true, ""};
  std::vector<std::string> evidence;
  const auto fail = [&](const std::string& problem, const std::string& fix) {
    outcome.row.passed = false;
    evidence.push_back(problem);
    outcome.fixes.push_back("Non-inclusion: " + fix);
  };

  // 1. Shared source columns and shared series among observed nodes.
  std::vector<std::string> pairs;
  for (std::size_t i = 0; i < dag.nodes.size(); ++i) {
    for (std::size_t j = i + 1; j < dag.nodes.size(); ++j) {
      const Node& a = dag.nodes[i];
      const Node& b = dag.nodes[j];
      if (!a.observed() || !b.observed()) continue;
      pairs.push_back(a.id + "/" + b.id);
      if (a.source == b.source) {
        fail(fmt::format("{} and {} share the source column `{}`", a.id, b.id, a.source),
             fmt::format("merge {} and {} into one node or drop one; they read the same column `{}`.",
                         a.id, b.id, a.source));
      } else if (context.matched[i] && context.matched[i] == context.matched[j]) {
        fail(fmt::format("{} and {} both name the series `{}`", a.id, b.id, context.matched[i]->name),
             fmt::format("keep one of {} and {}; both are the series `{}`.", a.id, b.id,
                         context.matched[i]->name));
      }
    }
  }
  evidence.push_back("sources compared for " + (pairs.empty() ? std::string("no pair") : join(pairs)));

  // 2. Declared containment.
  std::size_t part_of_flags = 0;
  for (const Flag& flag : dag.flags) {
    if (flag.kind != FlagKind::part_of) continue;
    ++part_of_flags;
    const std::string& part = dag.nodes[flag.first].id;
    const std::string& whole = dag.nodes[flag.second].id;
    fail(fmt::format("{} is declared part-of {}", part, whole),
         fmt::format("drop {} or subtract it from {} so the two series no longer overlap.", part,
                     whole));
  }
  if (part_of_flags == 0) evidence.push_back("no part-of flag");

  // 3. Duplicates and sums in the weekly data.
  if (!context.evidence) {
    evidence.push_back("duplicate and sum checks not run (no weekly data; pass --fit)");
  } else {
    std::vector<const EvidenceSeries*> series;
    for (const EvidenceSeries* matched : context.matched) {
      if (matched && std::find(series.begin(), series.end(), matched) == series.end()) {
        series.push_back(matched);
      }
    }
    // A KPI that tracks a media closely may be a strong effect, not an overlap,
    // so the KPI joins the sum search but not the duplicate test.
    std::vector<const EvidenceSeries*> regressors;
    for (const EvidenceSeries* candidate : series) {
      if (candidate != context.matched[dag.kpi]) regressors.push_back(candidate);
    }
    std::vector<std::string> correlations;
    for (const SeriesCorrelation& pair : pairwise_correlations(regressors)) {
      const std::string value = pair.value ? fmt::format("{:.3f}", *pair.value) : "constant";
      correlations.push_back(fmt::format("{}/{} {}", pair.first, pair.second, value));
      if (pair.value && std::abs(*pair.value) >= kDuplicateCorrelation) {
        fail(fmt::format("{} and {} are duplicates (|corr| {:.3f} >= {})", pair.first, pair.second,
                         std::abs(*pair.value), kDuplicateCorrelation),
             fmt::format("merge {} and {} or drop one; they move together.", pair.first,
                         pair.second));
      }
    }
    evidence.push_back(fmt::format("|corr| of weekly values over {}, checked for {}",
                                   weeks_covered(*context.evidence),
                                   correlations.empty() ? std::string("no pair") : join(correlations)));
    const std::vector<SumOfOthers> sums = find_sums_of_others(series);
    for (const SumOfOthers& sum : sums) {
      fail(fmt::format("{} equals the sum of {}", sum.total, join(sum.parts, " + ")),
           fmt::format("model either {} or its parts {}, not both.", sum.total, join(sum.parts)));
    }
    if (sums.empty()) {
      evidence.push_back(fmt::format("no series is the sum of others ({} series searched)",
                                     std::min(series.size(), kMaxSumSeries)));
    }
  }
  outcome.row.evidence = join(evidence, "; ");
  return outcome;
}

}  // namespace cerebro::causal
