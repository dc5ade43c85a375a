#include "report/report_html.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <stdexcept>

#include "core/errors.hpp"
#include "report/report_json.hpp"
#include "report_fixture.hpp"

namespace cerebro::report {
namespace {

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// Writes the render to $CEREBRO_REPORT_PREVIEW when set, to look at it in a browser.
void maybe_save_preview(const std::string& html) {
  if (const char* path = std::getenv("CEREBRO_REPORT_PREVIEW")) std::ofstream(path) << html;
}

TEST(RenderReport, ContainsEveryChartName) {
  const auto fit = testing::make_fit(true);
  const auto review = testing::make_review(true);
  const auto simulation = testing::make_simulation();
  const std::string html = render_report_html({fit, review, &simulation});
  maybe_save_preview(html);
  for (const auto& name : required_chart_names(true)) {
    EXPECT_EQ(count(html, "data-chart=\"" + name + "\""), 1u) << name;
  }
}

TEST(RenderReport, SelfContainedWithoutScriptsOrLinks) {
  const auto fit = testing::make_fit(false);
  const auto review = testing::make_review(true);
  const std::string html = render_report_html({fit, review, nullptr});
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("url(http"), std::string::npos);
  // The only absolute URL is the SVG namespace, which browsers never fetch.
  const std::regex url("https?://[^\"]+");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), url); it != std::sregex_iterator(); ++it) {
    EXPECT_EQ(it->str(), "http://www.w3.org/2000/svg");
  }
}

TEST(RenderReport, ChartsAreAccessible) {
  const auto fit = testing::make_fit(true);
  const auto review = testing::make_review(true);
  const std::string html = render_report_html({fit, review, nullptr});
  const std::size_t svgs = count(html, "<svg ");
  EXPECT_GT(svgs, 6u);
  EXPECT_EQ(count(html, "role=\"img\""), svgs);
  EXPECT_EQ(count(html, "<title>"), svgs + 1);  // plus the page title
  EXPECT_EQ(count(html, "<desc>"), svgs);
  EXPECT_EQ(count(html, "<figcaption>"), count(html, "<figure"));
}

TEST(RenderReport, EscapesMediaNames) {
  const auto fit = testing::make_fit(false);
  const auto review = testing::make_review(true);
  const std::string html = render_report_html({fit, review, nullptr});
  EXPECT_EQ(html.find("top<ups>"), std::string::npos);
  EXPECT_NE(html.find("top&lt;ups&gt; &amp; co"), std::string::npos);
  EXPECT_EQ(html.find("a <warning>"), std::string::npos);
}

TEST(RenderReport, BannerOnlyWhenDirectionalOnly) {
  auto fit = testing::make_fit(false);
  const auto review = testing::make_review(true);
  fit.directional_only = false;
  EXPECT_EQ(count(render_report_html({fit, review, nullptr}), "data-banner=\"directional-only\""), 0u);
  fit.directional_only = true;
  EXPECT_EQ(count(render_report_html({fit, review, nullptr}), "data-banner=\"directional-only\""), 1u);
}

TEST(RenderReport, ReviewCaveatsShownTwice) {
  const auto fit = testing::make_fit(false);
  auto review = testing::make_review(true);
  review.caveats = {"M1 is identified by adjusting for {C1}, which the fit does not do."};
  const std::string html = render_report_html({fit, review, nullptr});
  // Once in the summary's caveats and once under the verdict table.
  EXPECT_EQ(count(html, "which the fit does not do."), 2u);
  EXPECT_EQ(report_json({fit, review, nullptr})["review"]["caveats"].size(), 1u);
}

TEST(RenderReport, RangesShownWithUncertainty) {
  const auto review = testing::make_review(true);
  const auto with = render_report_html({testing::make_fit(true), review, nullptr});
  EXPECT_NE(with.find("5th–95th pct."), std::string::npos);
  EXPECT_EQ(with.find("no range"), std::string::npos);
  const auto without = render_report_html({testing::make_fit(false), review, nullptr});
  EXPECT_NE(without.find("no range"), std::string::npos);
  EXPECT_EQ(count(without, "class=\"error-bar\""), 0u);
  EXPECT_EQ(count(with, "class=\"error-bar\""), 2u);  // effect share of both media
}

TEST(RenderReport, SimulationSectionOnlyWithSimulation) {
  const auto fit = testing::make_fit(false);
  const auto review = testing::make_review(true);
  const std::string without = render_report_html({fit, review, nullptr});
  EXPECT_EQ(without.find("data-chart=\"marginal-roi\""), std::string::npos);
  const auto simulation = testing::make_simulation();
  const std::string with = render_report_html({fit, review, &simulation});
  EXPECT_NE(with.find("data-headline=\"predicted-kpi-change\">+$1.1<"), std::string::npos);
  EXPECT_NE(with.find("Controls stay at their last observed level."), std::string::npos);
  EXPECT_NE(with.find("saturated"), std::string::npos);
}

TEST(RenderReport, RejectsBlockReview) {
  const auto fit = testing::make_fit(false);
  const auto review = testing::make_review(false);
  EXPECT_THROW(render_report_html({fit, review, nullptr}), core::GateClosedError);
}

TEST(RenderReport, RejectsSimulationOfAnotherFit) {
  const auto fit = testing::make_fit(false);
  const auto review = testing::make_review(true);
  auto simulation = testing::make_simulation();
  simulation.fit_id = "another";
  EXPECT_THROW(render_report_html({fit, review, &simulation}), core::InputError);
}

TEST(RenderReport, RejectsFitWithoutMedia) {
  auto fit = testing::make_fit(false);
  fit.media.clear();
  const auto review = testing::make_review(true);
  EXPECT_THROW(render_report_html({fit, review, nullptr}), core::InputError);
}

TEST(RenderReport, RejectsWeeklyLengthMismatch) {
  auto fit = testing::make_fit(false);
  fit.media[1].contribution.pop_back();
  const auto review = testing::make_review(true);
  EXPECT_THROW(render_report_html({fit, review, nullptr}), core::InputError);
}

TEST(RequireCharts, ThrowsNamingMissingChart) {
  const auto fit = testing::make_fit(false);
  const auto review = testing::make_review(true);
  std::string html = render_report_html({fit, review, nullptr});
  EXPECT_NO_THROW(require_charts(html, false));
  const std::string marker = "data-chart=\"adstock-decay\"";
  html.replace(html.find(marker), marker.size(), "data-chart=\"removed\"");
  try {
    require_charts(html, false);
    FAIL() << "expected std::logic_error";
  } catch (const std::logic_error& error) {
    EXPECT_NE(std::string(error.what()).find("adstock-decay"), std::string::npos);
  }
  // A report without the simulation charts fails the check for a simulation run.
  EXPECT_THROW(require_charts(render_report_html({fit, review, nullptr}), true), std::logic_error);
}

TEST(RenderReport, OneWeekAfterWarmup) {
  auto fit = testing::make_fit(false);
  fit.warmup_weeks = 13;
  fit.modeling_weeks = 1;
  fit.training_weeks = 1;
  fit.holdout_weeks = 0;
  const auto review = testing::make_review(true);
  EXPECT_NO_THROW(require_charts(render_report_html({fit, review, nullptr}), false));
}

TEST(RenderReport, TokenBaseUnitMagnitudes) {
  auto fit = testing::make_fit(false);
  for (auto& media : fit.media) {
    media.unit = "wei";
    for (auto& value : media.adstock) value *= 1e18;
    for (auto& value : media.spend) value *= 1e18;
    media.total_spend *= 1e18;
    *media.historical_roi /= 1e18;
    media.hill.half_saturation = *media.hill.half_saturation * 1e18;
    media.concave.beta = *media.concave.beta / std::pow(1e18, *media.concave.elasticity);
  }
  const auto review = testing::make_review(true);
  const std::string html = render_report_html({fit, review, nullptr});
  EXPECT_NE(html.find("e18"), std::string::npos);
  EXPECT_EQ(html.find("nan"), std::string::npos);
}

TEST(RenderReport, TokenDecimalsLabelBaseUnits) {
  auto fit = testing::make_fit(false);
  for (auto& media : fit.media) {
    media.unit = "gno";
    media.decimals = 18;
  }
  const std::string html = render_report_html({fit, testing::make_review(true), nullptr});
  EXPECT_NE(html.find("per gno base units"), std::string::npos);
  EXPECT_NE(html.find("Adstock (gno base units)"), std::string::npos);
  EXPECT_EQ(html.find("per gno "), html.find("per gno base units"));
}

}  // namespace
}  // namespace cerebro::report
