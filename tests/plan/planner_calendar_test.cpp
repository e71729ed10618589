// Protocol format 2, family 3: calendar programmes. A bone-stress return programme laid out by
// programme day (tests/protocol/valid/format2-calendar.yaml): runs on days 1, 3, 5, 7, 10 and
// 12, a cross-training recovery day on day 2 and a recovery day with no impact on day 9 (a
// non-impact day after every 2 steps: clinical-basis.md line 162), no pain at the injury site
// while running and none lingering the next morning (line 52), and a bad day that rests one day,
// then goes back to the previous session (the soreness rules' running variant, "sore during the
// workout -> 1 day off and one step down": line 43).
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "plan/planner_run.hpp"
#include "plan/simulate.hpp"
#include "support/protocol_text.hpp"

using namespace runback;
using namespace runback::test;
using runback::testing::edited;
using runback::testing::load_text;

namespace {

std::string calendar_text() {
  std::ifstream in(std::string(RUNBACK_SOURCE_DIR) + "/tests/protocol/valid/format2-calendar.yaml");
  return {std::istreambuf_iterator<char>(in), {}};
}

std::vector<int> offsets(const std::vector<Date>& dates) {
  std::vector<int> out;
  for (Date date : dates) out.push_back(int((date - kMonday).count()));
  return out;
}

const PlannedDay& on(const Plan& plan, Date date) {
  for (const PlannedDay& d : plan.days) {
    if (d.date == date) return d;
  }
  FAIL("no day laid out on " + format_date(date));
  return plan.days.front();
}

}  // namespace

TEST_CASE("format 2, family 3: a calendar programme runs on the calendar's own days",
          "[plan][calendar]") {
  Run run = start(load_text(calendar_text()));
  const Plan plan = run.plan(day(0), 14);
  // Days 1, 3, 5, 7, 10 and 12 of the calendar, whatever the weekday and however many runs
  // that makes in a week (four in the first): the calendar, not 3 runs a week on Tue/Thu/Sat.
  CHECK(offsets(run_days(plan)) == std::vector<int>{0, 2, 4, 6, 9, 11});
  for (int offset = 0; offset < 12; ++offset) {
    INFO("day " << offset + 1);
    CHECK(on(plan, day(offset)).programme_day == offset + 1);
  }
  REQUIRE(plan.projected_completion);
  CHECK(*plan.projected_completion == day(11));
  CHECK(on(plan, day(3)).rest == RestKind::rest);  // day 4: an ordinary rest day
}

TEST_CASE("format 2, family 3: a recovery day has no run, and says what it is",
          "[plan][calendar]") {
  Run run = start(load_text(calendar_text()));
  run.logs = {session(day(0), 0, 0), session(day(2), 0, 0), session(day(4), 0, 0),
              session(day(6), 0, 0)};
  const Plan plan = run.plan(day(7), 14);
  // Day 9 is a recovery day: the 1 rest day jog-4 needs would allow a run, the calendar does not.
  const PlannedDay& nine = on(plan, day(8));
  CHECK(nine.programme_day == 9);
  CHECK_FALSE(nine.run);
  CHECK(nine.rest == RestKind::recovery);
  CHECK(nine.recovery_activity.empty());
  CHECK(on(plan, day(9)).run);
  CHECK(on(plan, day(9)).run->stage_index == 4);
  // Day 2: recovery with the calendar's activity.
  const Plan first_week = run.plan(day(0), 7);
  const PlannedDay& two = on(first_week, day(1));
  CHECK(two.rest == RestKind::recovery);
  CHECK(two.recovery_activity == "Cycle or swim 20-30 min");
}

TEST_CASE("format 2, family 3: a bad day rests one day, then the previous session",
          "[plan][calendar]") {
  Run run = start(load_text(calendar_text()));
  // Day 5 (jog-3): pain at the site while running, which this programme never accepts.
  run.logs = {session(day(0), 0, 0), session(day(2), 0, 0), session(day(4), 2, 0)};
  const Plan plan = run.plan(day(5), 21);
  const Decision& bad = last(plan);
  CHECK(bad.date == day(4));
  CHECK(bad.kind == DecisionKind::step_back);
  CHECK(bad.from_stage == 2);
  CHECK(bad.to_stage == 1);
  CHECK(bad.rest_days == 1);
  CHECK(bad.rule == "calendar.bad_day");
  CHECK(contains(bad.explanation, "On a bad day this calendar rests 1 day"));
  // Day 6 of the programme is the rest; then jog-2 again, and the rest of the calendar follows
  // on from there, shifted: jog-3 two days later, jog-4, day 9's recovery day, jog-5, jog-6.
  CHECK(on(plan, day(5)).rest == RestKind::imposed);
  CHECK_FALSE(on(plan, day(5)).programme_day);
  REQUIRE(on(plan, day(6)).run);
  CHECK(on(plan, day(6)).run->stage_index == 1);
  CHECK(on(plan, day(6)).programme_day == 3);
  CHECK(offsets(run_days(plan)) == std::vector<int>{0, 2, 4, 6, 8, 10, 13, 15});
  CHECK(on(plan, day(12)).rest == RestKind::recovery);
  CHECK(on(plan, day(12)).programme_day == 9);
}

TEST_CASE("format 2, family 3: a bad day with then: same_session repeats the session",
          "[plan][calendar]") {
  Run run = start(load_text(edited(calendar_text(), "rest_days: 1, then: previous_session",
                                   "rest_days: 2, then: same_session")));
  run.logs = {session(day(0), 0, 0), session(day(2), 0, 0), session(day(4), 2, 0)};
  const Plan plan = run.plan(day(5), 14);
  const Decision& bad = last(plan);
  CHECK(bad.kind == DecisionKind::repeat);
  CHECK(bad.to_stage == 2);
  CHECK(bad.rest_days == 2);
  REQUIRE(on(plan, day(7)).run);
  CHECK(on(plan, day(7)).run->stage_index == 2);
  CHECK_FALSE(on(plan, day(6)).run);
}

TEST_CASE("format 2, family 3: a stop still wins over the bad-day rule", "[plan][calendar]") {
  Run run = start(load_text(edited(calendar_text(), "progression:",
                                   "responses:\n"
                                   "  - name: sharp-pain\n"
                                   "    when: {pain_during: {above: 4}}\n"
                                   "    then: {action: stop}\n"
                                   "progression:")));
  run.logs = {session(day(0), 0, 0), session(day(2), 6, 0)};
  const Plan plan = run.plan(day(3), 7);
  CHECK(last(plan).kind == DecisionKind::stop);
  CHECK(plan.status.stopped);
  CHECK(run_days(plan) == std::vector<Date>{day(0), day(2)});
}

TEST_CASE("format 2, family 3: a skipped session is due again, not a bad day", "[plan][calendar]") {
  Run run = start(load_text(calendar_text()));
  DayLog skipped;
  skipped.date = day(2);
  skipped.session = SessionOutcome::skipped;
  run.logs = {session(day(0), 0, 0), skipped};
  const Plan plan = run.plan(day(2), 7);
  CHECK(last(plan).kind == DecisionKind::repeat);
  CHECK(last(plan).rest_days == 0);
  CHECK(last(plan).rule == "session skipped");
  REQUIRE(on(plan, day(3)).run);
  CHECK(on(plan, day(3)).run->stage_index == 1);
}

TEST_CASE("format 2, family 3: the core's cap on moves per 7 days does not hold a calendar back",
          "[plan][calendar]") {
  // Four sessions on four days in a row: four moves in 4 days, where the core's cap for
  // protocols without a calendar is 2 in 7 days (clinical-basis.md line 167: a common cap, not
  // a universal one; the calendar's days are its pace).
  const std::string text = edited(calendar_text(),
                                  "    - {day: 2, recovery: \"Cycle or swim 20-30 min\"}\n"
                                  "    - {day: 3, stage: jog-2}\n"
                                  "    - {day: 5, stage: jog-3}\n"
                                  "    - {day: 7, stage: jog-4}\n"
                                  "    - {day: 9, recovery: true}\n"
                                  "    - {day: 10, stage: jog-5}\n"
                                  "    - {day: 12, stage: jog-6}\n",
                                  "    - {day: 2, stage: jog-2}\n"
                                  "    - {day: 3, stage: jog-3}\n"
                                  "    - {day: 4, stage: jog-4}\n"
                                  "    - {day: 5, stage: jog-5}\n"
                                  "    - {day: 6, stage: jog-6}\n");
  Run run = start(load_text(text));
  run.logs = {session(day(0), 0, 0), session(day(1), 0, 0), session(day(2), 0, 0),
              session(day(3), 0, 0)};
  const Plan plan = run.plan(day(4), 7);
  int advances = 0;
  for (const Decision& d : plan.decisions) advances += d.kind == DecisionKind::advance;
  CHECK(advances == 4);
  CHECK(plan.status.stage_index == 4);
  CHECK(offsets(run_days(plan)) == std::vector<int>{0, 1, 2, 3, 4, 5});
}

TEST_CASE("format 2, family 3: simulate lays a calendar out by programme day",
          "[plan][calendar][simulate]") {
  const Protocol protocol = load_text(calendar_text());
  SimulationRequest request{protocol, nullptr, kMonday, 0, {}, SymptomProfile::steady,
                            1,        365,     {},      {}};
  for (int i = 0; i < 6; ++i) request.script.push_back(session(kMonday, 0, 0));
  const Simulation sim = simulate(request);
  REQUIRE(sim.days_to_completion);
  CHECK(*sim.days_to_completion == 12);
  REQUIRE(sim.calendar_days.size() == 12);
  for (int i = 0; i < 12; ++i) CHECK(sim.calendar_days[std::size_t(i)].programme_day == i + 1);
  CHECK(sim.calendar_days[8].rest == RestKind::recovery);
  CHECK(sim.calendar_days[11].run);
}
