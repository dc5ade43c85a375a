// libFuzzer target for the DAG parsers (markdown and JSON). An InputError is
// the expected result for malformed text; any other exception, crash or
// sanitizer report is a bug. Parsed DAGs are printed and parsed again, and the
// review runs on them, so those paths see arbitrary graphs too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "causal/dag_json.hpp"
#include "causal/dag_markdown.hpp"
#include "causal/review.hpp"
#include "core/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const cerebro::causal::Dag dag = cerebro::causal::parse_dag(text, "fuzz.md");
    // Bound the graph size so the review's subset searches stay fast.
    if (dag.nodes.size() <= 24) cerebro::causal::review_dag(dag);
    const std::string printed = cerebro::causal::to_markdown(dag);
    try {
      cerebro::causal::parse_dag_markdown(printed, "printed.md");
    } catch (const cerebro::core::InputError&) {
      // JSON ids may contain characters the markdown form cannot carry.
    }
  } catch (const cerebro::core::InputError&) {
  }
  return 0;
}
