#include "report/charts_fit.hpp"

#include <algorithm>
#include <cmath>

#include "report/number_format.hpp"

namespace cerebro::report {
namespace {

constexpr double kWideWidth = 920;
constexpr double kWideHeight = 380;

// Week ticks fall on whole weeks, every 1, 2, 4, 13, 26 or 52 weeks, so labels
// land on quarters and years of data when the series is long.
std::vector<int> week_ticks(int first, int last) {
  constexpr int kSteps[] = {1, 2, 4, 8, 13, 26, 52, 104, 208};
  constexpr int kMaxTicks = 7;
  int step = kSteps[0];
  for (int candidate : kSteps) {
    step = candidate;
    if ((last - first) / candidate + 1 <= kMaxTicks) break;
  }
  std::vector<int> ticks;
  for (int week = first; week <= last; week += step) ticks.push_back(week);
  return ticks;
}

LinearScale draw_week_axis(SvgDocument& svg, const PlotArea& area, const std::vector<std::string>& weeks, int first,
                           int last) {
  const LinearScale scale{static_cast<double>(first), static_cast<double>(std::max(last, first + 1)), area.left,
                          area.right()};
  svg.open("g", {{"class", "axis axis-x"}});
  svg.add("line", {{"class", "axis-line"}, {"x1", px(area.left)}, {"x2", px(area.right())},
                   {"y1", px(area.bottom())}, {"y2", px(area.bottom())}});
  for (int week : week_ticks(first, last)) {
    const double x = scale.map(week);
    svg.add("line", {{"class", "axis-line"}, {"x1", px(x)}, {"x2", px(x)}, {"y1", px(area.bottom())},
                     {"y2", px(area.bottom() + 4)}});
    svg.add("text", {{"class", "tick-label"}, {"x", px(x)}, {"y", px(area.bottom() + 18)}, {"text-anchor", "middle"}},
            weeks[static_cast<std::size_t>(week)]);
  }
  svg.add("text", {{"class", "axis-title"}, {"x", px(area.left + area.width / 2)}, {"y", px(area.bottom() + 40)},
                   {"text-anchor", "middle"}},
          "Week starting");
  svg.close();
  return scale;
}

// Builds an SVG path through (x, y) pairs.
std::string line_path(const std::vector<std::pair<double, double>>& points) {
  std::string d;
  for (std::size_t i = 0; i < points.size(); ++i) {
    d += (i == 0 ? "M" : " L") + px(points[i].first) + "," + px(points[i].second);
  }
  return d;
}

// Shades the holdout weeks and labels them, between the last training week
// and the last week.
void draw_holdout_region(SvgDocument& svg, const PlotArea& area, const LinearScale& x, const ModelFitView& view,
                         int last) {
  if (view.first_holdout_week > last) return;
  const double start = x.map(std::max(view.first_week, view.first_holdout_week) - 0.5);
  const double end = area.right();
  svg.add("rect", {{"class", "holdout"}, {"x", px(std::max(area.left, start))}, {"y", px(area.top)},
                   {"width", px(std::max(0.0, end - std::max(area.left, start)))}, {"height", px(area.height)}});
  svg.add("text", {{"class", "region-label"}, {"x", px(end - 6)}, {"y", px(area.top + 14)}, {"text-anchor", "end"}},
          "holdout");
}

std::string kpi_axis_title(const fit::FitResult& fit) { return axis_title(fit.kpi_name, fit.kpi_unit); }

}  // namespace

Chart contribution_chart(const fit::FitResult& fit, const ModelFitView& view) {
  const int first = view.first_week;
  const int last = static_cast<int>(fit.weeks.size()) - 1;
  const std::string unit = fit.kpi_unit;

  // Band edges per week: baseline, then each media's positive contribution on top.
  std::vector<std::vector<double>> tops(fit.media.size());
  std::vector<double> values{0.0, view.baseline};
  for (int week = first; week <= last; ++week) {
    double level = view.baseline;
    for (std::size_t m = 0; m < fit.media.size(); ++m) {
      const double value = fit.media[m].contribution[static_cast<std::size_t>(week)];
      level += std::isfinite(value) ? std::max(0.0, value) : 0.0;
      tops[m].push_back(level);
    }
    values.push_back(level);
    values.push_back(view.kpi[static_cast<std::size_t>(week)]);
  }

  const std::string title = "Contribution to " + fit.kpi_name + " by media, per week";
  SvgDocument svg(kWideWidth, kWideHeight, title,
                  "Stacked areas: the baseline at the bottom, then each media's weekly contribution; the dark line "
                  "is the KPI with declared level shifts removed.");
  const PlotArea area = plot_area(kWideWidth, kWideHeight, Margins{});
  const TickSet y_ticks = nice_ticks_for(values, true);
  const LinearScale y = draw_left_value_axis(svg, area, y_ticks, kpi_axis_title(fit),
                                             [&y_ticks](double v) { return format_tick(v, y_ticks.step); });
  const LinearScale x = draw_week_axis(svg, area, fit.weeks, first, last);

  auto band = [&](const std::vector<double>& lower, const std::vector<double>& upper) {
    std::string d;
    for (std::size_t i = 0; i < upper.size(); ++i) {
      d += (i == 0 ? "M" : " L") + px(x.map(first + static_cast<double>(i))) + "," + px(y.map(upper[i]));
    }
    for (std::size_t i = lower.size(); i-- > 0;) {
      d += " L" + px(x.map(first + static_cast<double>(i))) + "," + px(y.map(lower[i]));
    }
    return d + " Z";
  };

  const std::size_t count = static_cast<std::size_t>(last - first + 1);
  std::vector<double> lower(count, 0.0);
  std::vector<double> upper(count, view.baseline);
  svg.open("g", {{"class", "bands"}});
  svg.add("path", {{"d", band(lower, upper)}, {"fill", std::string(kBaselineColor)}, {"data-series", "baseline"}});
  for (std::size_t m = 0; m < fit.media.size(); ++m) {
    lower = upper;
    upper = tops[m];
    svg.add("path", {{"d", band(lower, upper)}, {"fill", series_color(m)}, {"fill-opacity", "0.85"},
                     {"data-series", fit.media[m].name}});
  }
  svg.close();

  std::vector<std::pair<double, double>> kpi_points;
  for (int week = first; week <= last; ++week) {
    kpi_points.emplace_back(x.map(week), y.map(view.kpi[static_cast<std::size_t>(week)]));
  }
  svg.add("path", {{"class", "kpi-line"}, {"d", line_path(kpi_points)}, {"fill", "none"},
                   {"stroke", std::string(kInkColor)}, {"stroke-width", "1.6"}});

  std::vector<LegendEntry> legend{{"Baseline", std::string(kBaselineColor), LegendMark::swatch}};
  for (std::size_t m = 0; m < fit.media.size(); ++m) legend.push_back({fit.media[m].name, series_color(m)});
  legend.push_back({fit.kpi_name, std::string(kInkColor), LegendMark::line});
  draw_legend(svg, area.left, 8, area.width, legend);

  return Chart{"contribution",
               "Weekly " + fit.kpi_name + " decomposed into the baseline (" + format_quantity(view.baseline, unit) +
                   " per week, the lowest of the media baselines) and each media's contribution, over the " +
                   std::to_string(count) + " weeks after the " + std::to_string(fit.warmup_weeks) +
                   "-week adstock warm-up.",
               {svg.finish()}};
}

Chart actual_vs_fitted_chart(const fit::FitResult& fit, const ModelFitView& view) {
  const int first = view.first_week;
  const int last = static_cast<int>(fit.weeks.size()) - 1;
  const std::string unit = fit.kpi_unit;

  std::vector<double> values;
  for (int week = first; week <= last; ++week) {
    values.push_back(view.kpi[static_cast<std::size_t>(week)]);
    values.push_back(view.fitted[static_cast<std::size_t>(week)]);
  }
  const std::string title = fit.kpi_name + ": actual vs fitted, per week";
  SvgDocument svg(kWideWidth, kWideHeight, title,
                  "The KPI and the model's fitted value (baseline plus the sum of media contributions) per week; the "
                  "shaded weeks on the right are the holdout, not used to fit the curves.");
  const PlotArea area = plot_area(kWideWidth, kWideHeight, Margins{});
  const TickSet y_ticks = nice_ticks_for(values, false);
  const LinearScale y = draw_left_value_axis(svg, area, y_ticks, kpi_axis_title(fit),
                                             [&y_ticks](double v) { return format_tick(v, y_ticks.step); });
  const LinearScale x = draw_week_axis(svg, area, fit.weeks, first, last);
  draw_holdout_region(svg, area, x, view, last);

  std::vector<std::pair<double, double>> actual, fitted;
  for (int week = first; week <= last; ++week) {
    actual.emplace_back(x.map(week), y.map(view.kpi[static_cast<std::size_t>(week)]));
    fitted.emplace_back(x.map(week), y.map(view.fitted[static_cast<std::size_t>(week)]));
  }
  svg.add("path", {{"d", line_path(actual)}, {"fill", "none"}, {"stroke", std::string(kInkColor)},
                   {"stroke-width", "1.8"}, {"data-series", "actual"}});
  svg.add("path", {{"d", line_path(fitted)}, {"fill", "none"}, {"stroke", series_color(0)}, {"stroke-width", "2"},
                   {"stroke-dasharray", "6 3"}, {"data-series", "fitted"}});
  draw_legend(svg, area.left, 8, area.width,
              {{"Actual " + fit.kpi_name, std::string(kInkColor), LegendMark::line},
               {"Fitted: baseline + contributions", series_color(0), LegendMark::dashed_line},
               {"Holdout weeks", "#f2c14e", LegendMark::band}});

  std::string caption = "Holdout (" + std::to_string(view.holdout.weeks) +
                        " weeks): mean absolute error " + format_quantity(view.holdout.mae, unit);
  if (view.holdout.mape) caption += ", mean absolute percentage error " + format_percent(*view.holdout.mape);
  if (view.training) {
    caption += ". Training (" + std::to_string(view.training->weeks) + " weeks): mean absolute error " +
               format_quantity(view.training->mae, unit);
  }
  caption += ".";
  return Chart{"actual-vs-fitted", caption, {svg.finish()}};
}

std::optional<std::pair<double, double>> effect_share_range(const fit::MediaResult& media) {
  if (!media.uncertainty || !(media.total_contribution > 0)) return std::nullopt;
  const fit::Interval& range = media.uncertainty->total_contribution;
  const double share_per_unit = media.effect_share / media.total_contribution;
  return std::pair{std::max(0.0, range.p05 * share_per_unit), std::max(0.0, range.p95 * share_per_unit)};
}

Chart spend_effect_share_chart(const fit::FitResult& fit) {
  constexpr double kHeight = 340;
  const double width = std::min(kWideWidth, 220.0 + 150.0 * static_cast<double>(fit.media.size()));
  SvgDocument svg(width, kHeight, "Spend share vs effect share per media",
                  "For each media, the share of total spend next to its share of the total attributed effect; whiskers "
                  "on the effect bars show the bootstrap 5th-95th percentile range where available.");
  const PlotArea area = plot_area(width, kHeight, Margins{});

  std::vector<double> values{0.0};
  std::vector<std::string> names;
  for (const auto& media : fit.media) {
    names.push_back(media.name);
    values.push_back(media.spend_share);
    values.push_back(media.effect_share);
    if (auto range = effect_share_range(media)) values.push_back(range->second);
  }
  const TickSet y_ticks = nice_ticks_for(values, true);
  const LinearScale y = draw_left_value_axis(svg, area, y_ticks, "Share of total (%)",
                                             [](double v) { return format_percent(v, 0); });
  draw_bottom_category_axis(svg, area, names, "Media");

  const std::string spend_color = "#9aa5b1";
  const std::string effect_color = series_color(1);
  const double band = area.width / static_cast<double>(fit.media.size());
  const double bar = std::min(44.0, band * 0.32);
  for (std::size_t m = 0; m < fit.media.size(); ++m) {
    const auto& media = fit.media[m];
    const double center = area.left + band * (static_cast<double>(m) + 0.5);
    const std::pair<double, std::string> bars[] = {{media.spend_share, spend_color},
                                                   {media.effect_share, effect_color}};
    for (int k = 0; k < 2; ++k) {
      const double left = center + (k == 0 ? -bar - 2 : 2);
      const double top = y.map(std::max(0.0, bars[k].first));
      const double bottom = y.map(std::min(0.0, bars[k].first));
      svg.add("rect", {{"x", px(left)}, {"y", px(top)}, {"width", px(bar)}, {"height", px(std::max(0.5, bottom - top))},
                       {"fill", bars[k].second}, {"data-series", k == 0 ? "spend_share" : "effect_share"}});
      svg.add("text", {{"class", "value-label"}, {"x", px(left + bar / 2)}, {"y", px(top - 5)},
                       {"text-anchor", "middle"}},
              format_percent(bars[k].first, 0));
    }
    if (auto range = effect_share_range(media)) {
      const double x = center + 2 + bar / 2;
      const double low = y.map(range->first), high = y.map(range->second);
      svg.add("path", {{"class", "error-bar"}, {"d", error_bar_path(x, low, high)}});
    }
  }
  std::vector<LegendEntry> legend{{"Spend share", spend_color}, {"Effect share", effect_color}};
  if (std::any_of(fit.media.begin(), fit.media.end(), [](const auto& m) { return m.uncertainty.has_value(); })) {
    legend.push_back({"5th-95th percentile", std::string(kInkColor), LegendMark::line});
  }
  draw_legend(svg, area.left, 8, area.width, legend);

  return Chart{"spend-effect-share",
               "A media whose effect share exceeds its spend share returned more KPI per unit of spend than the "
               "program's average; shares are over the weeks after warm-up, and negative contributions count as 0.",
               {svg.finish()}};
}

}  // namespace cerebro::report
