// The progression rules on their own: what a checkpoint's action, a long break, a stop and a
// clearance do to where the runner stands, without a plan around them.

#include <catch2/catch.hpp>

#include "plan/fixtures.hpp"
#include "plan/progression.hpp"

using namespace runback;
using namespace runback::plan_internal;
using namespace runback::test;

namespace {

const Date kMonday = make_date(2026, 11, 2);
Date on(int offset) {
  return kMonday + std::chrono::days{offset};
}

const Action kProceed{ActionKind::proceed, 0, 0};

Progress at_stage(int stage, int clean = 0) {
  Progress progress;
  progress.stage = stage;
  progress.clean = clean;
  progress.stage_since = on(-30);
  return progress;
}

}  // namespace

TEST_CASE("a pass counts towards moving up until the stage's count is reached",
          "[plan][progression]") {
  const Protocol p = achilles_protocol();  // two good sessions move up
  Progress progress = at_stage(1);
  Move move = apply_action(p, progress, on(0), kProceed);
  CHECK(move.kind == DecisionKind::keep_going);
  CHECK(move.rule.empty());
  CHECK(move.clean == 1);
  CHECK(move.needed == 2);
  CHECK(progress.clean == 1);
  CHECK(progress.stage == 1);

  move = apply_action(p, progress, on(2), kProceed);
  CHECK(move.kind == DecisionKind::advance);
  CHECK(move.rule == "sessions_to_advance");
  CHECK(move.from_stage == 1);
  CHECK(move.to_stage == 2);
  CHECK(move.clean == 2);
  CHECK(progress.stage == 2);
  CHECK(progress.clean == 0);
  CHECK(progress.stage_since == on(2));
  CHECK(progress.advances == std::deque<Date>{on(2)});
}

TEST_CASE("a pass at the last stage completes the programme", "[plan][progression]") {
  const Protocol p = achilles_protocol();
  Progress progress = at_stage(int(p.stages.size()) - 1, 1);
  const Move move = apply_action(p, progress, on(0), kProceed);
  CHECK(move.kind == DecisionKind::complete);
  CHECK(move.to_stage == move.from_stage);
  CHECK(progress.complete);
  CHECK(progress.clean == 2);
}

TEST_CASE("moves up are held at the protocol's most per 7 days", "[plan][progression]") {
  Protocol p = achilles_protocol();
  for (auto& stage : p.stages) stage.sessions_to_advance = 1;
  p.progression.max_stages_per_7_days = 1;
  Progress progress = at_stage(0);
  CHECK(apply_action(p, progress, on(0), kProceed).kind == DecisionKind::advance);

  const Move held = apply_action(p, progress, on(6), kProceed);
  CHECK(held.kind == DecisionKind::keep_going);
  CHECK(held.held);
  CHECK(held.rule == "progression.max_stages_per_7_days");
  CHECK(held.recent_moves == 1);
  CHECK(progress.stage == 1);
  CHECK(progress.clean == 1);  // the pass still counts

  // Seven days after the move up it no longer counts against the next.
  const Move moved = apply_action(p, progress, on(7), kProceed);
  CHECK(moved.kind == DecisionKind::advance);
  CHECK(progress.stage == 2);
  CHECK(progress.advances == std::deque<Date>{on(7)});
}

TEST_CASE("the core's limit on moves per 7 days caps a looser protocol", "[plan][progression]") {
  Protocol p = achilles_protocol();
  p.progression.max_stages_per_7_days = 50;
  CHECK(stages_per_7_days(p) < 50);
  p.progression.max_stages_per_7_days = 0;
  CHECK(stages_per_7_days(p) == 1);
}

TEST_CASE("a repeat keeps the stage and starts the count again", "[plan][progression]") {
  const Protocol p = achilles_protocol();
  Progress progress = at_stage(2, 1);
  const Move move = apply_action(p, progress, on(0), Action{ActionKind::repeat, 0, 2});
  CHECK(move.kind == DecisionKind::repeat);
  CHECK(move.to_stage == 2);
  CHECK(progress.stage == 2);
  CHECK(progress.clean == 0);
  CHECK(progress.stage_since == on(-30));
  CHECK(progress.rest_through == on(2));
}

TEST_CASE("rest days never shorten rest already asked for", "[plan][progression]") {
  const Protocol p = achilles_protocol();
  Progress progress = at_stage(2);
  progress.rest_through = on(5);
  (void)apply_action(p, progress, on(0), Action{ActionKind::repeat, 0, 1});
  CHECK(progress.rest_through == on(5));
  (void)apply_action(p, progress, on(1), Action{ActionKind::proceed, 0, 9});
  CHECK(progress.rest_through == on(10));
}

TEST_CASE("a step back goes down at least one stage, never below the first",
          "[plan][progression]") {
  const Protocol p = achilles_protocol();
  SECTION("two stages down") {
    Progress progress = at_stage(3, 1);
    const Move move = apply_action(p, progress, on(0), Action{ActionKind::step_back, 2, 1});
    CHECK(move.kind == DecisionKind::step_back);
    CHECK(move.from_stage == 3);
    CHECK(move.to_stage == 1);
    CHECK(progress.stage == 1);
    CHECK(progress.clean == 0);
    CHECK(progress.stage_since == on(0));
    CHECK(progress.rest_through == on(1));
  }
  SECTION("no stages given still means one") {
    Progress progress = at_stage(3);
    CHECK(apply_action(p, progress, on(0), Action{ActionKind::step_back, 0, 0}).to_stage == 2);
  }
  SECTION("at the first stage it stays, and its days at the stage go on") {
    Progress progress = at_stage(0, 1);
    const Move move = apply_action(p, progress, on(0), Action{ActionKind::step_back, 3, 0});
    CHECK(move.to_stage == 0);
    CHECK(progress.clean == 0);
    CHECK(progress.stage_since == on(-30));
  }
}

TEST_CASE("a stop holds all running, and its rest days are no rest to count",
          "[plan][progression]") {
  const Protocol p = achilles_protocol();
  Progress progress = at_stage(2, 1);
  const Move move = apply_action(p, progress, on(0), Action{ActionKind::stop, 0, 3});
  CHECK(move.kind == DecisionKind::stop);
  CHECK(move.to_stage == 2);
  CHECK(progress.stopped);
  CHECK(progress.stopped_on == on(0));
  CHECK(progress.clean == 0);
  CHECK_FALSE(progress.rest_through);
}

TEST_CASE("a clearance lifts only a stop dated on or before it", "[plan][progression]") {
  Progress progress = at_stage(2, 1);
  CHECK_FALSE(resume(progress, Clearance{on(0), "Dr Lee", ""}));  // nothing to lift
  stop(progress, on(3));
  CHECK_FALSE(resume(progress, Clearance{on(2), "Dr Lee", ""}));
  CHECK(progress.stopped);
  CHECK(resume(progress, Clearance{on(4), "Dr Lee", ""}));
  CHECK_FALSE(progress.stopped);
  CHECK(progress.rest_through == on(4));  // running starts the day after
  CHECK(progress.stage == 2);
}

TEST_CASE("a run too soon after the one before does not count", "[plan][progression]") {
  const Protocol p = achilles_protocol();  // one rest day between runs
  Progress progress = at_stage(0);
  CHECK_FALSE(too_soon(p, progress, on(0)));  // the first run
  record_run(progress, on(0));
  const auto next_day = too_soon(p, progress, on(1));
  REQUIRE(next_day);
  CHECK_FALSE(next_day->rest_day);
  CHECK(next_day->gap == 1);
  CHECK(next_day->min_rest == 1);
  CHECK_FALSE(too_soon(p, progress, on(2)));

  progress.rest_through = on(4);
  const auto rest_day = too_soon(p, progress, on(4));
  REQUIRE(rest_day);
  CHECK(rest_day->rest_day);
  CHECK_FALSE(too_soon(p, progress, on(5)));
}

TEST_CASE("a break rule is found by its exact length", "[plan][progression]") {
  Protocol p = achilles_protocol();  // 7 days: one back; 28 days: start again
  CHECK_FALSE(break_rule_for(p, 6));
  REQUIRE(break_rule_for(p, 7));
  CHECK(break_rule_for(p, 7)->step_back == 1);
  CHECK_FALSE(break_rule_for(p, 8));
  REQUIRE(break_rule_for(p, 28));
  CHECK(break_rule_for(p, 28)->restart);
  p.progression.breaks.push_back(BreakRule{7, 2, false});
  CHECK(break_rule_for(p, 7)->step_back == 2);  // the last listed
}

TEST_CASE("a long break steps back from the stage it began at", "[plan][progression]") {
  const Protocol p = achilles_protocol();
  Progress progress = at_stage(3, 1);
  record_run(progress, on(0));
  CHECK_FALSE(take_break(p, progress, on(6), kMonday));

  const auto week = take_break(p, progress, on(7), kMonday);
  REQUIRE(week);
  CHECK(week->gap == 7);
  CHECK(week->since == on(0));
  CHECK(week->since_run);
  CHECK(week->from_stage == 3);
  CHECK(week->to_stage == 2);
  CHECK(progress.stage == 2);
  CHECK(progress.clean == 0);
  CHECK(progress.stage_since == on(7));

  const auto month = take_break(p, progress, on(28), kMonday);
  REQUIRE(month);
  CHECK(month->from_stage == 2);
  CHECK(month->to_stage == 0);
  CHECK(progress.stage == 0);
}

TEST_CASE("a break before any run counts from the start", "[plan][progression]") {
  const Protocol p = achilles_protocol();
  Progress progress = at_stage(2);
  const auto move = take_break(p, progress, on(7), kMonday);
  REQUIRE(move);
  CHECK_FALSE(move->since_run);
  CHECK(move->since == kMonday);
  CHECK(move->to_stage == 1);
}

TEST_CASE("a break that cannot move the runner down only resets a count", "[plan][progression]") {
  const Protocol p = achilles_protocol();
  SECTION("at the first stage with good runs counted: stay and count again") {
    Progress progress = at_stage(0, 1);
    record_run(progress, on(0));
    const auto move = take_break(p, progress, on(7), kMonday);
    REQUIRE(move);
    CHECK(move->to_stage == 0);
    CHECK(progress.clean == 0);
    CHECK(progress.stage_since == on(-30));
  }
  SECTION("at the first stage with nothing counted: no decision") {
    Progress progress = at_stage(0);
    record_run(progress, on(0));
    CHECK_FALSE(take_break(p, progress, on(7), kMonday));
  }
  SECTION("a run ends the break: the next one is counted from the stage then") {
    Progress progress = at_stage(3);
    record_run(progress, on(0));
    REQUIRE(take_break(p, progress, on(7), kMonday));
    CHECK(progress.stage_before_break == 3);
    record_run(progress, on(8));
    CHECK(progress.stage_before_break == -1);
    const auto next = take_break(p, progress, on(15), kMonday);
    REQUIRE(next);
    CHECK(next->from_stage == 2);
    CHECK(next->to_stage == 1);  // one back from stage 2, where the second break began
  }
}
