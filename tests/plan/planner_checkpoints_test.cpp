// The planner at checkpoints, for each family of rules: pain monitoring, TREK, soreness rules,
// missing logs, partial and skipped sessions.

#include <catch2/catch.hpp>

#include "plan/planner_run.hpp"

using namespace runback;
using namespace runback::test;

TEST_CASE("pain-monitoring: two good sessions move the runner up", "[plan][achilles]") {
  Run run = start(achilles_protocol());
  run.logs = {session(day(1), 3, 0), session(day(3), 5, 0)};
  Plan plan = run.plan(day(4));
  REQUIRE(plan.decisions.size() == 2);
  CHECK(plan.decisions[0].kind == DecisionKind::keep_going);
  CHECK(contains(plan.decisions[0].explanation, "1 of 2 good sessions"));
  CHECK(last(plan).kind == DecisionKind::advance);
  CHECK(last(plan).to_stage == 1);
  CHECK(contains(last(plan).explanation, "Move up to stage 2"));
  CHECK(plan.status.stage_index == 1);
}

TEST_CASE("pain-monitoring: pain during above 5 repeats the stage", "[plan][achilles]") {
  Run run = start(achilles_protocol());
  run.logs = {session(day(1), 6, 0)};
  Plan plan = run.plan(day(2));
  CHECK(last(plan).kind == DecisionKind::repeat);
  CHECK(last(plan).rule == "pain.during");
  CHECK(last(plan).explanation ==
        "Repeat stage 1: pain during the run was 6/10 on 2026-11-03; this protocol allows 5/10.");
}

TEST_CASE("pain-monitoring: a rise the next morning steps back", "[plan][achilles]") {
  Run run = start(achilles_protocol(), 2);
  run.logs = {session(day(0), 2, 1), session(day(2), 2, 3)};
  run.logs[0].pain_next_morning = 1;
  run.programme.start_date = day(-1);
  DayLog before;
  before.date = day(-1);
  before.pain_next_morning = 1;
  run.logs.insert(run.logs.begin(), before);
  Plan plan = run.plan(day(3));
  CHECK(last(plan).kind == DecisionKind::step_back);
  CHECK(last(plan).to_stage == 1);
  CHECK(contains(last(plan).explanation, "Step back 1 stage to stage 2"));
  CHECK(contains(last(plan).explanation,
                 "next-morning pain after the run was 3/10 on 2026-11-04, "
                 "up from 1/10 the morning before"));
  CHECK(contains(last(plan).explanation, "response 'morning-rise'") == false);
  CHECK(contains(last(plan).explanation,
                 "the morning before; this protocol allows no rise. Your pain was up the next "
                 "morning, so the load comes down."));
}

TEST_CASE("no advance without the logs a rule needs", "[plan][knee]") {
  Run run = start(knee_protocol());
  run.logs = {session(day(1), 1, 0, 0), session(day(3), 1, -1, 0)};
  Plan plan = run.plan(day(3));
  CHECK(last(plan).kind == DecisionKind::waiting);
  CHECK(contains(last(plan).explanation, "Waiting for your next-morning pain for 2026-11-05"));
  CHECK(plan.status.stage_index == 0);
  CHECK(plan.status.waiting_for == day(3));

  SECTION("a later session turns the missing log into a repeat") {
    run.logs.push_back(session(day(5), 1, 0, 0));
    Plan later = run.plan(day(6));
    REQUIRE(later.decisions.size() == 3);
    CHECK(later.decisions[1].kind == DecisionKind::repeat);
    CHECK(later.decisions[1].rule == "missing logs");
    // Not "no next-morning pain was logged", which reads as a pain of 0.
    CHECK(contains(later.decisions[1].explanation,
                   "next-morning pain was not logged for the session on 2026-11-05, so it "
                   "cannot count"));
    CHECK(later.decisions[2].kind == DecisionKind::keep_going);
  }
}

TEST_CASE("TREK: pain ≤ 2 during, back to baseline after 60 min, no rise next morning",
          "[plan][knee]") {
  Run run = start(knee_protocol());
  SECTION("3/10 during repeats") {
    run.logs = {session(day(1), 3, 0, 0)};
    CHECK(last(run.plan(day(2))).explanation ==
          "Repeat stage 1: pain during the run was 3/10 on 2026-11-03; this protocol allows 2/10.");
  }
  SECTION("pain an hour after above the morning's level repeats") {
    run.logs = {session(day(0), 0, 1, 0), session(day(2), 2, 1, 2)};
    const Plan planned = run.plan(day(3));
    const Decision& d = last(planned);
    CHECK(d.kind == DecisionKind::repeat);
    CHECK(d.rule == "pain.after");
    CHECK(contains(d.explanation, "pain 60 minutes after the run was 2/10"));
  }
  SECTION("a rise the next morning repeats (no response: repeat)") {
    run.logs = {session(day(1), 2, 1, 0)};
    const Plan planned = run.plan(day(2));
    const Decision& d = last(planned);
    CHECK(d.kind == DecisionKind::repeat);
    CHECK(contains(d.explanation, "this protocol allows no rise"));
  }
  SECTION("the after-run value is needed too") {
    run.logs = {session(day(1), 2, 0)};
    CHECK(contains(last(run.plan(day(2))).explanation, "pain 60 minutes after the run"));
    CHECK(last(run.plan(day(2))).kind == DecisionKind::waiting);
  }
}

TEST_CASE("soreness rules: sore during steps back with a day off", "[plan][soreness]") {
  Run run = start(soreness_protocol(), 3);
  run.logs = {session(day(0), 1, 0)};
  Plan plan = run.plan(day(1));
  CHECK(last(plan).kind == DecisionKind::step_back);
  CHECK(last(plan).rest_days == 1);
  CHECK(last(plan).to_stage == 2);
  CHECK(last(plan).explanation ==
        "Step back 1 stage to stage 3 after 1 rest day: you logged pain during 1/10 on "
        "2026-11-02. You were sore during the run: one step down, after a day off.");
  CHECK(plan.status.rest_through == day(1));
  for (const auto& d : plan.days) {
    if (d.date <= day(1)) CHECK((!d.run || d.run->logged));
  }
  CHECK(plan.days[1].rest == RestKind::imposed);
}

TEST_CASE("soreness rules: sore the next day means a day off and repeat", "[plan][soreness]") {
  Run run = start(soreness_protocol(), 1);
  run.logs = {session(day(0), 0, 2)};
  const Plan planned = run.plan(day(1));
  const Decision& d = last(planned);
  CHECK(d.kind == DecisionKind::repeat);
  CHECK(d.rest_days == 1);
  CHECK(d.explanation ==
        "Repeat stage 2 after 1 rest day: you logged next-morning pain 2/10 on 2026-11-02. You "
        "were sore the next day: a day off, then the same stage again.");
}

TEST_CASE("soreness rules: no soreness moves on, a partial session counts", "[plan][soreness]") {
  Run run = start(soreness_protocol());
  DayLog partial = session(day(2), 0, 0);
  partial.session = SessionOutcome::partial;
  run.logs = {session(day(0), 0, 0), partial};
  CHECK(last(run.plan(day(3))).kind == DecisionKind::advance);
}

TEST_CASE("a partial session repeats when the protocol says so", "[plan][partial]") {
  Run run = start(achilles_protocol());
  DayLog partial = session(day(2), 0, 0);
  partial.session = SessionOutcome::partial;
  run.logs = {session(day(0), 0, 0), partial};
  const Plan planned = run.plan(day(3));
  const Decision& d = last(planned);
  CHECK(d.kind == DecisionKind::repeat);
  CHECK(d.rule == "progression.partial_session");
}

TEST_CASE("a skipped session does not count and needs no pain scores", "[plan][partial]") {
  Run run = start(achilles_protocol());
  DayLog skipped;
  skipped.date = day(2);
  skipped.session = SessionOutcome::skipped;
  run.logs = {session(day(0), 0, 0), skipped, session(day(4), 0, 0)};
  Plan plan = run.plan(day(5));
  CHECK(plan.decisions[1].kind == DecisionKind::repeat);
  CHECK(contains(plan.decisions[1].explanation, "you skipped the session on 2026-11-04"));
  CHECK(plan.decisions[2].kind == DecisionKind::keep_going);
}
