// The weekly chart (running minutes and runs) and the plugin answers' charts.
#include <algorithm>

#include "report/plan_words.hpp"
#include "report/report_charts.hpp"

namespace runback {
namespace {

std::string count_words(int count, const char* one, const char* many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

// "3 runs", "2 runs, 1 walk", "6 walks": walks named only when there were some.
std::string runs_words(const ReportWeek& week) {
  if (week.walks == 0) return count_words(week.runs, "run", "runs");
  const std::string walks = count_words(week.walks, "walk", "walks");
  return week.runs == 0 ? walks : count_words(week.runs, "run", "runs") + ", " + walks;
}

}  // namespace

std::string weekly_chart(const VisitReport& report) {
  const PlotArea area = chart_area();
  const DayScale x(report.from, report.to, area);
  double most = 10;
  for (const ReportWeek& week : report.weeks) most = std::max(most, week.run_minutes);
  const std::vector<double> ticks = nice_ticks(0, most, true);
  const LinearScale y(0, ticks.back(), area.bottom(), area.top);
  SvgWriter svg(kChartWidth, kChartHeight,
                "Running minutes per week as bars, each labelled with the week's runs");
  std::vector<std::pair<double, std::string>> labels;
  for (double tick : ticks) labels.emplace_back(tick, svg_number(tick));
  draw_value_axis(svg, area, y, labels, "running minutes");
  draw_date_axis(svg, area, x);
  draw_legend(svg, area.left, 18, area.right(),
              {{"bar", "running minutes in the week (runs done in full, as planned)", false,
                Marker::square}});

  for (const ReportWeek& week : report.weeks) {
    const Date last = std::min(monday_of(week.monday) + std::chrono::days{6}, report.to);
    const double left = x(week.monday) - x.slot() / 2 + 2;
    const double width = std::max(2.0, x(last) - x(week.monday) + x.slot() - 4);
    const double top = y(week.run_minutes);
    const std::string title = "Week of " + short_day(week.monday) + ": " + runs_words(week) + ", " +
                              svg_number(week.run_minutes) + " minutes running";
    svg.rect(left, top, width, area.bottom() - top, "bar", title);
    // Over many months the bars get too narrow for words: their titles still say.
    if (width >= 36) {
      svg.text(left + width / 2, top - 5, runs_words(week), "bar-label", Anchor::middle);
    }
  }
  return svg.finish();
}

std::string answer_chart(const VisitReport& report, const AnswerSeries& series) {
  const PlotArea area = chart_area();
  const DayScale x(report.from, report.to, area);
  std::vector<std::pair<double, std::string>> labels;
  double lo = 0;
  double hi = 1;
  if (series.yes_no) {
    labels = {{0, "no"}, {1, "yes"}};
  } else {
    const std::vector<double> ticks = nice_ticks(series.min, series.max, false);
    lo = ticks.front();
    hi = ticks.back();
    for (double tick : ticks) labels.emplace_back(tick, svg_number(tick));
  }
  const LinearScale y(lo, hi, area.bottom(), area.top);
  SvgWriter svg(kChartWidth, kChartHeight,
                (series.target ? "Targets over time: " : "Answers over time: ") + series.question);
  draw_value_axis(svg, area, y, labels, series.yes_no ? "answer" : series.key);
  const char* what =
      series.target ? "the target for the run that day" : "the answer logged that day";
  draw_date_axis(svg, area, x);
  draw_legend(svg, area.left, 18, area.right(), {{"s-answer", what, false, Marker::circle}});

  std::vector<std::pair<double, double>> points;
  for (const auto& point : series.points) points.emplace_back(x(point.date), y(point.value));
  if (!series.yes_no) svg.polyline(points, "s-answer trend");
  for (std::size_t i = 0; i < points.size(); ++i) {
    svg.marker(Marker::circle, points[i].first, points[i].second, 8, "s-answer",
               short_day(series.points[i].date) + ": " + series.points[i].text);
  }
  return svg.finish();
}

}  // namespace runback
