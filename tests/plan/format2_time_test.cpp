// Protocol format 2, group "time": pain in the warm-up (family 6), rules that span sessions
// (family 7) and frequency by programme week (family 8), each in a scripted history that asserts
// what its published source asks for (/work/shared/clinical-basis.md, lines cited per test).

#include <catch2/catch.hpp>

#include "plan/planner_run.hpp"
#include "plan/progression.hpp"
#include "support/protocol_text.hpp"

using namespace runback;
using namespace runback::test;

namespace {

// Four stages, a run-walk each; the runner starts where a test says.
constexpr const char* kStages = R"(
stages:
  - {id: level-1, session: {blocks: [{run: 1 min, walk: 1 min, repeat: 5}]}, intensity: {rpe: 3}}
  - {id: level-2, session: {blocks: [{run: 2 min, walk: 1 min, repeat: 5}]}, intensity: {rpe: 3}}
  - {id: level-3, session: {blocks: [{run: 3 min, walk: 1 min, repeat: 5}]}, intensity: {rpe: 3}}
  - {id: level-4, session: {blocks: [{run: 4 min, walk: 1 min, repeat: 5}]}, intensity: {rpe: 3}}
)";

// The soreness rules (Fees et al. 1998; Adams et al. 2012, IJSPT 2018 Table 5), clinical-basis.md
// lines 35-44, with the warm-up as its own time point:
//   line 38: no soreness -> advance to the next session;
//   line 39: sore in the warm-up, gone during the warm-up -> repeat the previous session;
//   line 40: sore in the warm-up and it stays -> stop; 2 days off; come back one step lower;
//   line 41: sore more than 1 hour after, or the next day -> 1 day off; repeat;
//   line 43: (running variant) sore during the workout -> 1 day off and one step down.
std::string soreness_text() {
  return std::string(R"(format: 2
id: soreness-warmup
title: Soreness rules with the warm-up
version: "1"
condition: testing
references:
  - {id: soreness-rules, citation: "Adams et al. 2012, soreness rules, IJSPT 2018 Table 5"}
frequency: {sessions_per_week: 3, min_rest_days: 1}
progression: {sessions_to_advance: 1, partial_session: counts}
pain:
  warmup: {max: 0, ref: soreness-rules}
  during: {max: 5}
  next_morning: {max: 5, max_rise: 3}
responses:
  - name: warmup-stays
    when: {pain_warmup: {above: 0}, pain_during: {above: 0}}
    then: {action: step_back, stages: 1, rest_days: 2}
    why: "Sore in the warm-up and it stayed: stop, 2 days off, back one step."
    ref: soreness-rules
  - name: warmup-gone
    when: {pain_warmup: {above: 0}, pain_during: {at_most: 0}}
    then: {action: repeat}
    why: "Sore in the warm-up but it went: repeat the session."
    ref: soreness-rules
  - name: sore-during
    when: {pain_warmup: {at_most: 0}, pain_during: {above: 0}}
    then: {action: step_back, stages: 1, rest_days: 1}
    why: "Sore during the workout: a day off and one step down."
    ref: soreness-rules
  - name: sore-next-day
    when: {pain_next_morning: {above: 0}}
    then: {action: repeat, rest_days: 1}
    ref: soreness-rules
)") + kStages;
}

DayLog warmup_session(Date date, int warmup, int during, int next_morning) {
  DayLog log = session(date, during, next_morning);
  log.pain_warmup = warmup;
  return log;
}

// The pain-monitoring model (Silbernagel 2007, clinical-basis.md lines 21-28) with a rule that
// spans sessions added by a test.
std::string monitoring_text(const std::string& responses, int sessions_to_advance = 2) {
  return R"(format: 2
id: monitoring-spans
title: Pain monitoring across sessions
version: "1"
condition: testing
frequency: {sessions_per_week: 3, min_rest_days: 1}
progression: {sessions_to_advance: )" +
         std::to_string(sessions_to_advance) + R"(}
pain:
  during: {max: 5}
  next_morning: {max: 5, max_rise: 3}
responses:
)" + responses +
         kStages;
}

}  // namespace

// ---- Family 6: pain in the warm-up
// -------------------------------------------------------------

TEST_CASE("format 2, family 6: soreness rules with the warm-up decide as the source says",
          "[plan][format2]") {
  Run run = start(testing::load_text(soreness_text()), 2);  // at level 3

  SECTION("no soreness: advance to the next session (line 38)") {
    run.logs = {warmup_session(day(1), 0, 0, 0)};
    const Plan plan = run.plan(day(2));
    CHECK(last(plan).kind == DecisionKind::advance);
    CHECK(last(plan).to_stage == 3);
  }
  SECTION("sore in the warm-up and it stays: stop, 2 days off, one step lower (line 40)") {
    run.logs = {warmup_session(day(1), 2, 2, 0)};
    run.logs[0].session = SessionOutcome::partial;  // the runner stopped the session
    const Plan plan = run.plan(day(2));
    CHECK(last(plan).kind == DecisionKind::step_back);
    CHECK(last(plan).to_stage == 1);
    CHECK(last(plan).rest_days == 2);
    CHECK(last(plan).rule == "response 'warmup-stays'");
    CHECK(contains(last(plan).explanation, "pain in the warm-up was 2/10 on 2026-11-03"));
    CHECK(contains(last(plan).explanation, "Sore in the warm-up and it stayed"));
    // Tuesday's run, then Wednesday and Thursday off: the next run is on Saturday.
    REQUIRE(plan.next_run);
    CHECK(*plan.next_run == day(5));
  }
  SECTION("sore in the warm-up, gone during it: repeat (line 39)") {
    run.logs = {warmup_session(day(1), 2, 0, 0)};
    const Plan plan = run.plan(day(2));
    CHECK(last(plan).kind == DecisionKind::repeat);
    CHECK(last(plan).to_stage == 2);
    CHECK(last(plan).rest_days == 0);
    CHECK(plan.status.stage_index == 2);
  }
  SECTION("sore during the workout: 1 day off and one step down (line 43)") {
    run.logs = {warmup_session(day(1), 0, 2, 0)};
    const Plan plan = run.plan(day(2));
    CHECK(last(plan).kind == DecisionKind::step_back);
    CHECK(last(plan).to_stage == 1);
    CHECK(last(plan).rest_days == 1);
    CHECK(last(plan).rule == "response 'sore-during'");
  }
  SECTION("sore the next day: 1 day off, repeat (line 41)") {
    run.logs = {warmup_session(day(1), 0, 0, 1)};
    const Plan plan = run.plan(day(2));
    CHECK(last(plan).kind == DecisionKind::repeat);
    CHECK(last(plan).rest_days == 1);
  }
}

TEST_CASE("format 2, family 6: a protocol that uses the warm-up waits for it and asks for it",
          "[plan][format2]") {
  Run run = start(testing::load_text(soreness_text()), 2);
  run.logs = {session(day(1), 0, 0)};  // no warm-up value
  const Plan plan = run.plan(day(2));
  CHECK(last(plan).kind == DecisionKind::waiting);
  CHECK(plan.status.missing == std::vector<std::string>{"pain in the warm-up"});

  // The reminder after a planned run asks for the warm-up first, in the order it is felt.
  Run ahead = start(testing::load_text(soreness_text()), 2);
  const Plan week = ahead.plan(day(0));
  const Reminder* after_run = nullptr;
  for (const PlannedDay& d : week.days) {
    for (const Reminder& r : d.reminders) {
      if (r.when == TimePoint::during && !after_run) after_run = &r;
    }
  }
  REQUIRE(after_run);
  REQUIRE(after_run->fields.size() >= 2);
  CHECK(after_run->fields[0].value == LogValue::pain_warmup);
  CHECK(after_run->fields[1].value == LogValue::pain_during);
}

TEST_CASE("format 2, family 6: the warm-up limit alone repeats, and never relaxes the core",
          "[plan][format2]") {
  // No responses: a warm-up value above its limit is a passed limit, which repeats the stage.
  const std::string full = soreness_text();
  const std::string text =
      testing::edited(full.substr(0, full.find("responses:")) + kStages,
                      "  warmup: {max: 0, ref: soreness-rules}", "  warmup: {max: 1}");
  Run run = start(testing::load_text(text), 2);
  run.logs = {warmup_session(day(1), 2, 0, 0)};
  Plan plan = run.plan(day(2));
  CHECK(last(plan).kind == DecisionKind::repeat);
  CHECK(last(plan).rule == "pain.warmup");
  CHECK(contains(last(plan).explanation,
                 "pain in the warm-up was 2/10 on 2026-11-03; this protocol allows 1/10"));
  // A protocol that never uses the warm-up asks nothing of it (format 1 behaviour).
  Run plain = start(soreness_protocol(), 2);
  plain.logs = {session(day(1), 0, 0)};
  CHECK(last(plain.plan(day(2))).kind != DecisionKind::waiting);
}

// ---- Family 7: rules that span sessions
// --------------------------------------------------------

TEST_CASE("format 2, family 7: pain back on the restarted session stops running",
          "[plan][format2]") {
  // Soreness rules, line 40: after stopping, "come back one step lower"; the restarted session
  // is the test of that step. Pain back on it is the persisting pain of the red flags (line 58:
  // "pain that persists ... 72 h (soreness rules)"): seek medical attention.
  const std::string responses = R"(  - name: sore-during
    when: {pain_during: {above: 2}}
    then: {action: step_back, stages: 1, rest_days: 2}
  - name: back-on-restart
    when: {after_setback: true, pain_during: {above: 0}}
    then: {action: stop}
    why: "The pain came back on the restarted session: see your physiotherapist."
)";
  Run run = start(testing::load_text(monitoring_text(responses)), 2);
  run.logs = {session(day(1), 3, 0)};  // sore: step back, 2 days off

  SECTION("pain again on the first session after the step back: stop") {
    run.logs.push_back(session(day(5), 1, 0));
    const Plan plan = run.plan(day(6));
    CHECK(plan.decisions[0].kind == DecisionKind::step_back);
    CHECK(last(plan).kind == DecisionKind::stop);
    CHECK(last(plan).rule == "response 'back-on-restart'");
    CHECK(contains(last(plan).explanation, "this was your first session since a setback"));
    CHECK(plan.status.stopped);
  }
  SECTION("no pain on the restarted session, then the same pain later: no stop") {
    run.logs.push_back(session(day(5), 0, 0));
    run.logs.push_back(session(day(8), 1, 0));
    const Plan plan = run.plan(day(9));
    CHECK(plan.decisions[1].kind == DecisionKind::keep_going);
    CHECK(last(plan).kind != DecisionKind::stop);
    CHECK_FALSE(plan.status.stopped);
  }
  SECTION("a break rule's step back is a setback too") {
    const std::string with_break =
        testing::edited(monitoring_text(responses), "progression: {sessions_to_advance: 2}",
                        "progression: {sessions_to_advance: 2, breaks: [{days: 7, step_back: 1}]}");
    Run broken = start(testing::load_text(with_break), 2);
    broken.logs = {session(day(1), 0, 0), session(day(12), 1, 0)};
    const Plan plan = broken.plan(day(13));
    CHECK(last(plan).kind == DecisionKind::stop);
  }
}

TEST_CASE("format 2, family 7: no progression while pain is rising from week to week",
          "[plan][format2]") {
  // "Pain and stiffness must not rise from week to week" (clinical-basis.md line 28, [U]:
  // widely quoted, unconfirmed) and "if pain is increased overall, rest a week" (line 165, a
  // trend over sessions, Nutrients 2019 Table A2).
  const std::string responses = R"(  - name: rising-week-to-week
    when: {rising: {value: pain_next_morning, days: 7}}
    then: {action: repeat}
)";
  Run run = start(testing::load_text(monitoring_text(responses, 1)), 0);
  // Week 1: nothing the next mornings; week 2: 1/10 the next mornings, within every limit.
  run.logs = {session(day(1), 0, 0), session(day(3), 0, 0), session(day(5), 0, 0),
              session(day(8), 0, 1), session(day(10), 0, 1)};
  const Plan plan = run.plan(day(11));
  REQUIRE(plan.decisions.size() == 5);
  CHECK(plan.decisions[0].kind == DecisionKind::advance);
  CHECK(plan.decisions[1].kind == DecisionKind::advance);
  CHECK(plan.decisions[2].kind == DecisionKind::keep_going);  // two moves up in 7 days already
  CHECK(plan.decisions[3].kind == DecisionKind::repeat);
  CHECK(plan.decisions[3].rule == "response 'rising-week-to-week'");
  CHECK(contains(plan.decisions[3].explanation,
                 "your next-morning pain averaged 0.3/10 over the last 7 days, up from 0/10 the "
                 "7 days before"));
  CHECK(last(plan).kind == DecisionKind::repeat);
  CHECK(plan.status.stage_index == 2);

  SECTION("the same values without a rise move on") {
    run.logs[3].pain_next_morning = 0;
    run.logs[4].pain_next_morning = 0;
    CHECK(last(run.plan(day(11))).kind == DecisionKind::complete);
  }
}

TEST_CASE("format 2, family 7: pain above 2 on 2 of the last 3 sessions steps back",
          "[plan][format2]") {
  // Pain-monitoring zones (clinical-basis.md line 27: 0-3 safe, 4-5 acceptable) and "if pain is
  // up ... lower the load" (line 25), read over sessions: one session in the acceptable zone is
  // allowed, two of the last three lower the load.
  const std::string responses = R"(  - name: often-above-2
    when: {pain_during: {above: 2}, in_last: {sessions: 3, at_least: 2}}
    then: {action: step_back}
)";
  Run run = start(testing::load_text(monitoring_text(responses, 3)), 2);
  SECTION("2 of the last 3") {
    run.logs = {session(day(1), 3, 0), session(day(3), 0, 0), session(day(5), 4, 0)};
    const Plan plan = run.plan(day(6));
    CHECK(plan.decisions[0].kind == DecisionKind::keep_going);
    CHECK(plan.decisions[1].kind == DecisionKind::keep_going);
    CHECK(last(plan).kind == DecisionKind::step_back);
    CHECK(last(plan).to_stage == 1);
    CHECK(contains(last(plan).explanation, "that was so on 2 of your last 3 sessions"));
  }
  SECTION("1 of the last 3 moves up") {
    run.logs = {session(day(1), 0, 0), session(day(3), 0, 0), session(day(5), 4, 0)};
    CHECK(last(run.plan(day(6))).kind == DecisionKind::advance);
  }
  SECTION("2 of the last 4 is outside the window") {
    run.logs = {session(day(1), 3, 0), session(day(3), 0, 0), session(day(5), 0, 0),
                session(day(8), 4, 0)};
    const Plan plan = run.plan(day(9));
    CHECK(plan.decisions[2].kind == DecisionKind::advance);
    CHECK(last(plan).kind == DecisionKind::keep_going);
  }
}

// ---- Family 8: frequency by programme week
// -----------------------------------------------------

namespace {

// "2 days' rest between runs for the first 2 weeks; 1 day from then on", the shape of the
// post-ACL table (clinical-basis.md line 145: "3 runs a week, a rest day after each") with more
// rest while the runner starts (line 162: a non-impact day after every 2 steps).
std::string by_week_text() {
  return std::string(R"(format: 2
id: by-week
title: More rest in the first weeks
version: "1"
condition: testing
references:
  - {id: post-acl, citation: "Post-ACL progression, manhattansportsdoc.com"}
frequency:
  sessions_per_week: 3
  min_rest_days: 1
  by_week:
    - {weeks: [1, 2], min_rest_days: 2, ref: post-acl}
progression: {sessions_to_advance: 2}
pain:
  during: {max: 5}
  next_morning: {max_rise: 0}
)") + kStages;
}

}  // namespace

TEST_CASE("format 2, family 8: 2 days' rest for the first 2 weeks, 1 day from then on",
          "[plan][format2]") {
  Run run = start(testing::load_text(by_week_text()), 3);  // level 4

  SECTION("weeks 1-2 lay runs out 3 days apart; week 3 every other day") {
    Run from_start = start(testing::load_text(by_week_text()), 0);
    CHECK(run_days(from_start.plan(day(0))) == std::vector<Date>{day(1), day(5)});
    from_start.logs = {session(day(1), 0, 0), session(day(5), 0, 0), session(day(8), 0, 0),
                       session(day(12), 0, 0)};
    const Plan third = from_start.plan(day(14));  // Monday of week 3
    CHECK(run_days(third) == std::vector<Date>{day(15), day(17), day(19)});
  }
  SECTION("a run two days after the last in week 1 does not count") {
    run.logs = {session(day(1), 0, 0), session(day(3), 0, 0)};
    const Plan plan = run.plan(day(4));
    CHECK(last(plan).kind == DecisionKind::repeat);
    CHECK(last(plan).rule == "frequency.min_rest_days");
    CHECK(contains(last(plan).explanation,
                   "this protocol asks for 2 rest days between runs in weeks 1-2 of the "
                   "programme"));
  }
  SECTION("the same spacing in week 3 counts") {
    run.logs = {session(day(15), 0, 0), session(day(17), 0, 0)};
    CHECK(last(run.plan(day(18))).kind == DecisionKind::complete);
  }
}

TEST_CASE("format 2, family 8: where a week rule and a stage both apply, the more cautious wins",
          "[plan][format2]") {
  Protocol protocol = testing::load_text(by_week_text());
  const Date start = day(0);
  // Week 1 asks for 2 rest days over the stage's 1.
  CHECK(plan_internal::frequency_on(protocol, 0, start, day(3)).min_rest_days == 2);
  CHECK(plan_internal::frequency_on(protocol, 0, start, day(14)).min_rest_days == 1);
  // A stage that asks for 3 keeps 3 in week 1; a week rule of fewer runs lowers the stage's.
  protocol.stages[1].frequency.min_rest_days = 3;
  CHECK(plan_internal::frequency_on(protocol, 1, start, day(3)).min_rest_days == 3);
  protocol.stages[2].frequency.by_week = {WeekFrequency{1, 1, 1, 2, std::nullopt, ""}};
  const Frequency week1 = plan_internal::frequency_on(protocol, 2, start, day(6));
  CHECK(week1.sessions_max == 2);
  CHECK(week1.sessions_min == 1);
  CHECK(week1.min_rest_days == 1);
  CHECK(plan_internal::frequency_on(protocol, 2, start, day(7)).sessions_max == 3);
}
