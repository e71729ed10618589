// The shipped format-2 protocols, run through scripted histories that check the rules of their
// published sources (/work/shared/clinical-basis.md): protocols/post-acl-run-walk.yaml (the
// post-ACL progression, section 7) and protocols/bone-stress-walk-jog.yaml (the Allsport
// walk-jog by days, section 7, with the bone-stress thresholds and red flags of section 1).
#include <catch2/catch.hpp>

#include "plan/planner_run.hpp"
#include "protocol/shipped_fixture.hpp"

using namespace runback;
using namespace runback::test;

namespace {

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

// The first day after `after` with a run laid out.
const PlannedDay& next_run(const Plan& plan, Date after) {
  for (const PlannedDay& d : plan.days) {
    if (d.date > after && d.run) return d;
  }
  FAIL("no run laid out after " + format_date(after));
  return plan.days.front();
}

DayLog with_limp(Date date) {
  DayLog log = session(date, 0, -1);
  log.limp = true;
  return log;
}

DayLog with_red_flag(Date date, const std::string& id) {
  DayLog log = session(date, 0, -1);
  log.red_flags = {id};
  return log;
}

Run post_acl(int starting_stage = 0) {
  return start(runback::testing::load_shipped("post-acl-run-walk"), starting_stage);
}

Run bone_stress() {
  return start(runback::testing::load_shipped("bone-stress-walk-jog"));
}

}  // namespace

// clinical-basis.md line 145: "3 runs a week, a rest day after each; week 1: 3x(4 walk/1 run),
// 3x(3/2), 3x(2/3)".
TEST_CASE(
    "shipped format 2, post-acl-run-walk: week 1's three sessions in order, a rest day "
    "after each",
    "[plan][shipped][format2]") {
  Run run = post_acl();
  const Plan projected = run.plan(day(0));
  const std::vector<Date> days = run_days(projected);
  REQUIRE(days.size() == 3);
  for (std::size_t i = 0; i < days.size(); ++i) {
    INFO("run " << i + 1 << " on day " << offsets(days)[i]);
    const PlannedDay& d = on(projected, days[i]);
    CHECK(d.run->stage_index == 0);
    CHECK(d.run->session_index == int(i));
    if (i > 0) CHECK((days[i] - days[i - 1]).count() >= 2);  // a rest day after each run
  }
  // Logged good runs on those days: the first, second and third session, each in turn.
  run.logs = {session(days[0], 0, 0), session(days[1], 0, 0)};
  {
    const Plan plan = run.plan(days[1] + std::chrono::days{1});
    CHECK(on(plan, days[0]).run->session_index == 0);
    CHECK(on(plan, days[1]).run->session_index == 1);
    CHECK(on(plan, days[2]).run->session_index == 2);
    CHECK(on(plan, days[2]).run->stage_index == 0);
    CHECK_FALSE(on(plan, days[1] + std::chrono::days{1}).run);  // the rest day after the run
  }
}

// clinical-basis.md line 145: week 2 follows week 1's three runs, "week 2: 4x(1/4), ...".
TEST_CASE("shipped format 2, post-acl-run-walk: three good runs move on to week 2",
          "[plan][shipped][format2]") {
  Run run = post_acl();
  const std::vector<Date> days = run_days(run.plan(day(0)));
  REQUIRE(days.size() == 3);
  for (Date d : days) run.logs.push_back(session(d, 0, 0));
  const Plan plan = run.plan(days[2] + std::chrono::days{1}, 14);
  CHECK(last(plan).kind == DecisionKind::advance);
  CHECK(last(plan).to_stage == 1);
  CHECK(contains(last(plan).explanation, "week"));
  CHECK(plan.status.stage_index == 1);
  const PlannedDay& next = next_run(plan, days[2] + std::chrono::days{1});
  CHECK(next.run->stage_index == 1);
  CHECK(next.run->session_index == 0);  // week 2's first run: 4 x (1 walk / 4 run)
  const Session& first = session_for(run.protocol.stages[1], 0);
  CHECK(first.blocks[0].repeat == 4);
}

// clinical-basis.md line 145: "Pain and swelling lasting >24 h -> cut back"; line 41 (soreness
// rules): sore the next day, 1 day off.
TEST_CASE(
    "shipped format 2, post-acl-run-walk: pain the next morning goes back a week after a "
    "day off",
    "[plan][shipped][format2]") {
  Run run = post_acl(1);  // in week 2
  const std::vector<Date> days = run_days(run.plan(day(0)));
  REQUIRE(days.size() == 3);
  run.logs = {session(days[0], 0, 0), session(days[1], 0, 2)};
  const Date morning = days[1] + std::chrono::days{1};
  const Plan plan = run.plan(morning, 14);
  const Decision& back = last(plan);
  CHECK(back.date == days[1]);
  CHECK(back.kind == DecisionKind::step_back);
  CHECK(back.from_stage == 1);
  CHECK(back.to_stage == 0);
  CHECK(back.rest_days == 1);
  CHECK(plan.status.stage_index == 0);
  CHECK_FALSE(on(plan, morning).run);  // the day off
  const PlannedDay& next = next_run(plan, morning);
  CHECK(next.run->stage_index == 0);    // week 1 again
  CHECK(next.run->session_index == 0);  // from its first session
}

// clinical-basis.md line 43 (soreness rules, running variant): sore during the workout, 1 day off;
// the protocol repeats the week rather than going back one (its `author` reference).
TEST_CASE(
    "shipped format 2, post-acl-run-walk: pain during a run, a day off then the week's "
    "runs from the first",
    "[plan][shipped][format2]") {
  Run run = post_acl();
  const std::vector<Date> days = run_days(run.plan(day(0)));
  REQUIRE(days.size() == 3);
  run.logs = {session(days[0], 0, 0), session(days[1], 3, 0)};
  const Date after = days[1] + std::chrono::days{1};
  const Plan plan = run.plan(after, 14);
  CHECK(last(plan).kind == DecisionKind::repeat);
  CHECK(last(plan).rest_days == 1);
  CHECK_FALSE(on(plan, after).run);
  const PlannedDay& next = next_run(plan, after);
  CHECK(next.run->stage_index == 0);
  CHECK(next.run->session_index == 0);
}

// The same with the next morning still to come: the checkpoint waits for it, but the days ahead
// already take the day off and the week's first run (more values can only add caution), where
// they laid out the week's next session as if the run had counted.
TEST_CASE(
    "shipped format 2, post-acl-run-walk: pain during a run, the morning still to come: the "
    "days ahead already follow what it asks",
    "[plan][shipped][format2]") {
  Run run = post_acl(1);  // in week 2
  const std::vector<Date> days = run_days(run.plan(day(0)));
  REQUIRE(days.size() == 3);
  run.logs = {session(days[0], 0, 0), session(days[1], 3, -1)};
  run.logs.back().swelling = true;
  const Date after = days[1] + std::chrono::days{1};
  const Plan plan = run.plan(after, 14);
  const Decision& waiting = last(plan);
  CHECK(waiting.kind == DecisionKind::waiting);
  CHECK(waiting.fails_already);
  CHECK(contains(waiting.explanation, "Already: "));
  CHECK(plan.status.stage_index == 1);  // not decided: still week 2
  CHECK_FALSE(on(plan, after).run);     // the day off
  const PlannedDay& next = next_run(plan, after);
  CHECK(next.run->stage_index == 0);  // swelling: back a week
  CHECK(next.run->session_index == 0);
  CHECK_FALSE(next.run->if_all_goes_well);  // a step back already asked for assumes nothing
  REQUIRE(plan.next_run);
  CHECK(*plan.next_run == next.date);
  CHECK(plan.next_run_stage == 0);

  // The morning's value then decides it, and the days ahead stay as they were laid out.
  run.logs.back().pain_next_morning = 0;
  const Plan decided = run.plan(after, 14);
  CHECK(last(decided).kind == DecisionKind::step_back);
  CHECK(next_run(decided, after).date == next.date);
  CHECK(next_run(decided, after).run->stage_index == 0);

  // A wait with nothing wrong yet keeps the stage ahead.
  run.logs.back() = session(days[1], 0, -1);
  const Plan fine = run.plan(after, 14);
  CHECK(last(fine).kind == DecisionKind::waiting);
  CHECK_FALSE(last(fine).fails_already);
  CHECK(next_run(fine, after).run->stage_index == 1);
}

// clinical-basis.md line 56: red flags, "a limp or changed stride": stop and see a clinician.
TEST_CASE("shipped format 2, post-acl-run-walk: a limp stops running", "[plan][shipped][format2]") {
  Run run = post_acl();
  const std::vector<Date> days = run_days(run.plan(day(0)));
  REQUIRE(days.size() == 3);
  run.logs = {session(days[0], 0, 0), with_limp(days[1])};
  const Plan plan = run.plan(days[1] + std::chrono::days{1}, 14);
  CHECK(last(plan).kind == DecisionKind::stop);
  CHECK(plan.status.stopped);
  CHECK(run_days(plan).back() == days[1]);  // nothing after the limp
}

// clinical-basis.md lines 155-156: "day 1 walk 1/4-1/2 mile; days 2-7 build to a 2-mile walk;
// days 8-28 add 50-100 yard jogs inside the 2-mile walk, from 4-6 jogs".
TEST_CASE(
    "shipped format 2, bone-stress-walk-jog: a walk every day for a week, then 4 jogs on "
    "day 8",
    "[plan][shipped][format2]") {
  Run run = bone_stress();
  const Plan plan = run.plan(day(0), 14);
  CHECK(offsets(run_days(plan)) ==
        std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13});  // consecutive days
  for (int offset = 0; offset < 7; ++offset) {
    INFO("day " << offset + 1);
    const PlannedDay& d = on(plan, day(offset));
    CHECK(d.programme_day == offset + 1);
    CHECK(d.run->stage_index == offset);
    CHECK(walk_only(run.protocol.stages[offset].session));
  }
  const PlannedDay& eight = on(plan, day(7));
  CHECK(eight.programme_day == 8);
  REQUIRE(eight.run);
  const Session& jogs = run.protocol.stages[eight.run->stage_index].session;
  CHECK_FALSE(walk_only(jogs));
  CHECK(jogs.blocks[0].repeat == 4);
  CHECK(jogs.blocks[0].walk_first);
}

// clinical-basis.md line 52: bone stress, "no pain at the injury site expected while running";
// line 43 (soreness rules, running variant): "sore during the workout -> 1 day off and one step
// down".
TEST_CASE(
    "shipped format 2, bone-stress-walk-jog: pain at the bone during a session, a day off "
    "then the day before's session",
    "[plan][shipped][format2]") {
  Run run = bone_stress();
  for (int offset = 0; offset < 7; ++offset) run.logs.push_back(session(day(offset), 0, 0));
  // Day 8, the first jogs: pain at the bone, logged with the next morning's value (the
  // checkpoint decides the next morning: a stop or a rest shows from then on).
  run.logs.push_back(session(day(7), 2, 0));
  const Plan plan = run.plan(day(8), 14);
  const Decision& bad = last(plan);
  CHECK(bad.date == day(7));
  CHECK(bad.kind == DecisionKind::step_back);
  CHECK(bad.from_stage == 7);
  CHECK(bad.to_stage == 6);
  CHECK(bad.rest_days == 1);
  CHECK(on(plan, day(8)).rest == RestKind::imposed);  // the day off
  REQUIRE(on(plan, day(9)).run);
  CHECK(on(plan, day(9)).run->stage_index == 6);  // day 7's 2-mile walk again
  CHECK(walk_only(run.protocol.stages[6].session));
  REQUIRE(on(plan, day(10)).run);
  CHECK(on(plan, day(10)).run->stage_index == 7);  // then the jogs, the next day
}

// clinical-basis.md lines 56-57: red flags, "pinpoint bone pain (possible stress fracture)":
// stop and see a clinician.
TEST_CASE("shipped format 2, bone-stress-walk-jog: pinpoint bone pain stops running",
          "[plan][shipped][format2]") {
  Run run = bone_stress();
  run.logs = {session(day(0), 0, 0), session(day(1), 0, 0),
              with_red_flag(day(2), "pinpoint-bone-pain")};
  const Plan plan = run.plan(day(3), 7);
  CHECK(last(plan).kind == DecisionKind::stop);
  CHECK(plan.status.stopped);
  CHECK(offsets(run_days(plan)) == std::vector<int>{0, 1, 2});
}

// clinical-basis.md line 52: "pain lingering >24 h -> scale back", a red flag of this protocol.
TEST_CASE("shipped format 2, bone-stress-walk-jog: pain at the bone 24 hours on stops running",
          "[plan][shipped][format2]") {
  Run run = bone_stress();
  run.logs = {session(day(0), 0, 0), with_red_flag(day(1), "bone-pain-24h")};
  const Plan plan = run.plan(day(2), 7);
  CHECK(last(plan).kind == DecisionKind::stop);
  CHECK(plan.status.stopped);
}
