#pragma once
// The parts every report chart shares: the palette, the plot area, value and
// category axes with unit-bearing titles, the legend, and the <figure> that
// carries a chart's data-chart name and caption.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "report/scale.hpp"
#include "report/svg_document.hpp"

namespace cerebro::report {

// Series colour for the i-th media; the colours repeat after ten media.
const std::string& series_color(std::size_t index);
inline constexpr std::string_view kBaselineColor = "#c9ced6";
inline constexpr std::string_view kInkColor = "#1f2933";
inline constexpr std::string_view kMutedColor = "#6b7480";

// The rectangle inside the margins where data is drawn, in pixels.
struct PlotArea {
  double left = 0, top = 0, width = 0, height = 0;
  double right() const { return left + width; }
  double bottom() const { return top + height; }
};

struct Margins {
  double left = 72, right = 20, top = 44, bottom = 52;
};

PlotArea plot_area(double width_px, double height_px, const Margins& margins);

// Returns an axis title with its unit in brackets, "Adstock (usd)", or the
// bare name when the unit is empty.
std::string axis_title(std::string_view name, std::string_view unit);

using TickLabeler = std::function<std::string(double)>;

// Draws horizontal grid lines, tick labels and the rotated title of a value
// axis on the left of `area`, and returns the scale from data to pixels.
LinearScale draw_left_value_axis(SvgDocument& svg, const PlotArea& area, const TickSet& ticks,
                                 std::string_view title, const TickLabeler& label);

// Draws tick marks, labels and the title of a value axis along the bottom.
LinearScale draw_bottom_value_axis(SvgDocument& svg, const PlotArea& area, const TickSet& ticks,
                                   std::string_view title, const TickLabeler& label);

// Draws category names centred under their bands along the bottom; returns
// nothing because the caller owns the band layout. Long names are shortened
// with an ellipsis so neighbours do not overlap.
void draw_bottom_category_axis(SvgDocument& svg, const PlotArea& area, const std::vector<std::string>& names,
                               std::string_view title);

enum class LegendMark { swatch, line, dashed_line, point, band };

struct LegendEntry {
  std::string label;
  std::string color;
  LegendMark mark = LegendMark::swatch;
};

// Lays the entries out left to right from (x, y), wrapping at `max_width_px`,
// and returns the height used.
double draw_legend(SvgDocument& svg, double x, double y, double max_width_px,
                   const std::vector<LegendEntry>& entries);

// Returns an estimate of the rendered width of `text` at the charts' 12 px
// font, for layout without a font engine.
double estimated_text_width(std::string_view text, double font_px = 12);

// Returns the SVG path of a vertical whisker at `x_px` from `low_px` to
// `high_px`, with 10 px caps.
std::string error_bar_path(double x_px, double low_px, double high_px);

// One finished chart: the name is the data-chart attribute the report checks.
struct Chart {
  std::string name;
  std::string caption;           // shown under the chart; also its text alternative's summary
  std::vector<std::string> svgs;  // one or more panels
};

// Wraps the chart in <figure data-chart="name"> with its panels and a <figcaption>.
std::string render_figure(const Chart& chart);

}  // namespace cerebro::report
