// Format 2, family 9, what comes after the goal: weeks at the goal's session with speed steps, a
// heavy / light / medium week pattern and a lighter week every 4th week (arc-running's walk/run
// to 30 min "then about +10% a week with every 3rd-4th week lighter", clinical-basis.md
// section 7), followed by the planner like any stage, setbacks included.
#include <catch2/catch.hpp>

#include "plan/invariants.hpp"
#include "plan/planner_run.hpp"
#include "protocol/after_goal.hpp"
#include "protocol/amount.hpp"
#include "protocol/loader.hpp"
#include "protocol/personalise.hpp"

using namespace runback;
using namespace runback::test;

namespace {

const char* kAfterGoal = R"(format: 2
id: after-goal
title: After the goal
version: "1"
condition: testing
references:
  - id: arc
    citation: "Walk/run to 30 min (arc-running.com), clinical-basis.md section 7"
frequency: {sessions_per_week: 3, min_rest_days: 1}
progression: {sessions_to_advance: 3}
pain:
  during: {max: 2}
  next_morning: {max_rise: 0}
responses:
  - name: pain-during
    when: {exceeds: during}
    then: {action: step_back, stages: 1, rest_days: 1}
    why: "It hurt during the run: a day off, then the week before."
stages:
  - id: jog-14
    intensity: {rpe: 3}
    session: {blocks: [{run: 14min, walk: 2min, repeat: 2, speed: 5.5mph}]}
  - id: jog-30
    name: Jog 30 min
    intensity: {rpe: 3}
    session: {blocks: [{run: 30min, speed: 6mph}]}
after_goal:
  weeks: 8
  speed: {add: 0.2mph, until: 6.5mph}
  week_pattern: [heavy, light, medium]
  volume: {heavy: 100%, light: 70%, medium: 85%}
  lighter_week: {every: 4, volume: 80%}
  ref: arc
)";

Protocol after_goal_protocol() {
  LoadResult loaded = load_protocol_text(kAfterGoal, "after-goal.yaml");
  for (const auto& d : loaded.diagnostics) INFO(format_diagnostic(d));
  REQUIRE(loaded.protocol);
  return std::move(*loaded.protocol);
}

double minutes(const Stage& stage) {
  return running_volume(stage.session, Amount::Kind::time) / 60;
}

double mph(const Stage& stage) {
  return stage.session.blocks.at(0).speed->value;
}

DayLog run_log(Date date, int pain_during) {
  DayLog log;
  log.date = date;
  log.session = SessionOutcome::done;
  log.pain_during = pain_during;
  log.pain_next_morning = 0;
  return log;
}

}  // namespace

TEST_CASE(
    "format 2, family 9: the weeks after the goal follow the pattern, the lighter week "
    "and the speed steps",
    "[plan][format2]") {
  const Protocol personal = personalise(after_goal_protocol(), std::nullopt, "");
  REQUIRE(personal.stages.size() == 2 + 8);
  // heavy, light, medium, then week 4 lighter (80% < heavy's 100%), light, medium, heavy, and
  // week 8 light (70% is already below the lighter week's 80%).
  const double expected_minutes[] = {30, 21, 25.5, 24, 21, 25.5, 30, 21};
  const double expected_mph[] = {6, 6.2, 6.4, 6.5, 6.5, 6.5, 6.5, 6.5};
  for (int week = 1; week <= 8; ++week) {
    const Stage& stage = personal.stages[std::size_t(1 + week)];
    INFO("week " << week << ": " << stage.name);
    CHECK(stage.after_goal_week == week);
    CHECK(stage.id == "after-goal-week-" + std::to_string(week));
    CHECK(minutes(stage) == Approx(expected_minutes[week - 1]));
    CHECK(mph(stage) == Approx(expected_mph[week - 1]));
    CHECK(stage.sessions_to_advance == 3);  // a week's runs
  }
  CHECK(personal.stages[3].name == "After the goal, week 2 (light)");
  CHECK(personal.stages[5].name == "After the goal, week 4 (lighter)");
  CHECK(personal.stages[9].name == "After the goal, week 8 (light)");
  // Never more running than the goal's session, never faster than `until`.
  for (std::size_t i = 2; i < personal.stages.size(); ++i) {
    CHECK(minutes(personal.stages[i]) <= 30);
    CHECK(mph(personal.stages[i]) <= 6.5);
  }
}

TEST_CASE(
    "format 2, family 9: a runner at the goal moves through the weeks after it, steps back "
    "a week after a setback and completes after the last",
    "[plan][format2]") {
  const Protocol personal = personalise(after_goal_protocol(), std::nullopt, "");
  Run run = start(personal, 1);  // at the goal's stage, jog 30 min
  // Monday, Wednesday, Friday: three good runs a week.
  auto week_of_good_runs = [&](int week) {
    for (int d : {0, 2, 4}) run.logs.push_back(run_log(day(7 * week + d), 0));
  };
  week_of_good_runs(0);  // completes the goal stage: week 1 after the goal
  week_of_good_runs(1);  // week 2 (light, 21 min at 6.2 mph)
  Plan plan = run.plan(day(14));
  CHECK(last(plan).kind == DecisionKind::advance);
  CHECK(plan.status.stage_index == 3);
  // The light week's runs: 70% of the goal's 30 min, 0.2 mph faster than the week before.
  const std::vector<Date> runs = run_days(plan);
  REQUIRE(runs.size() == 3);
  for (const PlannedDay& d : plan.days) {
    if (d.run) CHECK(d.run->stage_index == 3);
  }

  // Pain during the first light week's run: the step-back response, to the heavy week before.
  run.logs.push_back(run_log(day(14), 4));
  plan = run.plan(day(16));
  INFO(last(plan).explanation);
  CHECK(last(plan).kind == DecisionKind::step_back);
  CHECK(last(plan).to_stage == 2);
  CHECK(plan.status.stage_index == 2);

  // Three more good runs to week 2, then a good week at each week after: complete after week 8.
  for (int d : {16, 18, 21}) run.logs.push_back(run_log(day(d), 0));
  for (int week = 4; week < 4 + 7; ++week) week_of_good_runs(week);
  plan = run.plan(day(7 * 11));
  CHECK(last(plan).kind == DecisionKind::complete);
  CHECK(plan.status.complete);
  CHECK(check_invariants(PlanRequest{run.protocol, nullptr, run.programme, run.logs, run.clearances,
                                     day(77), monday_of(day(77)), 7},
                         plan)
            .empty());
}

TEST_CASE("format 2, family 9: after_goal is refused where it cannot apply", "[plan][format2]") {
  auto errors_of = [](const std::string& text) {
    std::string out;
    for (const auto& d : load_protocol_text(text, "p.yaml").diagnostics) {
      out += format_diagnostic(d) + "\n";
    }
    return out;
  };
  std::string no_speed = kAfterGoal;
  no_speed.replace(no_speed.find("{run: 30min, speed: 6mph}"), 25, "{run: 30min}");
  CHECK_THAT(errors_of(no_speed),
             Catch::Contains("after_goal.speed") && Catch::Contains("gives its runs no speed"));
  std::string format1 = kAfterGoal;
  format1.replace(0, 9, "format: 1");
  CHECK_THAT(errors_of(format1), Catch::Contains("is read by protocol format 2"));
}
