// The week's header names the years it spans: a week across a new year names both.

#include <catch2/catch.hpp>

#include "plan/fixtures.hpp"
#include "plan/planner.hpp"
#include "report/plan_text.hpp"
#include "runback_syntax.hpp"

using namespace runback;
using runback::cli::runback_syntax;
using namespace runback::test;

namespace {

std::string header_of_week(Date today) {
  const Protocol protocol = soreness_protocol();
  const Programme programme = programme_for(protocol, make_date(2026, 11, 2));
  const std::vector<DayLog> logs;
  const std::vector<Clearance> clearances;
  const PlanRequest request{.protocol = protocol,
                            .extension = nullptr,
                            .programme = programme,
                            .logs = logs,
                            .clearances = clearances,
                            .today = today,
                            .from = monday_of(today),
                            .days = 7,
                            .projection_days = 730,
                            .explain_last = -1,
                            .day_details = true};
  const std::string text = week_text(protocol, make_plan(request), "Sam", today, runback_syntax());
  return text.substr(0, text.find(':'));
}

}  // namespace

TEST_CASE("the week's header names both years when the week spans a new year", "[plan][text]") {
  CHECK(header_of_week(make_date(2027, 1, 1)) ==
        "Sam's week from Mon 28 Dec 2026 to Sun 3 Jan 2027");
  CHECK(header_of_week(make_date(2026, 12, 31)) ==
        "Sam's week from Mon 28 Dec 2026 to Sun 3 Jan 2027");
  CHECK(header_of_week(make_date(2026, 11, 25)) == "Sam's week from Mon 23 Nov to Sun 29 Nov 2026");
  CHECK(header_of_week(make_date(2027, 1, 4)) == "Sam's week from Mon 4 Jan to Sun 10 Jan 2027");
}
