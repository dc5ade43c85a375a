#include "causal/review.hpp"

#include "causal/fit_consistency.hpp"
#include "causal/fit_evidence.hpp"
#include "causal/review_checks.hpp"

namespace cerebro::causal {
namespace {

ReviewResult run_checks(const ReviewContext& context) {
  ReviewResult result;
  for (const auto check : {check_chronology, check_non_inclusion, check_identifiability}) {
    CheckOutcome outcome = check(context);
    result.rows.push_back(std::move(outcome.row));
    for (std::string& fix : outcome.fixes) result.fixes.push_back(std::move(fix));
    for (std::string& caveat : outcome.caveats) result.caveats.push_back(std::move(caveat));
  }
  result.passed = true;
  for (const CheckRow& row : result.rows) result.passed = result.passed && row.passed;
  return result;
}

}  // namespace

ReviewResult review_dag(const Dag& dag) {
  ReviewContext context{dag, nullptr, std::vector<const EvidenceSeries*>(dag.nodes.size(), nullptr)};
  return run_checks(context);
}

ReviewResult review_dag(const Dag& dag, const fit::FitResult& fit) {
  const FitEvidence evidence = collect_fit_evidence(fit);
  check_dag_describes_fit(dag, evidence);
  ReviewContext context{dag, &evidence, {}};
  for (const Node& node : dag.nodes) {
    context.matched.push_back(node.observed() ? evidence.find(node.variable) : nullptr);
  }
  ReviewResult result = run_checks(context);
  result.fit_id = fit.fit_id;
  return result;
}

}  // namespace cerebro::causal
