#include "causal/gate.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "causal/review_result_io.hpp"
#include "core/errors.hpp"
#include "core/hashing.hpp"

namespace cerebro::causal {
namespace {

using ::testing::HasSubstr;

const std::string kFit = R"({"fit_id": "abc"})";
const std::string kDag = "| Node | Variable | Source |\n";

ReviewResult bound_review(bool passed) {
  ReviewResult review;
  review.rows = {{"Chronological", "guidebook p.91", true, "no directed cycle"},
                 {"Non-inclusion", "guidebook p.92", true, "no pair"},
                 {"Identifiability", "guidebook p.93, 120-129", passed, "T→Y: open"}};
  review.passed = passed;
  review.dag_path = "dag.md";
  review.dag_sha256 = core::sha256_hex(kDag);
  review.fit_sha256 = core::sha256_hex(kFit);
  return review;
}

std::string gate_error(std::string_view fit, std::optional<std::string> review,
                       std::optional<std::string_view> dag) {
  try {
    std::optional<std::string_view> review_view;
    if (review) review_view = *review;
    check_gate(fit, review_view, dag);
  } catch (const core::GateClosedError& error) {
    return error.what();
  }
  return "open";
}

TEST(Gate, OpensForBoundPass) {
  const ReviewResult review = check_gate(kFit, review_to_json(bound_review(true)), kDag);
  EXPECT_TRUE(review.passed);
  EXPECT_EQ(review.dag_path, "dag.md");
}

TEST(Gate, RefusesWithoutReview) {
  EXPECT_THAT(gate_error(kFit, std::nullopt, kDag), HasSubstr("no causal review"));
}

TEST(Gate, RefusesBlock) {
  EXPECT_THAT(gate_error(kFit, review_to_json(bound_review(false)), kDag),
              HasSubstr("BLOCK (failed checks: Identifiability)"));
}

TEST(Gate, RefusesChangedFit) {
  EXPECT_THAT(gate_error(R"({"fit_id": "abd"})", review_to_json(bound_review(true)), kDag),
              HasSubstr("fit changed"));
}

TEST(Gate, RefusesChangedDag) {
  EXPECT_THAT(gate_error(kFit, review_to_json(bound_review(true)), kDag + " "),
              HasSubstr("changed since the review"));
  EXPECT_THAT(gate_error(kFit, review_to_json(bound_review(true)), std::nullopt),
              HasSubstr("is missing"));
}

TEST(ReviewJson, RoundTrip) {
  ReviewResult review = bound_review(false);
  review.fixes = {"Segmentation: split T | P"};
  review.fit_id = "abc";
  const ReviewResult parsed = review_from_json(review_to_json(review), "review.json");
  EXPECT_EQ(parsed.rows.size(), 3u);
  EXPECT_EQ(parsed.rows[2].evidence, "T→Y: open");
  EXPECT_EQ(parsed.fixes, review.fixes);
  EXPECT_EQ(parsed.fit_sha256, review.fit_sha256);
  EXPECT_FALSE(parsed.passed);
}

TEST(ReviewJson, RejectsPassWithFailedRow) {
  std::string text = review_to_json(bound_review(false));
  text.replace(text.find("\"BLOCK\""), 7, "\"PASS\"");
  EXPECT_THROW(review_from_json(text, "review.json"), core::InputError);
}

}  // namespace
}  // namespace cerebro::causal
