// The visit report's pieces: escaping, and charts whose points, limits and decisions land where
// their values say.
#include <catch2/catch.hpp>
#include <regex>
#include <sstream>
#include <string>

#include "report/html_escape.hpp"
#include "report/report_charts.hpp"
#include "report/svg_chart.hpp"

using namespace runback;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The numbers of the attributes `names` of the first element matching `pattern`.
std::vector<double> attributes(const std::string& svg, const std::string& pattern,
                               const std::vector<std::string>& names) {
  std::smatch found;
  const std::regex element("<[a-z]+ [^>]*" + pattern + "[^>]*>");
  if (!std::regex_search(svg, found, element)) return {};
  std::vector<double> values;
  for (const std::string& name : names) {
    std::smatch value;
    const std::string tag = found.str();
    if (!std::regex_search(tag, value, std::regex(" " + name + "=\"([-0-9.]+)\""))) return {};
    values.push_back(std::stod(value[1].str()));
  }
  return values;
}

VisitReport ten_days() {
  VisitReport report;
  report.runner = "Sam";
  report.step_word = "stage";
  report.from = make_date(2026, 11, 2);
  report.to = make_date(2026, 11, 11);
  report.stage_titles = {"stage 1 of 4", "stage 2 of 4", "stage 3 of 4", "stage 4 of 4"};
  report.stage_by_day = {0, 0, 0, 1, 1, 1, 1, 0, 0, 0};
  report.limits.during = PainLimit{5, std::nullopt};
  report.limits.next_morning = PainLimit{std::nullopt, 0};
  report.limits.after = PainLimit{3, std::nullopt};
  return report;
}

}  // namespace

TEST_CASE("html_escape makes any text safe in text and attributes", "[report][visit]") {
  CHECK(html_escape("<script>alert(1)</script> & \"quotes\" 'too'") ==
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;too&#39;");
  CHECK(html_escape("Zoë → 5/10") == "Zoë → 5/10");
  // Bytes that are not UTF-8 and controls would make the page fail to parse.
  CHECK(html_escape("a\xff"
                    "b") ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(html_escape(std::string("a\x01\x1b"
                                "b\tc\n",
                                7)) == "ab\tc\n");
  CHECK(html_escape("\xC2\x85") == "\xEF\xBF\xBD");  // U+0085, a C1 control
}

TEST_CASE("scales map values and days onto the plot", "[report][visit]") {
  const LinearScale y(0, 10, 200, 0);
  CHECK(y(0) == 200);
  CHECK(y(10) == 0);
  CHECK(y(2.5) == 150);
  const PlotArea area{50, 10, 100, 80};
  const DayScale x(make_date(2026, 11, 2), make_date(2026, 11, 11), area);
  CHECK(x.slot() == 10);
  CHECK(x(make_date(2026, 11, 2)) == 55);
  CHECK(x(make_date(2026, 11, 11)) == 145);
  CHECK(nice_ticks(0, 10, true) == std::vector<double>{0, 2, 4, 6, 8, 10});
  CHECK(nice_ticks(0, 37, true) == std::vector<double>{0, 10, 20, 30, 40});
  CHECK(nice_ticks(1, 3, true) == std::vector<double>{1, 2, 3});
  CHECK(svg_number(12.0) == "12");
  CHECK(svg_number(12.25) == "12.2");
}

TEST_CASE("the pain chart puts each score and each limit at its height", "[report][visit]") {
  VisitReport report = ten_days();
  report.sessions.push_back(
      ReportSession{make_date(2026, 11, 4), SessionOutcome::done, 0, 6, 2, 1, "a note"});
  const std::string svg = pain_chart(report);
  const PlotArea area = chart_area();
  const double slot = area.width / 10;
  const double bottom = area.bottom();
  const auto y_of = [&](double pain) { return bottom - pain / 10 * area.height; };

  CHECK(contains(svg, "role=\"img\""));
  CHECK(contains(svg, "aria-label=\"Pain during, after and the next morning"));
  // The circle of pain during 6/10 on the third day, a quarter slot (at most 5) to the left.
  const auto during = attributes(svg, "class=\"s-during\"><title>", {"cx", "cy"});
  REQUIRE(during.size() == 2);
  CHECK(during[0] == Approx(area.left + 2.5 * slot - std::min(slot / 4, 5.0)).margin(0.06));
  CHECK(during[1] == Approx(y_of(6)).margin(0.06));
  CHECK(contains(svg, "<title>Wed 4 Nov: pain during the run 6/10</title>"));
  CHECK(contains(svg, "<title>Wed 4 Nov: pain the next morning 1/10</title>"));

  // Limits: during at most 5, after at most 3; next morning's is a rise, not a line.
  const auto limit =
      attributes(svg, "y1=\"" + svg_number(y_of(5)) + "\"[^>]*class=\"limit\"", {"x1", "x2", "y2"});
  REQUIRE(limit.size() == 3);
  CHECK(limit[0] == area.left);
  CHECK(limit[1] == area.right());
  CHECK(limit[2] == Approx(y_of(5)).margin(0.06));
  CHECK(contains(svg, ">limit during: 5/10</text>"));
  CHECK(contains(svg, ">limit after: 3/10</text>"));
  CHECK_FALSE(contains(svg, "limit next morning"));
  CHECK(contains(svg, ">pain (0-10)</text>"));
  CHECK(contains(svg, ">date</text>"));
}

TEST_CASE("the stage chart marks each decision with its reason", "[report][visit]") {
  VisitReport report = ten_days();
  Decision advance;
  advance.date = make_date(2026, 11, 4);
  advance.kind = DecisionKind::advance;
  advance.from_stage = 0;
  advance.to_stage = 1;
  Decision back;
  back.date = make_date(2026, 11, 8);
  back.kind = DecisionKind::step_back;
  back.from_stage = 1;
  back.to_stage = 0;
  report.decisions = {{advance, "Two good runs: on to stage 2."},
                      {back, "Pain was <6/10> & \"high\"."}};
  const std::string svg = stage_chart(report);
  const PlotArea area = chart_area();
  const double slot = area.width / 10;
  const double stage_height = area.height / 4;

  CHECK(contains(svg, "<title>Wed 4 Nov: advance (stage 1 to 2). Two good runs: on to stage 2."));
  CHECK(contains(svg,
                 "Sun 8 Nov: step back (stage 2 to 1). Pain was &lt;6/10&gt; &amp; "
                 "&quot;high&quot;.</title>"));
  CHECK_FALSE(contains(svg, "<6/10>"));
  // The step back's marker: its day, at stage 2's height (the stage it was taken at).
  std::smatch points;
  REQUIRE(std::regex_search(
      svg, points, std::regex("<polygon points=\"([^\"]+)\" class=\"d-back\"><title>Sun")));
  double sum_x = 0;
  double count = 0;
  std::stringstream list(points[1].str());
  for (std::string pair; list >> pair; ++count) sum_x += std::stod(pair.substr(0, pair.find(',')));
  CHECK(sum_x / count == Approx(area.left + 6.5 * slot).margin(0.1));
  // The stage line steps from stage 1 up to 2 and back.
  CHECK(contains(svg, "class=\"stage-line\""));
  const double stage1 = area.bottom() - 0.5 * stage_height;
  const double stage2 = area.bottom() - 1.5 * stage_height;
  CHECK(contains(svg, svg_number(area.left) + "," + svg_number(stage1) + " " +
                          svg_number(area.left + 3 * slot) + "," + svg_number(stage1) + " " +
                          svg_number(area.left + 3 * slot) + "," + svg_number(stage2)));
  CHECK(contains(svg, ">advance</text>"));
  CHECK(contains(svg, ">step back</text>"));
}

TEST_CASE("the weekly chart's bars stand as tall as the week's minutes", "[report][visit]") {
  VisitReport report = ten_days();
  report.weeks = {{make_date(2026, 11, 2), 3, 0, 20, false},
                  {make_date(2026, 11, 9), 1, 2, 5, false}};
  const std::string svg = weekly_chart(report);
  const PlotArea area = chart_area();
  // Ticks 0..20 in steps of 5: 20 minutes reach the top.
  const auto first = attributes(svg, "class=\"bar\"><title>Week of Mon 2 Nov", {"y", "height"});
  REQUIRE(first.size() == 2);
  CHECK(first[0] == Approx(area.top).margin(0.06));
  CHECK(first[1] == Approx(area.height).margin(0.06));
  const auto second = attributes(svg, "class=\"bar\"><title>Week of Mon 9 Nov", {"height"});
  REQUIRE(second.size() == 1);
  CHECK(second[0] == Approx(area.height / 4).margin(0.06));
  CHECK(contains(svg, ">3 runs</text>"));
  CHECK(contains(svg, ">1 run, 2 walks</text>"));
  CHECK(contains(svg, "3 runs, 20 minutes running</title>"));
}

TEST_CASE("a plugin's answers are charted under its own words", "[report][visit]") {
  VisitReport report = ten_days();
  AnswerSeries series;
  series.key = "heel-raises";
  series.question = "How many <heel raises>?";
  series.max = 100;
  series.points = {{make_date(2026, 11, 3), 12, "12"}, {make_date(2026, 11, 5), 20, "20"}};
  const std::string svg = answer_chart(report, series);
  CHECK(contains(svg, "aria-label=\"Answers over time: How many &lt;heel raises&gt;?\""));
  CHECK(contains(svg, "<title>Thu 5 Nov: 20</title>"));
  CHECK(contains(svg, ">heel-raises</text>"));
  CHECK(contains(svg, "class=\"s-answer trend\""));
}
