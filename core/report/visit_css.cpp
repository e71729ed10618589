#include "report/visit_css.hpp"

namespace runback {

// Colours that stay apart for the common colour-vision deficiencies (Okabe-Ito), and shapes
// that differ too, so a black-and-white print still tells the series apart.
const char* const kVisitCss = R"css(
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, "DejaVu Sans", sans-serif; color: #1b1b1b; background: #fff;
  max-width: 820px; margin: 24px auto; padding: 0 16px; }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.2em; margin: 28px 0 8px; border-bottom: 1px solid #ccc; padding-bottom: 2px; }
.meta { color: #444; margin: 0; }
figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { color: #333; font-size: 0.92em; margin-top: 4px; }
svg { display: block; width: 100%; height: auto; }
svg text { font-family: system-ui, "DejaVu Sans", sans-serif; font-size: 11px; fill: #333; }
svg .axis-label { font-size: 12px; font-weight: 600; }
svg .legend { font-size: 11px; }
svg .empty { font-size: 13px; fill: #666; }
.grid { stroke: #e4e4e4; stroke-width: 1; }
.axis { stroke: #555; stroke-width: 1; }
.s-during { fill: #0072b2; stroke: #0072b2; }
.s-after { fill: #e69f00; stroke: #e69f00; }
.s-morning { fill: #009e73; stroke: #009e73; }
.s-answer { fill: #56b4e9; stroke: #0072b2; }
svg polyline.trend { fill: none; stroke-width: 1.5; opacity: 0.7; }
.limit { stroke: #d55e00; stroke-width: 1.5; stroke-dasharray: 6 4; fill: none; }
svg .limit-label { fill: #a04000; font-weight: 600; }
.stage-line { fill: none; stroke: #444; stroke-width: 2; }
.d-keep { fill: #999; stroke: #fff; stroke-width: 1; }
.d-advance { fill: #009e73; stroke: #fff; stroke-width: 1; }
.d-repeat { fill: #e69f00; stroke: #fff; stroke-width: 1; }
.d-back { fill: #d55e00; stroke: #fff; stroke-width: 1; }
.d-stop { fill: #b00020; stroke: #fff; stroke-width: 1; }
.d-resume { fill: #0072b2; stroke: #fff; stroke-width: 1; }
.bar { fill: #56b4e9; stroke: #0072b2; stroke-width: 1; }
svg .bar-label { fill: #1b1b1b; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { text-align: left; vertical-align: top; padding: 4px 6px; border-bottom: 1px solid #ddd; }
th { background: #f3f3f3; }
td.num { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
.rule { color: #555; font-size: 0.9em; }
pre { white-space: pre-wrap; font: 13px/1.4 ui-monospace, "DejaVu Sans Mono", monospace;
  background: #f7f7f7; padding: 8px; border: 1px solid #e2e2e2; }
footer { margin-top: 32px; color: #555; font-size: 0.85em; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  section.chart, figure, tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  pre { background: none; border: 1px solid #bbb; font-size: 9pt; }
}
)css";

}  // namespace runback
