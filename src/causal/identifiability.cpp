// The identifiability check: adds latent parents for confounding flags and
// unresolved co-launches, then searches a back-door set or a front-door
// mediator set for every treatment's effect on the KPI.
#include <fmt/format.h>

#include <algorithm>

#include "causal/graph_criteria.hpp"
#include "causal/review_checks.hpp"

namespace cerebro::causal {
namespace {

// The review's graph: the DAG's nodes followed by the latent parents it adds.
struct AugmentedGraph {
  std::vector<std::string> names;  // id of each node, added latent nodes included
  Graph graph;
};

std::string set_text(const AugmentedGraph& augmented, const std::vector<std::size_t>& nodes) {
  std::string text = "{";
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (i > 0) text += ", ";
    text += augmented.names[nodes[i]];
  }
  return text + "}";
}

std::string trail_text(const AugmentedGraph& augmented, const Trail& trail) {
  std::string text = augmented.names[trail.nodes.front()];
  for (std::size_t i = 0; i + 1 < trail.nodes.size(); ++i) {
    text += trail.forward[i] ? " → " : " ← ";
    text += augmented.names[trail.nodes[i + 1]];
  }
  return text;
}

// Returns the dark periods between two series, in either direction.
std::vector<const DarkPeriod*> dark_periods_between(const FitEvidence& evidence,
                                                    const std::string& a, const std::string& b) {
  std::vector<const DarkPeriod*> periods;
  for (const DarkPeriod& period : evidence.dark_periods) {
    if ((period.running == a && period.paused == b) || (period.running == b && period.paused == a)) {
      periods.push_back(&period);
    }
  }
  return periods;
}

std::string period_text(const FitEvidence& evidence, const DarkPeriod& period) {
  return fmt::format("{} ran while {} was off in weeks {} to {} ({} weeks)", period.running,
                     period.paused, evidence.week(period.first_week),
                     evidence.week(period.last_week), period.last_week - period.first_week + 1);
}

class IdentifiabilityCheck {
 public:
  explicit IdentifiabilityCheck(const ReviewContext& context) : context_(context), dag_(context.dag) {}

  CheckOutcome run() {
    outcome_.row = {"Identifiability", "guidebook p.93, 120-129", true, ""};
    build_graph();
    check_treatments();
    if (!outcome_.row.passed) prescribe_fixes();
    outcome_.row.evidence = join(evidence_);
    return std::move(outcome_);
  }

 private:
  static std::string join(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items) text += (text.empty() ? "" : "; ") + item;
    return text;
  }

  void add_latent_parent(std::size_t first, std::size_t second) {
    const std::size_t latent = augmented_.names.size();
    augmented_.names.push_back(
        fmt::format("U({},{})", dag_.nodes[first].id, dag_.nodes[second].id));
    edges_.push_back({latent, first});
    edges_.push_back({latent, second});
    if (first != dag_.kpi && second != dag_.kpi) edges_.push_back({latent, dag_.kpi});
  }

  // A co-launched pair shares an unobserved cause unless a dark period separates them.
  void handle_co_launch(std::size_t first, std::size_t second, const char* origin) {
    const std::string pair = dag_.nodes[first].id + "," + dag_.nodes[second].id;
    const EvidenceSeries* a = context_.matched[first];
    const EvidenceSeries* b = context_.matched[second];
    if (context_.evidence && a && b) {
      const auto periods = dark_periods_between(*context_.evidence, a->name, b->name);
      if (!periods.empty()) {
        evidence_.push_back(fmt::format("{} co-launched ({}) but resolved: {}", pair, origin,
                                        period_text(*context_.evidence, *periods.front())));
        return;
      }
    }
    evidence_.push_back(fmt::format("{} co-launched ({}) with no dark period in the data, so a "
                                    "latent parent U({}) of both and the KPI is added",
                                    pair, origin, pair));
    add_latent_parent(first, second);
    unresolved_media_.push_back(first);
    unresolved_media_.push_back(second);
  }

  void build_graph() {
    for (const Node& node : dag_.nodes) augmented_.names.push_back(node.id);
    edges_ = dag_.edges;
    std::vector<std::pair<std::size_t, std::size_t>> co_launched;
    for (const Flag& flag : dag_.flags) {
      if (flag.kind == FlagKind::confounded) {
        evidence_.push_back(fmt::format("{},{} confounded, so a latent parent of both and the KPI "
                                        "is added", dag_.nodes[flag.first].id,
                                        dag_.nodes[flag.second].id));
        add_latent_parent(flag.first, flag.second);
        unresolved_media_.push_back(flag.first);
        unresolved_media_.push_back(flag.second);
      } else if (flag.kind == FlagKind::co_launched) {
        co_launched.emplace_back(std::min(flag.first, flag.second), std::max(flag.first, flag.second));
        handle_co_launch(flag.first, flag.second, "declared");
      }
    }
    if (context_.evidence) add_data_co_launches(co_launched);
    augmented_.graph = make_graph(augmented_.names.size(), edges_);
  }

  std::optional<std::size_t> node_of_series(const std::string& name) const {
    for (std::size_t i = 0; i < dag_.nodes.size(); ++i) {
      if (context_.matched[i] && context_.matched[i]->name == name) return i;
    }
    return std::nullopt;
  }

  void add_data_co_launches(const std::vector<std::pair<std::size_t, std::size_t>>& declared) {
    for (const LaunchPair& launch : context_.evidence->co_launches) {
      const auto first = node_of_series(launch.first);
      const auto second = node_of_series(launch.second);
      if (!first || !second) {
        evidence_.push_back(fmt::format("{} and {} launched together in the data but are not both "
                                        "in the DAG", launch.first, launch.second));
        continue;
      }
      const std::pair<std::size_t, std::size_t> key{std::min(*first, *second),
                                                    std::max(*first, *second)};
      if (std::find(declared.begin(), declared.end(), key) != declared.end()) continue;
      const std::string origin =
          fmt::format("found in the data: launches in weeks {} and {}",
                      context_.evidence->week(launch.first_launch_week),
                      context_.evidence->week(launch.second_launch_week));
      handle_co_launch(*first, *second, origin.c_str());
    }
  }

  // Treatments: observed parents of the KPI, observed media nodes and, with a
  // fit, the nodes of fitted media (a DAG without a Role column has no media role).
  std::vector<std::size_t> treatments() const {
    std::vector<std::size_t> result;
    for (std::size_t i = 0; i < dag_.nodes.size(); ++i) {
      if (i == dag_.kpi || !dag_.nodes[i].observed()) continue;
      bool parent = false;
      for (const Edge& edge : dag_.edges) parent = parent || (edge.from == i && edge.to == dag_.kpi);
      if (parent || dag_.nodes[i].role == NodeRole::media || fitted_media(i)) result.push_back(i);
    }
    return result;
  }

  void check_treatments() {
    // Nodes that may be adjusted for or serve as mediators: observed, and with
    // a fit, backed by a series, so that editing the text cannot buy a PASS.
    std::vector<bool> allowed(augmented_.names.size(), false);
    for (std::size_t i = 0; i < dag_.nodes.size(); ++i) {
      allowed[i] = dag_.nodes[i].observed() && (!context_.evidence || context_.matched[i]);
    }
    for (std::size_t treatment : treatments()) {
      const std::string effect = effect_text(treatment);
      if (context_.evidence && !context_.matched[treatment]) {
        fail(treatment, fmt::format("{}: {} matches no series in the fit, so its effect cannot be "
                                    "estimated", effect, describe(dag_.nodes[treatment])));
        continue;
      }
      if (!descendants(augmented_.graph, treatment)[dag_.kpi]) {
        evidence_.push_back(fmt::format("{}: no directed path to {}, nothing to identify",
                                        dag_.nodes[treatment].id, dag_.nodes[dag_.kpi].id));
        continue;
      }
      if (const auto set = find_backdoor_set(augmented_.graph, treatment, dag_.kpi, allowed)) {
        evidence_.push_back(fmt::format("{}: back-door set {}", effect, set_text(augmented_, *set)));
        if (!set->empty() && fitted_media(treatment)) {
          outcome_.caveats.push_back(fmt::format(
              "{} is identified by adjusting for {} ({}), but the per-media fit regresses the KPI "
              "on {} alone and adjusts for none of them; read its estimate as directional.",
              effect, set_text(augmented_, *set), variables_text(*set), dag_.nodes[treatment].id));
        }
        continue;
      }
      if (const auto set = find_front_door_set(augmented_.graph, treatment, dag_.kpi, allowed)) {
        evidence_.push_back(
            fmt::format("{}: front-door through {}", effect, set_text(augmented_, *set)));
        if (fitted_media(treatment)) {
          outcome_.caveats.push_back(fmt::format(
              "{} is identified only through the front-door mediators {} ({}), but the per-media "
              "fit regresses the KPI on {} directly and does not use them, so its estimate is not "
              "the identified effect; read it as directional.",
              effect, set_text(augmented_, *set), variables_text(*set), dag_.nodes[treatment].id));
        }
        continue;
      }
      fail(treatment, fmt::format("{}: no observed back-door set or front-door mediator; open "
                                  "path {}", effect, open_path(treatment)));
    }
  }

  // `T→Y` for a direct edge, `T→…→Y` for an effect that runs only through
  // other nodes, so the evidence never names an edge the DAG lacks.
  std::string effect_text(std::size_t treatment) const {
    bool direct = false;
    for (const Edge& edge : dag_.edges) direct = direct || (edge.from == treatment && edge.to == dag_.kpi);
    return dag_.nodes[treatment].id + (direct ? "→" : "→…→") + dag_.nodes[dag_.kpi].id;
  }

  bool fitted_media(std::size_t node) const {
    return context_.evidence && context_.matched[node] &&
           context_.matched[node]->kind == SeriesKind::media;
  }

  // The series names of a set of DAG nodes, for readers who know the data
  // better than the node ids.
  std::string variables_text(const std::vector<std::size_t>& nodes) const {
    std::string text;
    for (std::size_t node : nodes) {
      if (!text.empty()) text += ", ";
      text += node < dag_.nodes.size() ? dag_.nodes[node].variable : augmented_.names[node];
    }
    return text;
  }

  // An open back-door path that survives adjusting for every allowed non-descendant.
  std::string open_path(std::size_t treatment) const {
    const Graph backdoor = without_outgoing(augmented_.graph, {treatment});
    const std::vector<bool> after = descendants(augmented_.graph, treatment);
    std::vector<bool> conditioned(augmented_.names.size(), false);
    for (std::size_t i = 0; i < dag_.nodes.size(); ++i) {
      conditioned[i] = dag_.nodes[i].observed() && !after[i] && i != dag_.kpi && i != treatment &&
                       (!context_.evidence || context_.matched[i]);
    }
    auto trail = find_active_trail(backdoor, treatment, dag_.kpi, conditioned);
    if (!trail) {
      // Adjusting for every candidate opened a collider; show the path open without adjustment.
      trail = find_active_trail(backdoor, treatment, dag_.kpi,
                                std::vector<bool>(augmented_.names.size(), false));
    }
    return trail ? trail_text(augmented_, *trail) : "(none found)";
  }

  void fail(std::size_t treatment, std::string problem) {
    outcome_.row.passed = false;
    failed_.push_back(treatment);
    evidence_.push_back(std::move(problem));
  }

  std::string failed_ids() const {
    std::vector<std::size_t> nodes = failed_;
    for (std::size_t node : unresolved_media_) {
      if (std::find(nodes.begin(), nodes.end(), node) == nodes.end() && node != dag_.kpi) {
        nodes.push_back(node);
      }
    }
    std::string text;
    for (std::size_t node : nodes) text += (text.empty() ? "" : ", ") + dag_.nodes[node].id;
    return text;
  }

  // Fixes in the order an analyst can apply them: evidence already in the data,
  // a different cut of the data, a new variable, and last a new experiment.
  void prescribe_fixes() {
    const std::string media = failed_ids();
    const bool several = media.find(", ") != std::string::npos;
    const std::string first_media = media.substr(0, media.find(", "));
    outcome_.fixes.push_back("Intervention pattern: " + intervention_pattern());
    outcome_.fixes.push_back(fmt::format(
        "Segmentation: split {} by audience or protocol (for example per pool, chain or user "
        "cohort) so that the within-segment correlation drops, and review one DAG per segment.",
        media));
    outcome_.fixes.push_back(fmt::format(
        "Front-door variable: add an observed node between {} and {} that the unobserved cause "
        "does not touch, such as the unique-wallet count (between incentive and TVL), a "
        "brand-query proxy (explorer page views, governance-forum mentions) or the bridge-inflow "
        "lag, and route the edge through it ({}→W→{}).",
        media, dag_.nodes[dag_.kpi].id, first_media, dag_.nodes[dag_.kpi].id));
    outcome_.fixes.push_back(
        several ? fmt::format("Dark-period request: pause one of {} deliberately for at least {} "
                              "weeks while the others keep running, then fit and review again.",
                              media, kMinDarkPeriodWeeks)
                : fmt::format("Dark-period request: pause {} deliberately for at least {} weeks, "
                              "then fit and review again.",
                              media, kMinDarkPeriodWeeks));
  }

  std::string intervention_pattern() const {
    if (!context_.evidence) {
      return "no weekly data was given; run the review with --fit DIR/fit.json to look for dark "
             "periods and staggered launches.";
    }
    const FitEvidence& evidence = *context_.evidence;
    std::vector<std::string> found;
    for (const DarkPeriod& period : evidence.dark_periods) found.push_back(period_text(evidence, period));
    for (const LaunchPair& launch : evidence.staggered_launches) {
      found.push_back(fmt::format("staggered launch: {} in week {}, {} in week {}", launch.first,
                                  evidence.week(launch.first_launch_week), launch.second,
                                  evidence.week(launch.second_launch_week)));
    }
    if (found.empty()) {
      return fmt::format("the data show no dark period (at least {} weeks with one media off while "
                         "another runs) and no staggered launch.",
                         kMinDarkPeriodWeeks);
    }
    return "cite these interventions from the data as the variation that separates the media "
           "from their common cause: " + join(found) + ".";
  }

  const ReviewContext& context_;
  const Dag& dag_;
  CheckOutcome outcome_;
  AugmentedGraph augmented_;
  std::vector<Edge> edges_;
  std::vector<std::string> evidence_;
  std::vector<std::size_t> failed_;
  std::vector<std::size_t> unresolved_media_;
};

}  // namespace

CheckOutcome check_identifiability(const ReviewContext& context) {
  return IdentifiabilityCheck(context).run();
}

}  // namespace cerebro::causal
