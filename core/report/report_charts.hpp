#pragma once
// The visit report's charts, each an inline <svg> (report/svg_chart.hpp) with axis labels, a
// legend, an accessible name, and a <title> on every point and decision for its details.

#include <string>

#include "report/svg_chart.hpp"
#include "report/visit_report.hpp"

namespace runback {

inline constexpr double kChartWidth = 760;
inline constexpr double kChartHeight = 300;

// Where every chart draws its data: room on the left for the y axis, above for the legend and
// below for the dates.
PlotArea chart_area();

// Pain during, after and the next morning for each session, 0 to 10, with the protocol's
// highest allowed scores drawn as dashed lines.
std::string pain_chart(const VisitReport& report);
// The stage each day, with a marker for each decision (advance, repeat, step back, stop, ...).
std::string stage_chart(const VisitReport& report);
// Running minutes per week as bars, each labelled with its runs.
std::string weekly_chart(const VisitReport& report);
// One plugin question's answers over time.
std::string answer_chart(const VisitReport& report, const AnswerSeries& series);

// The words of a decision kind in the charts' legend and the decisions table: "step back".
std::string decision_words(DecisionKind kind);

}  // namespace runback
