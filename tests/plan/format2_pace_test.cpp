// Format 2, group A, in scripted histories: a protocol that sets its own pace of progression
// (family 1), checkpoints decided after the session (family 10) and "up to N runs a week"
// (family 11a), each asserting the decision its published source demands.

#include <catch2/catch.hpp>

#include "plan/planner_run.hpp"
#include "protocol/loader.hpp"

using namespace runback;
using namespace runback::test;

namespace {

Protocol load(const std::string& text) {
  LoadResult result = load_protocol_text(text, "format2-pace.yaml");
  std::string problems;
  for (const auto& d : result.diagnostics) problems += format_diagnostic(d) + "\n";
  INFO(problems);
  REQUIRE(result.protocol);
  return std::move(*result.protocol);
}

// "+1/4 mile each session, every other day": the post-ACL table changes the session at every
// run, 3 runs a week with a rest day after each (clinical-basis.md section 7, "Post-ACL
// progression"); "at most two steps in 7 days is a common cap, not a universal one" (section 7,
// last bullet), so format 2 lets the protocol allow 4 in 7 days, citing its source.
const std::string kQuarterMile = R"yaml(format: 2
id: quarter-mile
title: A quarter mile more each run
version: '1'
condition: testing
references:
  - {id: post-acl, citation: "Post-ACL progression, manhattansportsdoc.com (clinical-basis 7)"}
frequency:
  sessions_per_week: {max: 4, ref: post-acl}
  min_rest_days: {days: 1, ref: post-acl}
progression: {sessions_to_advance: 1, max_stages_per_7_days: 4, ref: post-acl}
pain:
  during: {max: 2}
  next_morning: {max_rise: 0}
stages:
  - {id: q1, intensity: {rpe: 3}, session: {blocks: [{run: 1 mi}]}}
  - {id: q2, intensity: {rpe: 3}, session: {blocks: [{run: 1.25 mi}]}}
  - {id: q3, intensity: {rpe: 3}, session: {blocks: [{run: 1.5 mi}]}}
  - {id: q4, intensity: {rpe: 3}, session: {blocks: [{run: 1.75 mi}]}}
  - {id: q5, intensity: {rpe: 3}, session: {blocks: [{run: 2 mi}]}}
  - {id: q6, intensity: {rpe: 3}, session: {blocks: [{run: 2.25 mi}]}}
)yaml";

// The soreness rules (Fees et al. 1998; Adams et al. 2012 JOSPT, IJSPT 2018 Table 5;
// clinical-basis.md section 1): "No soreness: advance to the next session"; "Sore more than 1
// hour after, or the next day: 1 day off; repeat the last session". The programme decides at
// the end of the session; the next day's soreness, when logged, still undoes the move.
const std::string kSoreness = R"yaml(format: 2
id: soreness-after-session
title: Soreness rules, decided after the session
version: '1'
condition: testing
references:
  - {id: soreness-rules, citation: "Fees et al. 1998; Adams et al. 2012 (clinical-basis 1)"}
progression: {sessions_to_advance: 1, decide: after_session, ref: soreness-rules}
pain:
  during: {max: 0}
  next_morning: {max_rise: 0}
responses:
  - name: sore-next-day
    when: {exceeds: next_morning}
    then: {action: repeat, rest_days: 1}
    why: You were sore the next day; a day off, then the last session again.
    ref: soreness-rules
stages:
  - {id: w1, intensity: {rpe: 3}, session: {blocks: [{run: 1 min, walk: 2 min, repeat: 5}]}}
  - {id: w2, intensity: {rpe: 3}, session: {blocks: [{run: 1 min 30 s, walk: 1 min 30 s, repeat: 5}]}}
  - {id: w3, intensity: {rpe: 3}, session: {blocks: [{run: 2 min, walk: 1 min, repeat: 5}]}}
)yaml";

}  // namespace

TEST_CASE("format 2, family 1: +1/4 mile each session, every other day, moves up at every run",
          "[plan][format2]") {
  Run run = start(load(kQuarterMile));
  run.logs = {session(day(0), 0, 0), session(day(2), 0, 0), session(day(4), 0, 0),
              session(day(6), 0, 0)};
  SECTION("the protocol's own cap: 4 moves in 7 days") {
    const Plan plan = run.plan(day(6));
    REQUIRE(plan.decisions.size() == 4);
    for (int i = 0; i < 4; ++i) {
      INFO(i);
      CHECK(plan.decisions[std::size_t(i)].kind == DecisionKind::advance);
      CHECK(plan.decisions[std::size_t(i)].to_stage == i + 1);
    }
    CHECK(plan.status.stage_index == 4);
    // Day 8: the moves of days 2, 4 and 6 are the only ones in its 7 days, so it moves on too.
    run.logs.push_back(session(day(8), 0, 0));
    CHECK(last(run.plan(day(8))).kind == DecisionKind::advance);
  }
  SECTION("format 1 would have held at 2") {
    run.protocol.format = 1;  // the same numbers, clamped to format 1's limit
    const Plan plan = run.plan(day(6));
    REQUIRE(plan.decisions.size() == 4);
    CHECK(plan.decisions[0].kind == DecisionKind::advance);
    CHECK(plan.decisions[1].kind == DecisionKind::advance);
    CHECK(plan.decisions[2].kind == DecisionKind::keep_going);
    CHECK(plan.decisions[2].rule == "progression.max_stages_per_7_days");
    CHECK(plan.status.stage_index == 2);
  }
}

// "3-4 runs a week" is a cap seen in clinical programmes (clinical-basis.md section 5); the
// post-ACL table runs 3 a week with a rest day after each (section 7). "Up to 4" lets the
// runner run fewer: the week lays out the 4 unless the runner chose fewer days.
TEST_CASE("format 2, family 11: up to 4 runs a week lays out 4, or the runner's own days",
          "[plan][format2]") {
  using std::chrono::Friday, std::chrono::Monday, std::chrono::Saturday, std::chrono::Sunday,
      std::chrono::Thursday, std::chrono::Tuesday, std::chrono::Wednesday;
  Run run = start(load(kQuarterMile));
  CHECK(run_days(run.plan(day(0))) == std::vector<Date>{day(0), day(2), day(4), day(6)});
  run.programme.run_days = {Tuesday, Saturday};
  CHECK(run_days(run.plan(day(0))) == std::vector<Date>{day(1), day(5)});
  run.programme.run_days = {Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday};
  CHECK(run_days(run.plan(day(0))).size() == 4);  // never more than the max, rest days kept
}

TEST_CASE("format 2, family 10: no soreness advances at once, next-day soreness undoes it",
          "[plan][format2]") {
  Run run = start(load(kSoreness));
  run.logs = {session(day(0), 0, -1)};  // pain during 0, nothing yet for the next morning

  SECTION("decided after the session: advance at once, and the morning is still asked") {
    const Plan plan = run.plan(day(0));
    CHECK(last(plan).kind == DecisionKind::advance);
    CHECK(last(plan).date == day(0));
    CHECK_FALSE(plan.status.waiting_for);
    CHECK(plan.status.stage_index == 1);
    // Tomorrow (in this week's layout) asks for the next-morning pain of today's run.
    const Plan next_day = run.plan(day(1));
    const auto& reminders = next_day.days[1].reminders;
    CHECK(std::any_of(reminders.begin(), reminders.end(), [](const Reminder& r) {
      return r.when == TimePoint::next_morning && r.session_date == day(0);
    }));
  }
  SECTION("the next morning's soreness re-decides the session: repeat, a day off") {
    run.logs[0].pain_next_morning = 2;
    const Plan plan = run.plan(day(1));
    REQUIRE(plan.decisions.size() == 1);
    CHECK(plan.decisions[0].kind == DecisionKind::repeat);
    CHECK(plan.decisions[0].rule == "pain.next_morning");
    CHECK(plan.decisions[0].rest_days == 1);
    CHECK(plan.status.stage_index == 0);
  }
  SECTION("a missing morning value never holds the runner back") {
    run.logs.push_back(session(day(2), 0, -1));
    const Plan plan = run.plan(day(2));
    REQUIRE(plan.decisions.size() == 2);
    CHECK(plan.decisions[1].kind == DecisionKind::advance);
    CHECK(plan.status.stage_index == 2);
  }
  SECTION("red flags still stop") {
    run.logs[0].red_flags = {"night-pain"};
    CHECK(last(run.plan(day(0))).kind == DecisionKind::stop);
  }
  SECTION("decided the next morning (the default), the same log waits") {
    run.protocol.progression.decide = DecideWhen::next_morning;
    const Plan plan = run.plan(day(0));
    CHECK(last(plan).kind == DecisionKind::waiting);
    CHECK(plan.status.stage_index == 0);
  }
}
