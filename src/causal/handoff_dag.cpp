#include "causal/handoff_dag.hpp"

#include "causal/fit_evidence.hpp"
#include "core/errors.hpp"

namespace cerebro::causal {
namespace {

std::size_t add_node(Dag& dag, std::string id, std::string variable, std::string source,
                     NodeRole role) {
  dag.nodes.push_back({std::move(id), std::move(variable), std::move(source), role});
  return dag.nodes.size() - 1;
}

// Builds ids such as M1; appending avoids a g++ 12 false -Wrestrict warning on
// `literal + std::string` temporaries.
std::string numbered_id(char prefix, std::size_t index) {
  std::string id(1, prefix);
  id += std::to_string(index + 1);
  return id;
}

// The series' source column, or its name when the fit does not know the source.
const std::string& source_or_name(const std::string& source, const std::string& name) {
  return source.empty() ? name : source;
}

// Returns the node a latent variable's `affects` entry names, by series name.
std::size_t affected_node(const Dag& dag, const std::vector<std::string>& series_names,
                          const core::LatentVariable& latent, const std::string& name) {
  for (std::size_t i = 0; i < series_names.size(); ++i) {
    if (series_names[i] == name) return i;
  }
  std::string known;
  for (std::size_t i = 0; i < series_names.size(); ++i) {
    if (dag.nodes[i].role == NodeRole::latent) continue;
    if (!known.empty()) known += ", ";
    known += series_names[i];
  }
  throw core::InputError("latent variable '" + latent.name + "': affects '" + name +
                         "', which is not a series of the fit. Use one of: " + known + ".");
}

}  // namespace

Dag build_handoff_dag(const fit::FitResult& fit, const std::vector<core::LatentVariable>& latent) {
  Dag dag;
  dag.has_role_column = true;
  // series_names[i] is the fit's name for node i, which affects entries refer to.
  std::vector<std::string> series_names;

  std::string kpi_variable = fit.kpi_name.starts_with("kpi_") ? "" : "kpi_";
  kpi_variable += fit.kpi_name;
  dag.kpi = add_node(dag, "Y", kpi_variable, source_or_name(fit.kpi_source, fit.kpi_name),
                     NodeRole::kpi);
  series_names.push_back(fit.kpi_name);

  std::vector<std::size_t> media_nodes;
  for (std::size_t i = 0; i < fit.media.size(); ++i) {
    const std::string& name = fit.media[i].name;
    media_nodes.push_back(add_node(dag, numbered_id('M', i), name,
                                   source_or_name(fit.media[i].source, name), NodeRole::media));
    series_names.push_back(name);
    dag.edges.push_back({media_nodes.back(), dag.kpi});
  }

  const auto add_cause_of_all = [&](std::string id, const std::string& name,
                                    const std::string& source, NodeRole role) {
    const std::size_t node = add_node(dag, std::move(id), name, source, role);
    series_names.push_back(name);
    dag.edges.push_back({node, dag.kpi});
    for (std::size_t media : media_nodes) dag.edges.push_back({node, media});
  };
  for (std::size_t i = 0; i < fit.controls.size(); ++i) {
    const fit::ControlResult& control = fit.controls[i];
    add_cause_of_all(numbered_id('C', i), control.name, source_or_name(control.source, control.name),
                     NodeRole::control);
  }
  for (std::size_t i = 0; i < fit.events.size(); ++i) {
    add_cause_of_all(numbered_id('E', i), fit.events[i].name, fit.events[i].name, NodeRole::event);
  }

  for (std::size_t i = 0; i < latent.size(); ++i) {
    const std::size_t node = add_node(dag, numbered_id('U', i), latent[i].name, "latent",
                                      NodeRole::latent);
    series_names.push_back(latent[i].name);
    if (latent[i].affects.empty()) {
      for (std::size_t media : media_nodes) dag.edges.push_back({node, media});
      dag.edges.push_back({node, dag.kpi});
      continue;
    }
    for (const std::string& name : latent[i].affects) {
      const Edge edge{node, affected_node(dag, series_names, latent[i], name)};
      bool listed = false;
      for (const Edge& existing : dag.edges) listed = listed || existing == edge;
      if (!listed) dag.edges.push_back(edge);
    }
  }

  const FitEvidence evidence = collect_fit_evidence(fit);
  for (const LaunchPair& pair : evidence.co_launches) {
    std::size_t first = 0;
    std::size_t second = 0;
    for (std::size_t i = 0; i < fit.media.size(); ++i) {
      if (fit.media[i].name == pair.first) first = media_nodes[i];
      if (fit.media[i].name == pair.second) second = media_nodes[i];
    }
    dag.flags.push_back({FlagKind::co_launched, first, second});
  }
  return dag;
}

}  // namespace cerebro::causal
