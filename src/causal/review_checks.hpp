#pragma once
// The three checks of a causal review, each returning its verdict row and the
// fixes it prescribes. Shared by review.cpp; callers use review_dag.
#include <string>
#include <vector>

#include "causal/dag.hpp"
#include "causal/fit_evidence.hpp"
#include "causal/review_result.hpp"

namespace cerebro::causal {

struct ReviewContext {
  const Dag& dag;
  const FitEvidence* evidence = nullptr;  // nullptr when no fit was given
  // matched[i]: the fit series node i names; nullptr for latent nodes, for
  // nodes that match no series, and when no fit was given.
  std::vector<const EvidenceSeries*> matched;
};

struct CheckOutcome {
  CheckRow row;
  std::vector<std::string> fixes;
  std::vector<std::string> caveats;  // limits on reading a passing result; see ReviewResult
};

// Chronological (guidebook p.91): no directed cycle, no edge from a cause first
// observed after its effect's last non-zero week, no edge from a later time
// subscript (X_{t+1}) to an earlier one (Y_t).
CheckOutcome check_chronology(const ReviewContext& context);

// Non-inclusion (guidebook p.92): no shared source column, no part-of flag, no
// two nodes naming one series, and with data no duplicate series
// (|corr| >= kDuplicateCorrelation) and no series that is the sum of others.
CheckOutcome check_non_inclusion(const ReviewContext& context);

// Identifiability (guidebook p.93, 120-129): see review.hpp.
CheckOutcome check_identifiability(const ReviewContext& context);

// Formats a node for evidence: its id, and its variable when that differs.
std::string describe(const Node& node);

}  // namespace cerebro::causal
