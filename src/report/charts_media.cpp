#include "report/charts_media.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/number_format.hpp"
#include "transform/response_curve.hpp"

namespace cerebro::report {
namespace {

constexpr double kPanelWidth = 450;
constexpr double kCurveHeight = 370;  // room for a two-row legend above the plot
constexpr double kDecayHeight = 250;
constexpr int kCurveSamples = 120;

std::string curve_label(transform::CurveKind kind) {
  return kind == transform::CurveKind::concave ? "Concave (power)" : "Hill";
}

std::vector<std::pair<double, double>> sample_curve(const transform::CurveParameters& curve, double max_adstock) {
  std::vector<std::pair<double, double>> points;
  for (int i = 0; i <= kCurveSamples; ++i) {
    const double adstock = max_adstock * i / kCurveSamples;
    points.emplace_back(adstock, transform::evaluate_response(curve, adstock));
  }
  return points;
}

std::string path_through(const std::vector<std::pair<double, double>>& points, const LinearScale& x,
                         const LinearScale& y) {
  std::string d;
  for (std::size_t i = 0; i < points.size(); ++i) {
    d += (i == 0 ? "M" : " L") + px(x.map(points[i].first)) + "," + px(y.map(points[i].second));
  }
  return d;
}

std::string response_panel(const fit::FitResult& fit, const ModelFitView& view, std::size_t index) {
  const fit::MediaResult& media = fit.media[index];
  const std::string color = series_color(index);
  const transform::CurveKind other_kind =
      media.selected_curve == transform::CurveKind::concave ? transform::CurveKind::hill : transform::CurveKind::concave;
  const auto selected = curve_parameters(media, media.selected_curve);
  const auto other = curve_parameters(media, other_kind);

  // Points of the weeks after warm-up.
  std::vector<double> xs{0.0}, ys{0.0};
  struct Point {
    double adstock, above_baseline;
    bool holdout;
  };
  std::vector<Point> points;
  for (std::size_t week = static_cast<std::size_t>(view.first_week); week < fit.weeks.size(); ++week) {
    const double adstock = media.adstock[week];
    const double above = view.kpi[week] - media.baseline;
    if (!std::isfinite(adstock) || !std::isfinite(above)) continue;
    points.push_back({adstock, above, static_cast<int>(week) >= view.first_holdout_week});
    xs.push_back(adstock);
    ys.push_back(above);
  }
  const double max_adstock = std::max(*std::max_element(xs.begin(), xs.end()), 0.0);
  const double curve_end = max_adstock > 0 ? max_adstock * 1.05 : 1.0;

  std::vector<std::pair<double, double>> selected_points, other_points, band_low, band_high;
  if (selected) {
    selected_points = sample_curve(*selected, curve_end);
    // The band scales the selected curve by the bootstrap range of the total
    // contribution relative to its point value. Hill's beta alone is a poor
    // guide: when the half-saturation point lies beyond the data, beta is
    // barely identified and its range runs far past anything observed.
    if (media.uncertainty && media.total_contribution > 0) {
      const fit::Interval& total = media.uncertainty->total_contribution;
      auto low = *selected, high = *selected;
      low.beta *= std::max(total.p05, 0.0) / media.total_contribution;
      high.beta *= std::max(total.p95, 0.0) / media.total_contribution;
      band_low = sample_curve(low, curve_end);
      band_high = sample_curve(high, curve_end);
    }
  }
  if (other) other_points = sample_curve(*other, curve_end);
  for (const auto* series : {&selected_points, &other_points, &band_low, &band_high}) {
    for (const auto& point : *series) ys.push_back(point.second);
  }

  const std::string title = media.name + ": response curve";
  SvgDocument svg(kPanelWidth, kCurveHeight, title,
                  "Weekly " + fit.kpi_name + " above this media's baseline against its adstock, with the selected " +
                      curve_label(media.selected_curve) + " curve solid and the other curve dashed.");
  svg.add("text", {{"class", "panel-title"}, {"x", "12"}, {"y", "18"}}, media.name);
  // The legend goes first because its wrapped height sets the plot's top margin.
  std::vector<LegendEntry> legend{{"Weekly points (hollow: holdout)", color, LegendMark::point},
                                  {curve_label(media.selected_curve) + " (selected)", color, LegendMark::line}};
  if (other) legend.push_back({curve_label(other_kind), std::string(kMutedColor), LegendMark::dashed_line});
  if (!band_low.empty()) legend.push_back({"contribution 5th-95th pct.", color, LegendMark::band});
  const double legend_height = draw_legend(svg, 12, 24, kPanelWidth - 24, legend);
  Margins margins;
  margins.top = 24 + legend_height + 12;
  const PlotArea area = plot_area(kPanelWidth, kCurveHeight, margins);
  const TickSet x_ticks = nice_ticks_for(xs, true, 4);
  const TickSet y_ticks = nice_ticks_for(ys, true, 5);
  const LinearScale y = draw_left_value_axis(svg, area, y_ticks, axis_title("KPI above baseline", fit.kpi_unit),
                                             [&y_ticks](double v) { return format_tick(v, y_ticks.step); });
  const LinearScale x = draw_bottom_value_axis(svg, area, x_ticks, axis_title("Adstock", spend_unit_label(media)),
                                               [&x_ticks](double v) { return format_tick(v, x_ticks.step); });

  // Curves may leave the plot (a dashed curve far off the data); clip them.
  const std::string clip_id = "clip-curve-" + std::to_string(index);
  svg.open("clipPath", {{"id", clip_id}});
  svg.add("rect", {{"x", px(area.left)}, {"y", px(area.top)}, {"width", px(area.width)}, {"height", px(area.height)}});
  svg.close();
  svg.open("g", {{"clip-path", "url(#" + clip_id + ")"}});
  if (!band_low.empty()) {
    std::string d = path_through(band_high, x, y);
    for (std::size_t i = band_low.size(); i-- > 0;) {
      d += " L" + px(x.map(band_low[i].first)) + "," + px(y.map(band_low[i].second));
    }
    svg.add("path", {{"d", d + " Z"}, {"fill", color}, {"fill-opacity", "0.18"}, {"data-series", "band"}});
  }
  for (const Point& point : points) {
    svg.add("circle", {{"cx", px(x.map(point.adstock))}, {"cy", px(y.map(point.above_baseline))}, {"r", "3"},
                       {"fill", point.holdout ? "#ffffff" : color}, {"fill-opacity", point.holdout ? "1" : "0.45"},
                       {"stroke", color}, {"stroke-width", "1"}});
  }
  if (!other_points.empty()) {
    svg.add("path", {{"d", path_through(other_points, x, y)}, {"fill", "none"}, {"stroke", std::string(kMutedColor)},
                     {"stroke-width", "1.8"}, {"stroke-dasharray", "6 4"}, {"data-series", "other-curve"}});
  }
  if (!selected_points.empty()) {
    svg.add("path", {{"d", path_through(selected_points, x, y)}, {"fill", "none"}, {"stroke", color},
                     {"stroke-width", "2.5"}, {"data-series", "selected-curve"}});
  }
  svg.close();

  return svg.finish();
}

std::string decay_panel(const fit::MediaResult& media, std::size_t index) {
  const std::string rate = fmt::format("{:.2f}", media.decay_rate);
  const std::string label = "λ = " + rate + (media.decay_rate_auto ? " (chosen by holdout error)" : " (set in the spec)");
  SvgDocument svg(kPanelWidth, kDecayHeight, media.name + ": adstock weights, decay rate " + rate,
                  "Bars of the weight decay_rate^i that spend from i weeks earlier carries into this week, for i = 0 to " +
                      std::to_string(media.window_weeks) + ".");
  svg.add("text", {{"class", "panel-title"}, {"x", "12"}, {"y", "18"}}, media.name);
  svg.add("text", {{"class", "panel-subtitle"}, {"x", "12"}, {"y", "36"}}, label);
  Margins margins;
  margins.top = 48;
  const PlotArea area = plot_area(kPanelWidth, kDecayHeight, margins);
  const TickSet y_ticks = nice_ticks(0, 1, 4);
  const LinearScale y = draw_left_value_axis(svg, area, y_ticks, "Weight",
                                             [&y_ticks](double v) { return format_tick(v, y_ticks.step); });
  std::vector<std::string> lags;
  for (int i = 0; i <= media.window_weeks; ++i) lags.push_back(std::to_string(i));
  draw_bottom_category_axis(svg, area, lags, "Weeks since spend");

  const double band = area.width / static_cast<double>(lags.size());
  for (int i = 0; i <= media.window_weeks; ++i) {
    const double weight = std::pow(media.decay_rate, i);
    const double top = y.map(weight);
    svg.add("rect", {{"x", px(area.left + band * i + band * 0.15)}, {"y", px(top)}, {"width", px(band * 0.7)},
                     {"height", px(std::max(0.5, area.bottom() - top))}, {"fill", series_color(index)},
                     {"data-lag", std::to_string(i)}});
  }
  return svg.finish();
}

}  // namespace

Chart response_curves_chart(const fit::FitResult& fit, const ModelFitView& view) {
  Chart chart{"response-curves",
              "Each point is one week after warm-up: the media's adstock against the KPI above that media's "
              "baseline. The solid line is the curve chosen by lower holdout error, the dashed line the other "
              "fitted curve.",
              {}};
  for (std::size_t m = 0; m < fit.media.size(); ++m) chart.svgs.push_back(response_panel(fit, view, m));
  return chart;
}

Chart adstock_decay_chart(const fit::FitResult& fit) {
  Chart chart{"adstock-decay",
              "The share of a week's spend still working i weeks later under geometric adstock; the weights are "
              "decay_rate^i, summed over the window to form each week's adstock.",
              {}};
  for (std::size_t m = 0; m < fit.media.size(); ++m) chart.svgs.push_back(decay_panel(fit.media[m], m));
  return chart;
}

}  // namespace cerebro::report
