// The planner at events that are not a good or bad run: red flags and stops, clearances, long
// breaks, and the limit on moves up per 7 days.

#include <catch2/catch.hpp>

#include "plan/planner_run.hpp"

using namespace runback;
using namespace runback::test;

TEST_CASE("a red flag stops all running until a clearance", "[plan][red-flag]") {
  Run run = start(achilles_protocol(), 2);
  DayLog flag;
  flag.date = day(1);
  flag.red_flags = {"night-pain"};
  run.logs = {session(day(0), 1, 0), flag};
  Plan plan = run.plan(day(2), 14);
  CHECK(last(plan).kind == DecisionKind::stop);
  // The planner spells no command: how to record the clearance is added by the reports, in the
  // command line's words (tests/report/decision_words_test.cpp).
  CHECK(last(plan).explanation ==
        "Stop running for now and see your physiotherapist: you logged pain at night, or pain "
        "that wakes you on 2026-11-03.");
  CHECK(plan.status.stopped);
  CHECK(run_days(plan) == std::vector<Date>{day(0)});
  CHECK_FALSE(plan.next_run);
  CHECK_FALSE(plan.projected_completion);

  SECTION("a later run does not count while stopped") {
    run.logs.push_back(session(day(3), 0, 0));
    CHECK(last(run.plan(day(4))).kind == DecisionKind::stop);
  }
  SECTION("a clearance resumes running from the next day") {
    run.clearances = {Clearance{day(4), "Dr Lee", ""}};
    Plan cleared = run.plan(day(4), 14);
    CHECK(last(cleared).kind == DecisionKind::resume);
    CHECK(contains(last(cleared).explanation, "Cleared to run again by Dr Lee on 2026-11-06"));
    REQUIRE(cleared.next_run);
    CHECK(*cleared.next_run > day(4));
    CHECK(cleared.projected_completion);
  }
  SECTION("a clearance dated before the flag does not count") {
    run.clearances = {Clearance{day(0), "Dr Lee", ""}};
    CHECK(run.plan(day(4)).status.stopped);
  }
}

TEST_CASE("a stop response stops like a red flag", "[plan][red-flag]") {
  Protocol p = achilles_protocol();
  Condition limp;
  limp.limp = true;
  Response r;
  r.name = "limp";
  r.when = limp;
  r.then = Action{ActionKind::stop, 0, 0};
  r.why = "you were limping";
  p.responses.push_back(r);
  Run run = start(p);
  DayLog log = session(day(0), 1, 0);
  log.limp = true;
  run.logs = {log};
  CHECK(last(run.plan(day(1))).kind == DecisionKind::stop);
  CHECK(run.plan(day(1)).status.stopped);
}

TEST_CASE("a long break steps back as the protocol says", "[plan][break]") {
  Run run = start(achilles_protocol(), 3);
  SECTION("ten days off: one stage back") {
    // The break is decided on the day it reaches the rule's 7 days, so every view of that day
    // already shows where the next run starts.
    run.logs = {session(day(0), 0, 0), session(day(10), 0, 0)};
    Plan plan = run.plan(day(11));
    REQUIRE(plan.decisions.size() == 3);
    CHECK(plan.decisions[1].kind == DecisionKind::break_back);
    CHECK(plan.decisions[1].date == day(7));
    CHECK(plan.decisions[1].to_stage == 2);
    CHECK(plan.decisions[1].explanation ==
          "Back to stage 3: it has been 7 days since your last run on 2026-11-02; after 7 days "
          "without running this protocol steps back 1 stage.");
    CHECK(plan.decisions[2].from_stage == 2);
    CHECK(run.plan(day(7)).status.stage_index == 2);
    CHECK(run.plan(day(6)).status.stage_index == 3);
  }
  SECTION("a month off: start again, counted from the stage the break began at") {
    run.logs = {session(day(0), 0, 0), session(day(30), 0, 0)};
    Plan plan = run.plan(day(31));
    REQUIRE(plan.decisions.size() >= 3);
    CHECK(plan.decisions[1].kind == DecisionKind::break_back);
    CHECK(plan.decisions[1].to_stage == 2);
    CHECK(plan.decisions[2].kind == DecisionKind::break_back);
    CHECK(plan.decisions[2].to_stage == 0);
  }
  SECTION("a break still to come shows up in the plan before the next run") {
    run.logs = {session(day(0), 0, 0)};
    Plan plan = run.plan(day(6));  // Sunday: the break comes on Monday, the next run on Tuesday
    REQUIRE_FALSE(plan.projected.empty());
    CHECK(plan.projected.front().kind == DecisionKind::break_back);
  }
}
TEST_CASE("never more stages in 7 days than the protocol allows", "[plan][rate]") {
  Protocol p = achilles_protocol();
  for (auto& stage : p.stages) {
    stage.sessions_to_advance = 1;
    stage.frequency = Frequency{7, 7, 0};
  }
  p.progression.max_stages_per_7_days = 1;
  Run run = start(p);
  run.logs = {session(day(0), 0, 0), session(day(1), 0, 0), session(day(2), 0, 0)};
  Plan plan = run.plan(day(3));
  CHECK(plan.decisions[0].kind == DecisionKind::advance);
  CHECK(plan.decisions[1].kind == DecisionKind::keep_going);
  CHECK(plan.decisions[1].rule == "progression.max_stages_per_7_days");
  CHECK(plan.status.stage_index == 1);
}
