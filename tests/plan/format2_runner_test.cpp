// Format 2, families 9 and 11 (d, e) in the planner: a ladder generated up to the runner's goal,
// the weekly cap on running, the protocol's own step word, and the option chosen at start.
#include <catch2/catch.hpp>

#include "plan/invariants.hpp"
#include "plan/planner_run.hpp"
#include "protocol/amount.hpp"
#include "protocol/loader.hpp"
#include "protocol/personalise.hpp"

using namespace runback;
using namespace runback::test;

namespace {

// "+1/4 mile each session until the goal": published programmes also use distances to a goal
// (clinical-basis.md section 7, line 169: "0.1 mile walk / 0.2 mile jog repeated to 2 miles"),
// and arc-running's walk/run to 30 min then grows about +10% a week with every 3rd-4th week
// lighter (section 7, lines 149-150). Sessions_to_advance 1: each good session is a step.
const char* kLadder = R"(format: 2
id: ladder
title: Ladder
version: "1"
condition: testing
step_word: level
goal: {unit: distance, default: 2mi, min: 1mi, max: 3mi}
weekly_cap: WEEKLY_CAP
options:
  - {id: road, name: Road}
  - {id: treadmill, name: Treadmill}
frequency: {sessions_per_week: 2, min_rest_days: 2}
progression: {sessions_to_advance: 1, max_stages_per_7_days: 2}
pain:
  during: {max: 2}
  next_morning: {max_rise: 0}
stages:
  - id: one-mile
    name: One mile
    intensity: {rpe: 3}
    session:
      blocks:
        - {run: 1mi}
    ladder: {add: 0.25mi, until: goal}
    alternatives:
      - id: treadmill
        name: On a treadmill
        session:
          blocks:
            - {run: 1mi, walk: 0.1mi}
        surface: treadmill
)";

Protocol ladder_protocol(const std::string& cap = "20mi") {
  std::string text = kLadder;
  text.replace(text.find("WEEKLY_CAP"), 10, cap);
  LoadResult loaded = load_protocol_text(text, "ladder.yaml");
  for (const auto& d : loaded.diagnostics) INFO(format_diagnostic(d));
  REQUIRE(loaded.protocol);
  return std::move(*loaded.protocol);
}

DayLog good_run(Date date) {
  DayLog log;
  log.date = date;
  log.session = SessionOutcome::done;
  log.pain_during = 0;
  log.pain_next_morning = 0;
  return log;
}

double miles(const Stage& stage) {
  return running_volume(stage.session, Amount::Kind::distance) / kMetresPerMile;
}

}  // namespace

TEST_CASE("format 2, family 9: +1/4 mile each session until the goal, then complete",
          "[plan][format2]") {
  // Goal 2 mi from 1 mi: 4 generated steps (1.25, 1.5, 1.75, 2 mi), named "<stage> + N".
  const Protocol personal =
      personalise(ladder_protocol(), Amount{Amount::Kind::distance, 2 * kMetresPerMile}, "road");
  REQUIRE(personal.stages.size() == 5);
  for (int n = 0; n < 5; ++n) CHECK(miles(personal.stages[std::size_t(n)]) == Approx(1 + 0.25 * n));
  CHECK(personal.stages[4].name == "One mile + 4");
  CHECK(personal.stages[4].id == "one-mile-plus-4");

  Run run = start(personal);
  // A good run every 3-4 days: never more than 2 moves in 7 days, so each one is a step.
  const int days[] = {1, 4, 8, 11, 15};
  for (int d : days) run.logs.push_back(good_run(day(d)));
  const Plan plan = run.plan(day(16));
  REQUIRE(plan.decisions.size() == 5);
  for (int i = 0; i < 4; ++i) {
    INFO(plan.decisions[std::size_t(i)].explanation);
    CHECK(plan.decisions[std::size_t(i)].kind == DecisionKind::advance);
    CHECK(plan.decisions[std::size_t(i)].to_stage == i + 1);
  }
  CHECK(last(plan).kind == DecisionKind::complete);
  CHECK(plan.status.complete);
  CHECK(check_invariants(PlanRequest{run.protocol, nullptr, run.programme, run.logs, run.clearances,
                                     day(16), monday_of(day(16)), 7},
                         plan)
            .empty());
}

TEST_CASE("format 2, family 9: a goal between steps ends on the goal, never past it",
          "[plan][format2]") {
  const Protocol personal =
      personalise(ladder_protocol(), Amount{Amount::Kind::distance, 1.6 * kMetresPerMile}, "road");
  REQUIRE(personal.stages.size() == 4);  // 1, 1.25, 1.5, then 1.6 (not 1.75)
  CHECK(miles(personal.stages.back()) == Approx(1.6));
  // The default goal (2 mi) when the runner chose none.
  CHECK(personalise(ladder_protocol(), std::nullopt, "").stages.size() == 5);
}

TEST_CASE("format 2, family 9: the weekly cap drops a run that would pass it", "[plan][format2]") {
  // Cap 3 mi: 1.5 mi on Tuesday (+2 step) and 1.75 mi on Friday would make 3.25 mi.
  const Protocol personal = personalise(ladder_protocol("3mi"), std::nullopt, "road");
  Run run = start(personal, 2);
  const Plan plan = run.plan(kMonday, 14);
  const std::vector<Date> runs = run_days(plan);
  REQUIRE_FALSE(runs.empty());
  CHECK(runs.front() == day(1));  // Tuesday 1.5 mi
  int dropped = 0;
  for (const PlannedDay& d : plan.days) {
    if (d.date < day(7) && d.date != day(1)) CHECK_FALSE(d.run);
    if (d.over_weekly_cap) ++dropped;
  }
  CHECK(dropped >= 1);
  // The next week starts afresh: a run on its first run day.
  CHECK(std::any_of(runs.begin(), runs.end(), [](Date d) { return d >= day(7); }));
  const PlanRequest request{run.protocol,   nullptr, run.programme, run.logs,
                            run.clearances, kMonday, kMonday,       14};
  CHECK(check_invariants(request, plan).empty());
}

TEST_CASE("format 2, family 11: the protocol's step word in everything the runner reads",
          "[plan][format2]") {
  Run run = start(personalise(ladder_protocol(), std::nullopt, "road"));
  run.logs.push_back(good_run(day(1)));
  const Plan plan = run.plan(day(2));
  const std::string& text = last(plan).explanation;
  INFO(text);
  CHECK(contains(text, "Move up to level 2"));
  CHECK(contains(text, "at level 1"));
  CHECK_FALSE(contains(text, "stage"));
}

TEST_CASE("format 2, family 11: the plan follows the chosen option's session", "[plan][format2]") {
  const Protocol road = personalise(ladder_protocol(), std::nullopt, "");
  const Protocol treadmill = personalise(ladder_protocol(), std::nullopt, "treadmill");
  CHECK(road.runner_option == "road");  // no --option: the first
  CHECK_FALSE(road.stages[0].session.blocks[0].walk);
  REQUIRE(treadmill.stages[0].session.blocks[0].walk);
  CHECK(treadmill.stages[0].surface == "treadmill");
  CHECK(treadmill.stages[0].name == "One mile (On a treadmill)");
  // The ladder climbs from the alternative's session too.
  CHECK(treadmill.stages.back().session.blocks[0].walk);
  CHECK(miles(treadmill.stages.back()) == Approx(2));
}
