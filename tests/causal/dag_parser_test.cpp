#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "causal/dag_json.hpp"
#include "causal/dag_markdown.hpp"
#include "core/errors.hpp"

namespace cerebro::causal {
namespace {

using ::testing::HasSubstr;

constexpr const char* kSpecExample =
    "| Node | Variable | Source |\n"
    "|---|---|---|\n"
    "| T | claims_adstock | dbt.claims.volume_received_usd |\n"
    "| P | topups_adstock | dbt.topups.volume_usd |\n"
    "| U | n_users | latent |\n"
    "| Y | kpi_swap_volume | dbt.swaps.volume_usd_filled |\n"
    "\n"
    "Edges: T→Y, P->Y, U→T, U→P, U→Y\n"
    "Flags: T,P co-launched\n";

std::string error_of(const std::string& text) {
  try {
    parse_dag(text, "dag.md");
  } catch (const core::InputError& error) {
    return error.what();
  }
  return "no error";
}

TEST(DagMarkdown, ParsesSpecExample) {
  const Dag dag = parse_dag_markdown(kSpecExample, "dag.md");
  ASSERT_EQ(dag.nodes.size(), 4u);
  EXPECT_EQ(dag.nodes[dag.kpi].id, "Y");
  EXPECT_EQ(dag.edges.size(), 5u);
  EXPECT_FALSE(dag.nodes[2].observed());
  ASSERT_EQ(dag.flags.size(), 1u);
  EXPECT_EQ(dag.flags[0].kind, FlagKind::co_launched);
}

TEST(DagMarkdown, ChainsExpand) {
  const Dag dag = parse_dag_markdown(
      "| Node | Variable | Source |\n|---|---|---|\n| T | t | a |\n| M | m | b |\n| Y | y | c |\n"
      "Edges: T→M->Y\n",
      "dag.md");
  EXPECT_EQ(dag.edges, (std::vector<Edge>{{0, 1}, {1, 2}}));
  EXPECT_EQ(dag.nodes[dag.kpi].id, "Y");  // the only node without outgoing edges
  EXPECT_TRUE(dag.flags.empty());
}

TEST(DagMarkdown, RoleColumnPicksKpi) {
  const Dag dag = parse_dag_markdown(
      "| Node | Variable | Source | Role |\n|---|---|---|---|\n| Y | tvl | a | kpi |\n"
      "| T | t | b | media |\n| G | gas | c | control |\n"
      "Edges: T→Y, G→T, G→Y\nFlags: T part-of Y; G,T confounded\n",
      "dag.md");
  EXPECT_EQ(dag.kpi, 0u);
  EXPECT_EQ(dag.nodes[1].role, NodeRole::media);
  ASSERT_EQ(dag.flags.size(), 2u);
  EXPECT_EQ(dag.flags[0].kind, FlagKind::part_of);
  EXPECT_EQ(dag.flags[1].kind, FlagKind::confounded);
}

TEST(DagMarkdown, RoundTrip) {
  for (const std::string& text :
       {std::string(kSpecExample),
        std::string("| Node | Variable | Source | Role |\n|---|---|---|---|\n| Y | tvl | a | kpi |\n"
                    "| T | t | b | media |\n| W | wallets | c |  |\nEdges: T→W→Y\n"
                    "Flags: T part-of Y; T,W confounded\n")}) {
    const Dag dag = parse_dag_markdown(text, "dag.md");
    const std::string printed = to_markdown(dag);
    EXPECT_EQ(parse_dag_markdown(printed, "printed.md"), dag) << printed;
  }
}

TEST(DagJson, ParsesAndMatchesMarkdown) {
  const Dag from_json = parse_dag(
      R"({"nodes": [{"id": "T", "variable": "claims_adstock", "source": "dbt.claims.volume_received_usd"},
                    {"id": "P", "variable": "topups_adstock", "source": "dbt.topups.volume_usd"},
                    {"id": "U", "variable": "n_users", "source": "latent"},
                    {"id": "Y", "variable": "kpi_swap_volume", "source": "dbt.swaps.volume_usd_filled"}],
          "edges": [["T", "Y"], ["P", "Y"], ["U", "T"], ["U", "P"], ["U", "Y"]],
          "flags": [{"kind": "co-launched", "nodes": ["T", "P"]}]})",
      "dag.txt");
  EXPECT_EQ(from_json, parse_dag_markdown(kSpecExample, "dag.md"));
}

TEST(DagJson, UnknownNodeNamesElement) {
  try {
    parse_dag(R"({"nodes": [{"id": "T", "variable": "t", "source": "a"}], "edges": [["T", "Q"]]})",
              "dag.json");
    FAIL() << "expected an InputError";
  } catch (const core::InputError& error) {
    EXPECT_THAT(error.what(), HasSubstr("edges[0][1]"));
    EXPECT_THAT(error.what(), HasSubstr("`Q`"));
  }
}

TEST(DagMarkdown, MalformedInputNamesLine) {
  const std::string header = "| Node | Variable | Source |\n|---|---|---|\n";
  struct Case {
    std::string text;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"", "no node table"},
      {header + "Edges: none\n", "line 1: the node table has no rows"},
      {"| Node | Variable |\n|---|---|\n", "line 1: the node table header"},
      {"| Node | Variable | Source |\n| T | t | a |\n", "line 2: expected the separator row"},
      {header + "| T | t |\n", "line 3: the row has 2 cells"},
      {header + "| T | t | a |\n| T | u | b |\nEdges: none\n", "line 4: duplicate node `T`"},
      {header + "| T | t | a |\n| Y | y | b |\nEdges: T→Q\n", "line 5: unknown node `Q` in Edges"},
      {header + "| T | t | a |\n| Y | y | b |\nEdges: T Y\n", "line 5: the edge item `T Y` has no arrow"},
      {header + "| T | t | a |\n| Y | y | b |\nEdges: T→Y, T→Y\n", "line 5: duplicate edge T→Y"},
      {header + "| T | t | a |\n| Y | y | b |\nEdges: T→Y\nFlags: T,Y friends\n",
       "line 6: unknown flag `friends`"},
      {header + "| T | t | a |\n| Y | y | b |\nEdges: T→Y\nFlags: T,Q co-launched\n",
       "line 6: unknown node `Q` in Flags"},
      {header + "| T | t | a |\nsome prose\n", "line 4: expected a table row"},
      {header + "| T |  | a |\n", "line 3: the Variable cell is empty"},
      {header + "| T | t | a |\n| Y | y | b |\n", "no `Edges:` line"},
      {header + "| T | t | a |\n| Y | y | b |\nEdges: T→Y\nEdges: Y→T\n",
       "line 6: a second `Edges:` line"},
      {"| Node | Variable | Source | Role |\n|---|---|---|---|\n| T | t | a | boss |\n",
       "line 3: unknown Role `boss`"},
      {header + "| T | t | a |\n| Y | y | b |\nEdges: T→Y, Y→T\n", "no node qualifies as the KPI"},
  };
  for (const Case& test_case : cases) {
    EXPECT_THAT(error_of(test_case.text), HasSubstr(test_case.expected)) << test_case.text;
  }
}

std::string json_error_of(const std::string& text) {
  try {
    parse_dag(text, "dag.json");
  } catch (const core::InputError& error) {
    return error.what();
  }
  return "no error";
}

const std::string kTwoNodeJsonTail =
    R"({"id": "Y", "variable": "kpi_y", "source": "b"}], "edges": [["T", "Y"]]})";

TEST(DagMarkdown, SkipsByteOrderMark) {
  const std::string bom = "\xEF\xBB\xBF";
  EXPECT_EQ(parse_dag(bom + kSpecExample, "dag.md"), parse_dag_markdown(kSpecExample, "dag.md"));
  const std::string json_text =
      R"({"nodes": [{"id": "T", "variable": "t", "source": "a"}, )" + kTwoNodeJsonTail;
  EXPECT_EQ(parse_dag(bom + json_text, "dag.txt"), parse_dag(json_text, "dag.txt"));
}

TEST(DagMarkdown, OverflowingTimeSubscriptNamesLine) {
  const std::string header = "| Node | Variable | Source |\n|---|---|---|\n";
  EXPECT_THAT(error_of(header + "| T_{t-99999999999999999999} | t | a |\n| Y | y | b |\nEdges: none\n"),
              HasSubstr("dag.md line 3: the time subscript of `T_{t-99999999999999999999}`"));
  EXPECT_THAT(error_of(header + "| T | t | a |\n| Y | y_{t+10001} | b |\nEdges: none\n"),
              HasSubstr("line 4"));
  // The largest accepted offset still parses.
  EXPECT_EQ(error_of(header + "| T | t_{t-10000} | a |\n| Y | y_t | b |\nEdges: T→Y\n"), "no error");
  EXPECT_THAT(json_error_of(R"({"nodes": [{"id": "T_t+99999999999", "variable": "t", "source": "a"}, )" +
                            kTwoNodeJsonTail),
              HasSubstr("nodes[0]: the time subscript"));
}

TEST(DagMarkdown, LatentSourceIsReadInAnyCase) {
  const std::string header = "| Node | Variable | Source |\n|---|---|---|\n| T | t | a |\n";
  for (const std::string source : {"latent", "Latent", "LATENT", "latent (unobserved)", "Latent - users"}) {
    const Dag dag = parse_dag(header + "| U | u | " + source + " |\n| Y | y | b |\nEdges: U→T, T→Y, U→Y\n",
                              "dag.md");
    EXPECT_FALSE(dag.nodes[1].observed()) << source;
  }
  for (const std::string source : {"latent_users", "Latent.users", "latentx"}) {
    EXPECT_THAT(error_of(header + "| U | u | " + source + " |\n| Y | y | b |\nEdges: none\n"),
                HasSubstr("line 4: the Source `" + source + "` starts with `latent`"));
  }
  EXPECT_TRUE(is_latent_source("LaTeNt"));
  EXPECT_FALSE(is_latent_source("dbt.latent"));
  EXPECT_THAT(json_error_of(R"({"nodes": [{"id": "T", "variable": "t", "source": "latent_x"}, )" +
                            kTwoNodeJsonTail),
              HasSubstr("nodes[0].source is `latent_x`"));
}

TEST(DagMarkdown, RejectsControlCharacterInId) {
  EXPECT_THAT(error_of("| Node | Variable | Source |\n|---|---|---|\n| T\x01 | t | a |\n"),
              HasSubstr("line 3: node id `T\x01` contains a control character"));
}

TEST(DagJson, UnknownKeysAreNamed) {
  const std::string node = R"({"id": "T", "variable": "t", "source": "a"}, )";
  struct Case {
    std::string text;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {R"({"nodes": [)" + node + R"({"id": "Y", "variable": "y", "source": "b"}], "edges": [], "flag": []})",
       "the document has the unknown key `flag`"},
      {R"({"nodes": [{"id": "T", "variable": "t", "source": "a", "Role": "media"}, )" + kTwoNodeJsonTail,
       "nodes[0] has the unknown key `Role`"},
      {R"({"nodes": [)" + node + R"({"id": "Y", "variable": "y", "source": "b"}], "edges": [["T", "Y"]],
           "flags": [{"kind": "confounded", "nodes": ["T", "Y"], "note": "x"}]})",
       "flags[0] has the unknown key `note`"},
  };
  for (const Case& test_case : cases) {
    EXPECT_THAT(json_error_of(test_case.text), HasSubstr(test_case.expected)) << test_case.text;
  }
}

TEST(DagJson, NodeIdsFollowMarkdownRules) {
  for (const std::string id : {"T 1", "T→M", "T->M", "T\\u0007", "T|M", "T,M"}) {
    EXPECT_THAT(json_error_of(R"({"nodes": [{"id": ")" + id + R"(", "variable": "t", "source": "a"}, )" +
                              kTwoNodeJsonTail),
                HasSubstr("nodes[0].id")) << id;
  }
}

TEST(DagJson, RepeatedKeyIsRejected) {
  const std::string nodes =
      R"("nodes": [{"id": "T", "variable": "t", "source": "a"}, {"id": "Y", "variable": "y", "source": "b"}])";
  EXPECT_THAT(json_error_of("{" + nodes + R"(, "edges": [["T", "Y"]], "edges": []})"),
              HasSubstr("the key `edges` appears twice"));
  EXPECT_THAT(json_error_of(R"({"nodes": [{"id": "T", "id": "U", "variable": "t", "source": "a"}], "edges": []})"),
              HasSubstr("the key `id` appears twice"));
  // The same key in two different objects is fine.
  EXPECT_EQ(json_error_of("{" + nodes + R"(, "edges": [["T", "Y"]]})"), "no error");
}

}  // namespace
}  // namespace cerebro::causal
