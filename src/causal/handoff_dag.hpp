#pragma once
// The DAG a fit hands to the causal review (dag.md), built from the fitted
// series and the spec's declared latent variables. It states the default
// assumptions an analyst then edits: media cause the KPI; controls and events
// cause the KPI and every media; a latent variable causes what it affects.
#include <vector>

#include "causal/dag.hpp"
#include "causal/dag_markdown.hpp"
#include "core/weekly_panel.hpp"
#include "fit/fit_result.hpp"

namespace cerebro::causal {

// Builds the handoff DAG with a Role column. Node ids: Y for the KPI, M1.. for
// media, C1.. for controls, E1.. for events, U1.. for latent variables, in the
// fit's order. Variables are the series names (the KPI's gets a `kpi_` prefix
// unless it has one); Source is the fit's source of the series, or the series
// name when the fit does not record one (always for events), and `latent` for
// latent variables. A latent variable with an
// empty `affects` points to every media and the KPI. Media pairs whose first
// non-zero weeks are at most 2 weeks apart, both after the first week, are
// flagged co-launched. Throws core::InputError when a latent variable affects
// a name that is not the KPI, a media, a control or an event of the fit.
Dag build_handoff_dag(const fit::FitResult& fit, const std::vector<core::LatentVariable>& latent);

}  // namespace cerebro::causal
