#include "cli/fit_summary.hpp"

#include <fmt/format.h>

namespace cerebro::cli {
namespace {

std::string format_optional(const std::optional<double>& value) {
  return value ? fmt::format("{:.4g}", *value) : std::string("n/a");
}

}  // namespace

std::string format_fit_summary(const fit::FitResult& result) {
  std::string text;
  const std::string first = result.weeks.empty() ? "" : result.weeks[result.warmup_weeks];
  const std::string last = result.weeks.empty() ? "" : result.weeks.back();
  text += fmt::format("KPI {}: {} modeling weeks ({} to {}), {} warm-up, {} training, {} holdout\n",
                      result.kpi_name, result.modeling_weeks, first, last, result.warmup_weeks,
                      result.training_weeks, result.holdout_weeks);
  if (result.directional_only) {
    text += "DIRECTIONAL ONLY: fewer than 60 weeks after warm-up\n";
  }
  text += fmt::format("{:<32} {:>6} {:>8} {:>12} {:>14} {:>14} {:>12}\n", "media", "decay",
                      "curve", "elasticity", "concave MAE", "hill MAE", "hist. ROI");
  for (const fit::MediaResult& media : result.media) {
    std::string roi = format_optional(media.historical_roi);
    if (media.uncertainty) {
      roi += fmt::format(" [{:.3g}, {:.3g}]", media.uncertainty->historical_roi.p05,
                         media.uncertainty->historical_roi.p95);
    }
    text += fmt::format("{:<32} {:>6.2f} {:>8} {:>12} {:>14} {:>14} {:>12}\n", media.name,
                        media.decay_rate, fit::to_string(media.selected_curve),
                        format_optional(media.concave.elasticity),
                        format_optional(media.concave.holdout_mae),
                        format_optional(media.hill.holdout_mae), roi);
  }
  for (const fit::FitWarning& warning : result.warnings) {
    text += fmt::format("warning [{}]{}: {}\n", warning.code,
                        warning.media.empty() ? "" : " " + warning.media, warning.message);
  }
  return text;
}

}  // namespace cerebro::cli
