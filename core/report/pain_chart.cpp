// The pain chart: each session's pain during, after and the next morning, and the protocol's
// limits.
#include <algorithm>
#include <map>

#include "report/plan_words.hpp"
#include "report/report_charts.hpp"

namespace runback {
namespace {

struct PainSeries {
  std::optional<int> ReportSession::*value;
  const char* css_class;
  const char* words;
  Marker shape;
  double offset;  // in quarter slots, so three values of one day sit side by side
};

constexpr PainSeries kSeries[] = {
    {&ReportSession::pain_during, "s-during", "during the run", Marker::circle, -1},
    {&ReportSession::pain_after, "s-after", "after the run", Marker::square, 0},
    {&ReportSession::pain_next_morning, "s-morning", "the next morning", Marker::triangle_up, 1},
};

std::string score(int value) {
  return std::to_string(value) + "/10";
}

// The highest allowed scores, one line per score: "limit during and next morning: 0/10".
std::map<int, std::string> limit_lines(const EffectivePainLimits& limits) {
  std::map<int, std::string> lines;
  const auto add = [&](const std::optional<PainLimit>& limit, const char* when) {
    if (!limit || !limit->max) return;
    std::string& words = lines[*limit->max];
    words += (words.empty() ? "" : " and ") + std::string(when);
  };
  add(limits.warmup, "warm-up");
  add(limits.during, "during");
  add(limits.after, "after");
  add(limits.next_morning, "next morning");
  return lines;
}

}  // namespace

PlotArea chart_area() {
  return PlotArea{56, 48, kChartWidth - 56 - 24, kChartHeight - 48 - 44};
}

std::string pain_chart(const VisitReport& report) {
  const PlotArea area = chart_area();
  const DayScale x(report.from, report.to, area);
  const LinearScale y(0, 10, area.bottom(), area.top);
  SvgWriter svg(kChartWidth, kChartHeight,
                "Pain during, after and the next morning for each session, 0 to 10, with the "
                "protocol's limits");
  draw_value_axis(svg, area, y, {{0, "0"}, {2, "2"}, {4, "4"}, {6, "6"}, {8, "8"}, {10, "10"}},
                  "pain (0-10)");
  draw_date_axis(svg, area, x);

  std::vector<LegendEntry> legend;
  for (const PainSeries& series : kSeries) {
    legend.push_back({series.css_class, "pain " + std::string(series.words), false, series.shape});
  }
  for (const auto& [value, words] : limit_lines(report.limits)) {
    svg.line(area.left, y(value), area.right(), y(value), "limit");
    svg.text(area.right() - 4, y(value) - 4, "limit " + words + ": " + score(value), "limit-label",
             Anchor::end);
  }
  if (!limit_lines(report.limits).empty()) {
    legend.push_back({"limit", "the protocol's limit", true, Marker::circle});
  }
  draw_legend(svg, area.left, 18, area.right(), legend);

  const double step = std::min(x.slot() / 4, 5.0);
  for (const PainSeries& series : kSeries) {
    std::vector<std::pair<double, double>> points;
    for (const ReportSession& session : report.sessions) {
      const auto& value = session.*series.value;
      if (!value) continue;
      const double at = x(session.date) + series.offset * step;
      points.emplace_back(at, y(*value));
    }
    svg.polyline(points, std::string(series.css_class) + " trend");
    std::size_t i = 0;
    for (const ReportSession& session : report.sessions) {
      const auto& value = session.*series.value;
      if (!value) continue;
      svg.marker(series.shape, points[i].first, points[i].second, 8, series.css_class,
                 short_day(session.date) + ": pain " + series.words + " " + score(*value));
      ++i;
    }
  }
  if (report.sessions.empty()) {
    svg.text(area.left + area.width / 2, area.top + area.height / 2,
             "No sessions logged in these dates", "empty", Anchor::middle);
  }
  return svg.finish();
}

}  // namespace runback
