#include "report/svg_document.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>

#include "report/chart_frame.hpp"

namespace cerebro::report {
namespace {

TEST(EscapeXml, SpecialCharacters) {
  EXPECT_EQ(escape_xml("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
  EXPECT_EQ(escape_xml("plain"), "plain");
  EXPECT_EQ(escape_xml(""), "");
}

TEST(EscapeXml, ControlCharactersReplaced) {
  EXPECT_EQ(escape_xml(std::string("a\x01z")), "a\xEF\xBF\xBDz");
  EXPECT_EQ(escape_xml("tab\there\nline"), "tab\there\nline");
}

TEST(SvgDocument, TitleDescAndEscapedText) {
  SvgDocument svg(100, 50, "ROI <by> media", "desc & more");
  svg.add("text", {{"x", "1"}, {"data-name", "a\"b"}}, "</svg><script>");
  const std::string out = svg.finish();
  EXPECT_NE(out.find("role=\"img\""), std::string::npos);
  EXPECT_NE(out.find("aria-label=\"ROI &lt;by&gt; media\""), std::string::npos);
  EXPECT_NE(out.find("<title>ROI &lt;by&gt; media</title>"), std::string::npos);
  EXPECT_NE(out.find("<desc>desc &amp; more</desc>"), std::string::npos);
  EXPECT_NE(out.find("data-name=\"a&quot;b\""), std::string::npos);
  EXPECT_EQ(out.find("<script>"), std::string::npos);
  EXPECT_NE(out.find("&lt;/svg&gt;&lt;script&gt;"), std::string::npos);
}

TEST(SvgDocument, UnbalancedGroupsThrow) {
  SvgDocument svg(10, 10, "t", "d");
  svg.open("g", {});
  EXPECT_THROW(svg.finish(), std::logic_error);
  svg.close();
  EXPECT_NO_THROW(svg.finish());
  EXPECT_THROW(svg.close(), std::logic_error);
}

TEST(Px, FormatsAndRejectsNonFinite) {
  EXPECT_EQ(px(12.0), "12");
  EXPECT_EQ(px(12.345), "12.35");
  EXPECT_EQ(px(-0.001), "0");
  EXPECT_THROW(px(std::numeric_limits<double>::quiet_NaN()), std::logic_error);
}

TEST(RenderFigure, CarriesNameAndEscapedCaption) {
  const std::string html = render_figure(Chart{"contribution", "a < b", {"<svg></svg>"}});
  EXPECT_NE(html.find("data-chart=\"contribution\""), std::string::npos);
  EXPECT_NE(html.find("<figcaption>a &lt; b</figcaption>"), std::string::npos);
}

TEST(AxisTitle, UnitInBrackets) {
  EXPECT_EQ(axis_title("Adstock", "usd"), "Adstock (usd)");
  EXPECT_EQ(axis_title("Weight", ""), "Weight");
}

}  // namespace
}  // namespace cerebro::report
