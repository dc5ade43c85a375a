#pragma once
// Whether a DAG describes the fit it is reviewed against. Without this check a
// reviewer could edit the DAG text (rename the KPI, mark a fitted media latent,
// drop its edge to the KPI) until the review passes, while the fit still
// attributes an effect to every media.
#include "causal/dag.hpp"
#include "causal/fit_evidence.hpp"

namespace cerebro::causal {

// Throws core::InputError naming the node or series and the fix when:
//   - the KPI node's Variable does not match the fit's KPI;
//   - a media series of the fit matches no node, matches the KPI node, or
//     matches any node that (with a Role column) has a role other than media;
//   - a fitted media's node has no directed path to the KPI;
//   - any node whose Variable matches a fit series is latent.
// Matching is by series_match_key. Nodes that match no series are allowed
// here; the review treats them as unmeasured.
void check_dag_describes_fit(const Dag& dag, const FitEvidence& evidence);

}  // namespace cerebro::causal
