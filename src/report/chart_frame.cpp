#include "report/chart_frame.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace cerebro::report {
namespace {

// A ten-colour qualitative palette that stays distinguishable for the common
// colour-vision deficiencies (the Tableau 10 colours, 2016 revision).
const std::array<std::string, 10> kPalette{"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1",
                                           "#76b7b2", "#edc948", "#9c755f", "#ff9da7", "#bab0ac"};

constexpr double kTickLength = 4;

std::string shorten(const std::string& text, double max_width_px) {
  if (estimated_text_width(text) <= max_width_px) return text;
  std::string out = text;
  while (out.size() > 1 && estimated_text_width(out + "…") > max_width_px) out.pop_back();
  return out + "…";
}

}  // namespace

const std::string& series_color(std::size_t index) { return kPalette[index % kPalette.size()]; }

PlotArea plot_area(double width_px, double height_px, const Margins& margins) {
  return PlotArea{margins.left, margins.top, std::max(1.0, width_px - margins.left - margins.right),
                  std::max(1.0, height_px - margins.top - margins.bottom)};
}

std::string axis_title(std::string_view name, std::string_view unit) {
  if (unit.empty()) return std::string(name);
  return std::string(name) + " (" + std::string(unit) + ")";
}

double estimated_text_width(std::string_view text, double font_px) {
  // Average advance of a proportional sans-serif face is about 0.58 em.
  return static_cast<double>(text.size()) * font_px * 0.58;
}

LinearScale draw_left_value_axis(SvgDocument& svg, const PlotArea& area, const TickSet& ticks,
                                 std::string_view title, const TickLabeler& label) {
  const LinearScale scale{ticks.min, ticks.max, area.bottom(), area.top};
  svg.open("g", {{"class", "axis axis-y"}});
  for (double tick : ticks.values) {
    const double y = scale.map(tick);
    svg.add("line", {{"class", tick == 0 ? "zero-line" : "grid"},
                     {"x1", px(area.left)}, {"x2", px(area.right())}, {"y1", px(y)}, {"y2", px(y)}});
    svg.add("text", {{"class", "tick-label"}, {"x", px(area.left - 8)}, {"y", px(y + 4)}, {"text-anchor", "end"}},
            label(tick));
  }
  const double title_x = 16;
  const double title_y = area.top + area.height / 2;
  svg.add("text", {{"class", "axis-title"}, {"x", px(title_x)}, {"y", px(title_y)}, {"text-anchor", "middle"},
                   {"transform", "rotate(-90 " + px(title_x) + " " + px(title_y) + ")"}},
          title);
  svg.close();
  return scale;
}

LinearScale draw_bottom_value_axis(SvgDocument& svg, const PlotArea& area, const TickSet& ticks,
                                   std::string_view title, const TickLabeler& label) {
  const LinearScale scale{ticks.min, ticks.max, area.left, area.right()};
  svg.open("g", {{"class", "axis axis-x"}});
  svg.add("line", {{"class", "axis-line"}, {"x1", px(area.left)}, {"x2", px(area.right())},
                   {"y1", px(area.bottom())}, {"y2", px(area.bottom())}});
  for (double tick : ticks.values) {
    const double x = scale.map(tick);
    svg.add("line", {{"class", "axis-line"}, {"x1", px(x)}, {"x2", px(x)}, {"y1", px(area.bottom())},
                     {"y2", px(area.bottom() + kTickLength)}});
    svg.add("text", {{"class", "tick-label"}, {"x", px(x)}, {"y", px(area.bottom() + 18)}, {"text-anchor", "middle"}},
            label(tick));
  }
  svg.add("text", {{"class", "axis-title"}, {"x", px(area.left + area.width / 2)}, {"y", px(area.bottom() + 40)},
                   {"text-anchor", "middle"}},
          title);
  svg.close();
  return scale;
}

void draw_bottom_category_axis(SvgDocument& svg, const PlotArea& area, const std::vector<std::string>& names,
                               std::string_view title) {
  svg.open("g", {{"class", "axis axis-x"}});
  svg.add("line", {{"class", "axis-line"}, {"x1", px(area.left)}, {"x2", px(area.right())},
                   {"y1", px(area.bottom())}, {"y2", px(area.bottom())}});
  const double band = area.width / static_cast<double>(std::max<std::size_t>(1, names.size()));
  for (std::size_t i = 0; i < names.size(); ++i) {
    const double x = area.left + band * (static_cast<double>(i) + 0.5);
    svg.add("text", {{"class", "tick-label"}, {"x", px(x)}, {"y", px(area.bottom() + 18)}, {"text-anchor", "middle"}},
            shorten(names[i], band - 6));
  }
  if (!title.empty()) {
    svg.add("text", {{"class", "axis-title"}, {"x", px(area.left + area.width / 2)}, {"y", px(area.bottom() + 40)},
                     {"text-anchor", "middle"}},
            title);
  }
  svg.close();
}

double draw_legend(SvgDocument& svg, double x, double y, double max_width_px,
                   const std::vector<LegendEntry>& entries) {
  constexpr double kRowHeight = 18;
  constexpr double kMarkWidth = 18;
  constexpr double kGap = 16;
  double cursor_x = x;
  double cursor_y = y;
  svg.open("g", {{"class", "legend"}});
  for (const LegendEntry& entry : entries) {
    const double entry_width = kMarkWidth + 6 + estimated_text_width(entry.label);
    if (cursor_x > x && cursor_x + entry_width > x + max_width_px) {
      cursor_x = x;
      cursor_y += kRowHeight;
    }
    const double mid_y = cursor_y + kRowHeight / 2;
    switch (entry.mark) {
      case LegendMark::swatch:
      case LegendMark::band:
        svg.add("rect", {{"x", px(cursor_x)}, {"y", px(mid_y - 5)}, {"width", px(kMarkWidth)}, {"height", "10"},
                         {"rx", "2"}, {"fill", entry.color},
                         {"fill-opacity", entry.mark == LegendMark::band ? "0.25" : "0.9"}});
        break;
      case LegendMark::line:
      case LegendMark::dashed_line:
        svg.add("line", {{"x1", px(cursor_x)}, {"x2", px(cursor_x + kMarkWidth)}, {"y1", px(mid_y)}, {"y2", px(mid_y)},
                         {"stroke", entry.color}, {"stroke-width", "2.5"},
                         {"stroke-dasharray", entry.mark == LegendMark::dashed_line ? "5 3" : "none"}});
        break;
      case LegendMark::point:
        svg.add("circle", {{"cx", px(cursor_x + kMarkWidth / 2)}, {"cy", px(mid_y)}, {"r", "3.5"},
                           {"fill", entry.color}, {"fill-opacity", "0.6"}});
        break;
    }
    svg.add("text", {{"class", "legend-label"}, {"x", px(cursor_x + kMarkWidth + 6)}, {"y", px(mid_y + 4)}},
            entry.label);
    cursor_x += entry_width + kGap;
  }
  svg.close();
  return cursor_y + kRowHeight - y;
}

std::string error_bar_path(double x_px, double low_px, double high_px) {
  return fmt::format("M{0},{1} H{2} M{3},{1} V{4} M{0},{4} H{2}", px(x_px - 5), px(low_px), px(x_px + 5), px(x_px),
                     px(high_px));
}

std::string render_figure(const Chart& chart) {
  std::string out = "<figure class=\"chart\" data-chart=\"" + escape_xml(chart.name) + "\">\n";
  out += "<div class=\"panels\">";
  for (const std::string& svg : chart.svgs) out += "<div class=\"panel\">" + svg + "</div>";
  out += "</div>\n<figcaption>" + escape_xml(chart.caption) + "</figcaption>\n</figure>\n";
  return out;
}

}  // namespace cerebro::report
