#pragma once
// The outcome of a causal review, as written to review.json and review.md and
// shown in the report's `causal-review` chart.
#include <string>
#include <vector>

namespace cerebro::causal {

struct CheckRow {
  std::string check;      // "Chronological", "Non-inclusion", "Identifiability"
  std::string reference;  // where the rule comes from, e.g. "guidebook p.91"
  bool passed = false;
  std::string evidence;   // the edges, pairs or paths checked, in plain words
};

struct ReviewResult {
  std::vector<CheckRow> rows;       // always the three checks, in that order
  std::vector<std::string> fixes;   // prescribed fixes, in priority order; empty on PASS
  bool passed = false;              // every row passed
  // Limits on how far the fit's estimates carry the identified effects, such
  // as an effect identified only by adjusting for controls that the per-media
  // fit leaves out. They do not change the verdict. Empty without a fit.
  std::vector<std::string> caveats;
  std::string dag_path;             // the DAG file as given on the command line
  std::string dag_sha256;           // of the exact DAG bytes reviewed
  std::string fit_sha256;           // of the exact fit.json bytes; empty without --fit
  std::string fit_id;               // the fit's own content id; empty without --fit
};

}  // namespace cerebro::causal
