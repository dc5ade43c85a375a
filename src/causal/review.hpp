#pragma once
// The deterministic causal review of a DAG: three checks, always all run, each
// with the evidence it checked, and a PASS only when all three pass. The review
// reads the DAG and, when given, the fit's weekly series; it never reads
// fitted coefficients.
//
// Identifiability: the treatments are every observed parent of the KPI, every
// observed media node and, with a fit, every node of a fitted media. Each treatment's
// effect on the KPI needs a back-door adjustment set of observed
// non-descendants of the treatment (the empty set counts), or an observed set
// of mediators that meets the front-door criterion (Pearl 1995). Before the search, each `X,Y
// confounded` flag, and each `X,Y co-launched` pair (declared, or found in the
// data) without a dark period in the data, gets a latent parent of X, Y and the
// KPI. With a fit, an observed node that matches no series counts as
// unmeasured: it cannot join an adjustment set or serve as a mediator, and a
// treatment without a series fails.
//
// The review states whether an effect is identifiable, not whether the fit
// estimated it that way: the per-media fits regress the KPI on one media and
// adjust for nothing. So with a fit, each fitted media identified only through
// a non-empty back-door set or a front-door set gets a caveat; the verdict
// does not change.
#include "causal/dag.hpp"
#include "causal/review_result.hpp"
#include "fit/fit_result.hpp"

namespace cerebro::causal {

// Reviews `dag` without weekly data. Fills rows, fixes and passed; the caller
// sets the DAG path and the hashes.
ReviewResult review_dag(const Dag& dag);

// Reviews `dag` against the weekly data of `fit` (dark periods, launches,
// duplicate and summed series, observation windows) and records its fit_id.
// Throws core::InputError when the DAG does not describe the fit (see
// check_dag_describes_fit in fit_consistency.hpp).
ReviewResult review_dag(const Dag& dag, const fit::FitResult& fit);

}  // namespace cerebro::causal
