#include "report/report_style.hpp"

namespace cerebro::report {

// System font stacks only: the report must render offline, with nothing fetched.
const std::string_view kReportCss = R"css(
:root { --ink: #1f2933; --muted: #5f6b7a; --rule: #e3e7ec; --accent: #4e79a7; --paper: #ffffff; --wash: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--wash); color: var(--ink);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1000px; margin: 0 auto; padding: 32px 24px 64px; background: var(--paper); }
header { border-bottom: 3px solid var(--ink); padding-bottom: 16px; margin-bottom: 24px; }
header .eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); margin: 0; }
h1 { font-size: 28px; line-height: 1.2; margin: 4px 0 8px; }
h2 { font-size: 21px; margin: 40px 0 8px; padding-top: 8px; border-top: 1px solid var(--rule); }
h3 { font-size: 16px; margin: 24px 0 6px; }
p { margin: 6px 0 12px; }
.meta { color: var(--muted); font-size: 14px; margin: 0; }
.banner { border-left: 5px solid #d97706; background: #fff7e6; padding: 12px 16px; margin: 16px 0; }
.banner strong { color: #92400e; }
.findings { background: var(--wash); border: 1px solid var(--rule); border-radius: 6px; padding: 12px 20px; }
.findings li { margin: 6px 0; }
.headline { display: flex; gap: 16px; flex-wrap: wrap; margin: 12px 0 20px; }
.headline div { flex: 1 1 200px; border: 1px solid var(--rule); border-radius: 6px; padding: 12px 16px; }
.headline .value { font-size: 26px; font-weight: 650; display: block; }
.headline .label { font-size: 13px; color: var(--muted); }
figure.chart { margin: 20px 0 28px; }
figure.chart .panels { display: flex; flex-wrap: wrap; gap: 12px 20px; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 13px; color: var(--muted); margin-top: 6px; max-width: 860px; }
.table-wrap { overflow-x: auto; margin: 8px 0 16px; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
td { overflow-wrap: anywhere; }
th { font-weight: 600; border-bottom: 2px solid var(--ink); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.verdict { font-weight: 700; letter-spacing: .04em; }
.verdict.pass { color: #2f7d32; }
.verdict.block { color: #b42318; }
footer { margin-top: 48px; font-size: 12px; color: var(--muted); border-top: 1px solid var(--rule); padding-top: 12px; }
code { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
svg .tick-label { font-size: 11.5px; fill: var(--muted); }
svg .axis-title { font-size: 12.5px; font-weight: 600; }
svg .legend-label { font-size: 12px; }
svg .panel-title { font-size: 14px; font-weight: 650; }
svg .panel-subtitle { font-size: 12px; fill: var(--muted); }
svg .value-label { font-size: 11px; fill: var(--muted); }
svg .slice-label { font-size: 12px; font-weight: 650; fill: #ffffff; }
svg .region-label { font-size: 11px; fill: #8a6d1d; }
svg .grid { stroke: #edf0f3; stroke-width: 1; }
svg .zero-line { stroke: #9aa5b1; stroke-width: 1; }
svg .axis-line { stroke: #9aa5b1; stroke-width: 1; }
svg .holdout { fill: #f2c14e; fill-opacity: .16; }
svg .error-bar { stroke: var(--ink); stroke-width: 1.4; fill: none; }
@media print { body { background: #fff; } main { padding: 0; } h2 { break-before: auto; } figure { break-inside: avoid; } }
)css";

}  // namespace cerebro::report
