// Format 2's session shapes in the planner (docs/protocol-format.md, "Format 2"): a stage's list
// of sessions used one per good run (family 2), walk-only days that count as run days do
// (family 4). Each history asserts what its published source asks (clinical-basis.md section 7).

#include <catch2/catch.hpp>

#include "plan/planner_run.hpp"
#include "protocol/loader.hpp"

using namespace runback;
using namespace runback::test;

namespace {

Protocol load(const std::string& text) {
  LoadResult result = load_protocol_text(text, "format2.yaml");
  for (const auto& d : result.diagnostics) INFO(format_diagnostic(d));
  REQUIRE(result.protocol);
  return std::move(*result.protocol);
}

// A programme of `protocol` from kMonday, running on Mondays, Wednesdays and Fridays.
Run start_mwf(Protocol protocol) {
  Run run = start(std::move(protocol));
  run.programme.run_days = {std::chrono::Monday, std::chrono::Wednesday, std::chrono::Friday};
  return run;
}

// The run laid out on `date`, which must be there.
const PlannedRun& run_on(const Plan& plan, Date date) {
  for (const PlannedDay& d : plan.days) {
    if (d.date == date) {
      REQUIRE(d.run);
      return *d.run;
    }
  }
  FAIL("no day " << format_date(date) << " in the plan");
  throw;
}

// clinical-basis.md section 7, post-ACL progression: "week 1: 3×(4 walk/1 run), 3×(3/2),
// 3×(2/3)": the session changes at every run of the week. Written here as a stage of three
// sessions, one per good run ("day 1: jog 1/4 mile, walk 3/4; day 2: jog 1/2, walk 1/2; day 3:
// jog 3/4, walk 1/4"), three good runs to move on.
const char* const kSessionList = R"(format: 2
id: jog-walk-list
title: Jog more each day
version: "1"
condition: testing
pain:
  during: {max: 2}
  next_morning: {max_rise: 0}
frequency: {sessions_per_week: 3, min_rest_days: 1}
stages:
  - id: jog-walk
    intensity: {rpe: [3, 5]}
    sessions_to_advance: 3
    sessions:
      - blocks: [{run: 0.25 mi, walk: 0.75 mi}]
      - blocks: [{run: 0.5 mi, walk: 0.5 mi}]
      - blocks: [{run: 0.75 mi, walk: 0.25 mi}]
  - id: jog-mile
    intensity: {rpe: [3, 5]}
    session:
      blocks: [{run: 1 mi}]
)";

// clinical-basis.md section 7, Allsport walk-jog by days: "day 1 walk 1/4-1/2 mile; days 2-7
// build to a 2-mile walk; days 8-28 add 50-100 yard jogs inside the 2-mile walk ... stop if
// pain. Walk-only days come first: a session can be walking alone."
const char* const kWalkFirst = R"(format: 2
id: walk-jog-days
title: Walk, then jogs inside the walk
version: "1"
condition: testing
pain:
  during: {max: 0}
  next_morning: {max_rise: 0}
frequency: {sessions_per_week: 3, min_rest_days: 1}
stages:
  - id: walk
    intensity: {talk_test: true}
    sessions_to_advance: 2
    sessions:
      - blocks: [{walk: 0.5 mi, effort: brisk}]
      - blocks: [{walk: 2 mi, effort: brisk}]
  - id: walk-jog
    intensity: {rpe: [3, 5]}
    session:
      blocks:
        - {walk: 0.15 mi, run: 50 m, repeat: 6, start_with: walk}
)";

}  // namespace

TEST_CASE(
    "format 2, family 2: the second good run uses the second session, and a run that "
    "does not pass starts the list over",
    "[plan][format2]") {
  Run run = start_mwf(load(kSessionList));
  REQUIRE(session_count(run.protocol.stages[0]) == 3);
  run.logs = {session(day(0), 0, 0)};
  {
    const Plan plan = run.plan(day(1));
    CHECK(last(plan).kind == DecisionKind::keep_going);
    CHECK(run_on(plan, day(0)).session_index == 0);  // the logged run: the first session
    CHECK(run_on(plan, day(2)).session_index == 1);  // the second good run: the second session
    CHECK(run_on(plan, day(4)).session_index == 2);
    CHECK(run_on(plan, day(4)).stage_index == 0);
  }
  run.logs.push_back(session(day(2), 0, 0));
  run.logs.push_back(session(day(4), 4, 0));  // pain during above the limit: repeat
  {
    const Plan plan = run.plan(day(5));
    CHECK(plan.decisions[1].kind == DecisionKind::keep_going);
    CHECK(last(plan).kind == DecisionKind::repeat);
    CHECK(run_on(plan, day(2)).session_index == 1);
    CHECK(run_on(plan, day(4)).session_index == 2);  // what the runner did that day
    CHECK(plan.status.clean_sessions == 0);
  }
  {
    const Plan next_week = run.plan(day(7));
    CHECK(run_on(next_week, day(7)).session_index == 0);  // the list starts over
    CHECK(run_on(next_week, day(9)).session_index == 1);
  }
  run.logs.push_back(session(day(7), 0, 0));
  run.logs.push_back(session(day(9), 0, 0));
  run.logs.push_back(session(day(11), 0, 0));
  const Plan plan = run.plan(day(12));
  CHECK(last(plan).kind == DecisionKind::advance);
  CHECK(last(plan).to_stage == 1);
  CHECK(run_on(plan, day(11)).session_index == 2);
  CHECK(plan.status.stage_index == 1);
}

TEST_CASE(
    "format 2, family 2: a good run held at the week's most moves up stays on the last "
    "session",
    "[plan][format2]") {
  Protocol protocol = load(kSessionList);
  protocol.stages[0].sessions_to_advance = 3;
  protocol.progression.max_stages_per_7_days = 1;
  // One move up already in the last 7 days: the third good run at stage 2 is held there.
  protocol.stages.insert(protocol.stages.begin(), protocol.stages[1]);
  protocol.stages[0].id = "first";
  protocol.stages[0].sessions_to_advance = 1;
  Run run = start_mwf(protocol);
  run.logs = {session(day(0), 0, 0), session(day(2), 0, 0), session(day(4), 0, 0),
              session(day(6), 0, 0)};
  const Plan plan = run.plan(day(6));
  CHECK(plan.decisions[0].kind == DecisionKind::advance);
  CHECK(last(plan).kind == DecisionKind::keep_going);  // held: 1 move up per 7 days
  CHECK(plan.status.clean_sessions == 3);
  CHECK(run_on(run.plan(day(7)), day(9)).session_index == 2);  // the last, not past the list
}

TEST_CASE(
    "format 2, family 4: a walk-only day logged with no pain moves on as a run day does, "
    "and pain on a walk repeats it",
    "[plan][format2]") {
  Run run = start_mwf(load(kWalkFirst));
  const Stage& walk = run.protocol.stages[0];
  CHECK(walk_only(session_for(walk, 0)));
  CHECK(walk_only(session_for(walk, 1)));
  CHECK_FALSE(walk_only(run.protocol.stages[1].session));
  CHECK(run.protocol.stages[1].session.blocks[0].walk_first);

  SECTION("two clean walks: on to the jogs inside the walk") {
    run.logs = {session(day(0), 0, 0), session(day(2), 0, 0)};
    const Plan plan = run.plan(day(3));
    CHECK(plan.decisions[0].kind == DecisionKind::keep_going);
    CHECK(last(plan).kind == DecisionKind::advance);
    CHECK(plan.status.stage_index == 1);
    const PlannedRun& next = run_on(plan, day(4));
    CHECK(next.stage_index == 1);
    CHECK_FALSE(walk_only(session_for(run.protocol.stages[1], next.session_index)));
  }
  SECTION("pain during a walk: the source says stop if pain; the limit of 0 repeats it") {
    run.logs = {session(day(0), 0, 0), session(day(2), 1, 0)};
    const Plan plan = run.plan(day(3));
    CHECK(last(plan).kind == DecisionKind::repeat);
    CHECK(last(plan).rule == "pain.during");
    CHECK(plan.status.stage_index == 0);
    CHECK(run_on(plan, day(4)).session_index == 0);  // the short walk again
  }
  SECTION("a next-morning rise after a walk is screened like a run's") {
    DayLog before;
    before.date = day(-1);
    before.pain_next_morning = 0;
    run.programme.start_date = day(-1);
    run.logs = {before, session(day(0), 0, 2)};
    const Plan plan = run.plan(day(1));
    CHECK(last(plan).kind == DecisionKind::repeat);
    CHECK(plan.status.clean_sessions == 0);
  }
}
