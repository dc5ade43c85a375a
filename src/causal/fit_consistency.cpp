#include "causal/fit_consistency.hpp"

#include <fmt/format.h>

#include "causal/graph_criteria.hpp"
#include "core/errors.hpp"

namespace cerebro::causal {
namespace {

const std::string kPrefix = "the DAG does not describe the fit: ";

[[noreturn]] void reject(const std::string& problem) {
  throw core::InputError(kPrefix + problem + " Then run the review again.");
}

}  // namespace

void check_dag_describes_fit(const Dag& dag, const FitEvidence& evidence) {
  const Node& kpi = dag.nodes[dag.kpi];
  const EvidenceSeries& fit_kpi = evidence.series.front();
  if (series_match_key(kpi.variable) != series_match_key(fit_kpi.name)) {
    reject("the KPI node " + kpi.id + " has the Variable `" + kpi.variable +
           "` but the fit's KPI is `" + fit_kpi.name + "`. Set the Variable of " + kpi.id +
           " to `kpi_" + series_match_key(fit_kpi.name) + "`, or review the DAG against the fit "
           "of that KPI.");
  }

  for (const Node& node : dag.nodes) {
    const EvidenceSeries* series = evidence.find(node.variable);
    if (series && (is_latent_source(node.source) || node.role == NodeRole::latent)) {
      reject("node " + node.id + " is marked latent but its Variable `" + node.variable +
             "` is the fit series `" + series->name + "`. Give " + node.id +
             " its source column and a non-latent role, or rename the latent variable.");
    }
  }

  const Graph graph = make_graph(dag.nodes.size(), dag.edges);
  for (const EvidenceSeries& series : evidence.series) {
    if (series.kind != SeriesKind::media) continue;
    const std::string key = series_match_key(series.name);
    bool matched = false;
    for (std::size_t i = 0; i < dag.nodes.size(); ++i) {
      const Node& node = dag.nodes[i];
      if (series_match_key(node.variable) != key) continue;
      matched = true;
      if (i == dag.kpi) {
        reject("the fitted media `" + series.name + "` is the KPI node " + node.id +
               ". Give the media its own node with an edge to the KPI.");
      }
      if (dag.has_role_column && node.role != NodeRole::media) {
        const std::string_view role = to_string(node.role);
        reject(fmt::format("node {} is the fitted media `{}` but its Role is {}. Set its Role to "
                           "media.", node.id, series.name,
                           role.empty() ? std::string("empty") : fmt::format("`{}`", role)));
      }
      if (!descendants(graph, i)[dag.kpi]) {
        reject("node " + node.id + " (" + series.name + ") has no directed path to the KPI " +
               kpi.id + ", yet the fit attributes an effect to it. Add the edge " + node.id + "→" +
               kpi.id + " (or a path through a mediator); if an edge points from " + kpi.id +
               " to " + node.id + ", reverse it.");
      }
    }
    if (!matched) {
      reject("the fitted media `" + series.name + "` matches no node. Add a row such as `| M | " +
             series.name + " | <source column> | media |` (Role column optional) and the edge "
             "M→" + kpi.id + ".");
    }
  }
}

}  // namespace cerebro::causal
