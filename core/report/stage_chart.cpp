// The stage chart: where the runner stood each day, and every decision that moved them or held
// them, its reason on hover.
#include <algorithm>
#include <set>

#include "report/plan_words.hpp"
#include "report/report_charts.hpp"

namespace runback {
namespace {

struct KindStyle {
  DecisionKind kind;
  const char* words;
  const char* css_class;
  Marker shape;
};

constexpr KindStyle kStyles[] = {
    {DecisionKind::keep_going, "good run", "d-keep", Marker::circle},
    {DecisionKind::advance, "advance", "d-advance", Marker::triangle_up},
    {DecisionKind::complete, "complete", "d-advance", Marker::diamond},
    {DecisionKind::repeat, "repeat", "d-repeat", Marker::circle},
    {DecisionKind::step_back, "step back", "d-back", Marker::triangle_down},
    {DecisionKind::stop, "stop", "d-stop", Marker::square},
    {DecisionKind::waiting, "waiting", "d-keep", Marker::circle},
    {DecisionKind::break_back, "back after a break", "d-back", Marker::cross},
    {DecisionKind::resume, "resume (cleared)", "d-resume", Marker::diamond},
};

const KindStyle& style_of(DecisionKind kind) {
  for (const KindStyle& style : kStyles) {
    if (style.kind == kind) return style;
  }
  return kStyles[0];
}

}  // namespace

std::string decision_words(DecisionKind kind) {
  return style_of(kind).words;
}

std::string stage_chart(const VisitReport& report) {
  const PlotArea area = chart_area();
  const DayScale x(report.from, report.to, area);
  const int stages = std::max<int>(1, int(report.stage_titles.size()));
  // Stage 1 at the bottom, the last at the top, half a stage of room on either side.
  const LinearScale y(-0.5, stages - 0.5, area.bottom(), area.top);
  SvgWriter svg(kChartWidth, kChartHeight,
                "The " + report.step_word + " each day, with each decision marked");

  std::vector<std::pair<double, std::string>> ticks;
  // Stage 1, then round numbers (5, 10, ...) up to the last stage.
  for (double tick : nice_ticks(0, stages, true)) {
    const double stage = std::max(tick, 1.0);
    if (stage > stages || (!ticks.empty() && ticks.back().first == stage - 1)) continue;
    ticks.emplace_back(stage - 1, svg_number(stage));
  }
  draw_value_axis(svg, area, y, ticks, report.step_word);
  draw_date_axis(svg, area, x);

  std::vector<std::pair<double, double>> steps;
  for (std::size_t i = 0; i < report.stage_by_day.size(); ++i) {
    const Date day = report.from + std::chrono::days{i};
    const double level = y(report.stage_by_day[i]);
    if (i == 0 || report.stage_by_day[i] != report.stage_by_day[i - 1]) {
      steps.emplace_back(x(day) - x.slot() / 2, level);
    }
    if (i + 1 == report.stage_by_day.size() ||
        report.stage_by_day[i + 1] != report.stage_by_day[i]) {
      steps.emplace_back(x(day) + x.slot() / 2, level);
    }
  }
  svg.polyline(steps, "stage-line");

  std::vector<LegendEntry> legend{{"stage-line", "the " + report.step_word, true, Marker::circle}};
  std::set<DecisionKind> shown;
  for (const ReportDecision& entry : report.decisions) {
    const Decision& decision = entry.decision;
    const KindStyle& style = style_of(decision.kind);
    if (shown.insert(decision.kind).second) {
      legend.push_back({style.css_class, style.words, false, style.shape});
    }
    std::string title = short_day(decision.date) + ": " + style.words;
    if (decision.to_stage != decision.from_stage) {
      title += " (" + report.step_word + " " + std::to_string(decision.from_stage + 1) + " to " +
               std::to_string(decision.to_stage + 1) + ")";
    }
    if (!entry.reason.empty()) title += ". " + entry.reason;
    const double size = decision.kind == DecisionKind::keep_going ? 6 : 10;
    svg.marker(style.shape, x(decision.date), y(decision.from_stage), size, style.css_class, title);
  }
  draw_legend(svg, area.left, 18, area.right(), legend);
  if (report.decisions.empty()) {
    svg.text(area.left + area.width / 2, area.top + 14, "No decisions in these dates", "empty",
             Anchor::middle);
  }
  return svg.finish();
}

}  // namespace runback
