#include "report/charts_simulation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include "report/fit_view.hpp"
#include "report/number_format.hpp"

namespace cerebro::report {
namespace {

constexpr double kHeight = 340;
constexpr double kPi = 3.14159265358979323846;

// Colours follow the fit's media order so a media has one colour everywhere.
std::size_t media_index(const fit::FitResult& fit, const std::string& name) {
  for (std::size_t m = 0; m < fit.media.size(); ++m) {
    if (fit.media[m].name == name) return m;
  }
  return fit.media.size();
}

// Returns the common spend unit of the simulated media, or "" when they differ.
std::string spend_unit(const simulate::SimulationResult& simulation, const fit::FitResult& fit) {
  std::set<std::string> units;
  for (const auto& media : simulation.media) {
    const std::size_t m = media_index(fit, media.name);
    units.insert(m < fit.media.size() ? spend_unit_label(fit.media[m]) : "");
  }
  return units.size() == 1 ? *units.begin() : "";
}

double chart_width(std::size_t media_count) { return std::min(920.0, 220.0 + 150.0 * static_cast<double>(media_count)); }

}  // namespace

Chart marginal_roi_chart(const simulate::SimulationResult& simulation, const fit::FitResult& fit) {
  std::vector<const simulate::MediaRecommendation*> sorted;
  for (const auto& media : simulation.media) sorted.push_back(&media);
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->marginal_roi > b->marginal_roi; });

  const double width = chart_width(sorted.size());
  SvgDocument svg(width, kHeight, "Marginal ROI per media at current spend",
                  "Bars of the extra KPI per extra unit of weekly spend at current spend, largest first.");
  const PlotArea area = plot_area(width, kHeight, Margins{});
  std::vector<double> values{0.0};
  std::vector<std::string> names;
  for (const auto* media : sorted) {
    names.push_back(media->name);
    values.push_back(media->marginal_roi);
    if (media->marginal_roi_range) {
      values.push_back(media->marginal_roi_range->p05);
      values.push_back(media->marginal_roi_range->p95);
    }
  }
  const TickSet y_ticks = nice_ticks_for(values, true);
  const LinearScale y = draw_left_value_axis(svg, area, y_ticks, "Marginal ROI (" + fit.kpi_unit + " per unit spend)",
                                             [&y_ticks](double v) { return format_tick(v, y_ticks.step); });
  draw_bottom_category_axis(svg, area, names, "Media, by marginal ROI");
  const double band = area.width / static_cast<double>(std::max<std::size_t>(1, sorted.size()));
  const double bar = std::min(56.0, band * 0.5);
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    const auto& media = *sorted[i];
    const double center = area.left + band * (static_cast<double>(i) + 0.5);
    const double top = y.map(std::max(0.0, media.marginal_roi));
    const double bottom = y.map(std::min(0.0, media.marginal_roi));
    svg.add("rect", {{"x", px(center - bar / 2)}, {"y", px(top)}, {"width", px(bar)},
                     {"height", px(std::max(0.5, bottom - top))}, {"fill", series_color(media_index(fit, media.name))}});
    svg.add("text", {{"class", "value-label"}, {"x", px(center)}, {"y", px(top - 5)}, {"text-anchor", "middle"}},
            format_number(media.marginal_roi));
    if (media.marginal_roi_range) {
      const double low = y.map(media.marginal_roi_range->p05), high = y.map(media.marginal_roi_range->p95);
      svg.add("path", {{"class", "error-bar"}, {"d", error_bar_path(center, low, high)}});
    }
  }
  return Chart{"marginal-roi",
               "Marginal ROI is the slope of the steady-state response at current spend: the KPI gained per extra "
               "unit of weekly spend. Budget moves from low to high bars, within the per-media cap of " +
                   format_percent(simulation.max_change, 0) + ".",
               {svg.finish()}};
}

Chart current_vs_proposed_chart(const simulate::SimulationResult& simulation, const fit::FitResult& fit) {
  const double width = chart_width(simulation.media.size());
  const std::string unit = spend_unit(simulation, fit);
  SvgDocument svg(width, kHeight, "Current vs proposed weekly spend per media",
                  "For each media, the mean weekly spend of the current window next to the recommended weekly spend.");
  const PlotArea area = plot_area(width, kHeight, Margins{});
  std::vector<double> values{0.0};
  std::vector<std::string> names;
  for (const auto& media : simulation.media) {
    names.push_back(media.name);
    values.push_back(media.current_spend);
    values.push_back(media.recommended_spend);
  }
  const TickSet y_ticks = nice_ticks_for(values, true);
  const LinearScale y = draw_left_value_axis(svg, area, y_ticks,
                                             axis_title("Spend per week", unit.empty() ? "input units" : unit),
                                             [&y_ticks](double v) { return format_tick(v, y_ticks.step); });
  draw_bottom_category_axis(svg, area, names, "Media");
  const std::string current_color = "#9aa5b1";
  const std::string proposed_color = series_color(0);
  const double band = area.width / static_cast<double>(std::max<std::size_t>(1, simulation.media.size()));
  const double bar = std::min(44.0, band * 0.32);
  for (std::size_t i = 0; i < simulation.media.size(); ++i) {
    const auto& media = simulation.media[i];
    const double center = area.left + band * (static_cast<double>(i) + 0.5);
    const std::pair<double, std::string> bars[] = {{media.current_spend, current_color},
                                                   {media.recommended_spend, proposed_color}};
    for (int k = 0; k < 2; ++k) {
      const double left = center + (k == 0 ? -bar - 2 : 2);
      const double top = y.map(std::max(0.0, bars[k].first));
      svg.add("rect", {{"x", px(left)}, {"y", px(top)}, {"width", px(bar)},
                       {"height", px(std::max(0.5, y.map(0) - top))}, {"fill", bars[k].second}});
    }
    const std::string change = fmt::format("{}{}", media.change_fraction > 0 ? "+" : "", format_percent(media.change_fraction, 0));
    svg.add("text", {{"class", "value-label"}, {"x", px(center + 2 + bar / 2)},
                     {"y", px(y.map(std::max(0.0, media.recommended_spend)) - 5)}, {"text-anchor", "middle"}},
            change);
  }
  draw_legend(svg, area.left, 8, area.width,
              {{"Current (mean of last " + std::to_string(simulation.current_weeks) + " weeks)", current_color},
               {"Proposed", proposed_color}});
  return Chart{"current-vs-proposed",
               "Labels give each media's proposed change; no media moves more than " +
                   format_percent(simulation.max_change, 0) + " from its current spend in one period.",
               {svg.finish()}};
}

Chart allocation_chart(const simulate::SimulationResult& simulation, const fit::FitResult& fit) {
  // Wide enough for legend rows that carry long media names, share and spend.
  constexpr double kWidth = 920;
  const std::string unit = spend_unit(simulation, fit);
  SvgDocument svg(kWidth, kHeight, "Proposed allocation of weekly spend",
                  "A pie of the recommended weekly spend, one slice per media, labelled with its share.");
  double total = 0;
  for (const auto& media : simulation.media) total += std::max(0.0, media.recommended_spend);

  const double cx = 170, cy = kHeight / 2 + 6, radius = 130;
  std::vector<LegendEntry> legend;
  double angle = -kPi / 2;  // start at twelve o'clock
  for (const auto& media : simulation.media) {
    const std::string color = series_color(media_index(fit, media.name));
    const double share = total > 0 ? std::max(0.0, media.recommended_spend) / total : 0;
    legend.push_back({media.name + ": " + format_percent(share) + " (" + format_quantity(media.recommended_spend, unit) +
                          ")",
                      color});
    if (share <= 0) continue;
    if (share >= 0.9999) {
      svg.add("circle", {{"cx", px(cx)}, {"cy", px(cy)}, {"r", px(radius)}, {"fill", color}});
      continue;
    }
    const double end = angle + share * 2 * kPi;
    const std::string d =
        fmt::format("M{},{} L{},{} A{},{} 0 {} 1 {},{} Z", px(cx), px(cy), px(cx + radius * std::cos(angle)),
                    px(cy + radius * std::sin(angle)), px(radius), px(radius), share > 0.5 ? 1 : 0,
                    px(cx + radius * std::cos(end)), px(cy + radius * std::sin(end)));
    svg.add("path", {{"d", d}, {"fill", color}, {"stroke", "#ffffff"}, {"stroke-width", "1.5"}});
    if (share >= 0.05) {
      const double middle = 0.5 * (angle + end);
      svg.add("text", {{"class", "slice-label"}, {"x", px(cx + radius * 0.62 * std::cos(middle))},
                       {"y", px(cy + radius * 0.62 * std::sin(middle) + 4)}, {"text-anchor", "middle"}},
              format_percent(share, 0));
    }
    angle = end;
  }
  // The legend doubles as the pie's labels, listed to the right.
  double y = 40;
  for (const auto& entry : legend) {
    y += draw_legend(svg, 330, y, kWidth - 340, {entry}) + 4;
  }
  std::string caption = "Shares of the proposed total of " + format_quantity(simulation.totals.recommended_spend, unit) +
                        " per week.";
  if (unit.empty()) caption += " The media's spend units differ, so the shares add unlike units.";
  return Chart{"allocation", caption, {svg.finish()}};
}

}  // namespace cerebro::report
