#include <catch2/catch.hpp>

#include "protocol/amount.hpp"
#include "protocol/describe.hpp"
#include "support/name_table_checks.hpp"

using namespace runback;

namespace {
Amount time_of(const char* text) {
  return parse_amount(text, Amount::Kind::time).value();
}
Amount distance_of(const char* text) {
  return parse_amount(text, Amount::Kind::distance).value();
}
}  // namespace

TEST_CASE("blocks read as intervals or continuous running", "[protocol][describe]") {
  CHECK(describe_block({time_of("2 min"), time_of("1 min"), 5}) == "5 × (run 2 min / walk 1 min)");
  CHECK(describe_block({time_of("20 min"), std::nullopt, 1}) == "run 20 min continuously");
  CHECK(describe_block({distance_of("400 m"), distance_of("200 m"), 4}) ==
        "4 × (run 400 m / walk 200 m)");
  CHECK(describe_block({time_of("3 min"), time_of("1 min"), 1}) == "run 3 min, then walk 1 min");
  CHECK(describe_block({time_of("5 min"), std::nullopt, 3}) == "3 × run 5 min (no walk between)");
}

TEST_CASE("a session reads with its warm-up and cool-down and adds up", "[protocol][describe]") {
  Session session;
  session.warmup_walk = time_of("5 min");
  session.blocks = {{time_of("2 min"), time_of("1 min"), 5}, {distance_of("800 m"), {}, 1}};
  session.cooldown_walk = time_of("5 min");
  CHECK(describe_session(session) ==
        "walk 5 min to warm up, then 5 × (run 2 min / walk 1 min), then run 800 m continuously, "
        "then walk 5 min to cool down");
  const SessionTotals totals = session_totals(session);
  CHECK(totals.run_seconds == 600);
  CHECK(totals.run_metres == 800);
  CHECK(totals.walk_seconds == 900);
  CHECK(totals.walk_metres == 0);
  CHECK(describe_totals(totals) == "run 10 min + 800 m, walk 15 min in all");
  CHECK(describe_total(0, 0) == "none");
  CHECK(describe_total(0, 1600) == "1.6 km");
}

TEST_CASE("intensity, doses and frequency read as plain words", "[protocol][describe]") {
  Intensity intensity;
  CHECK(describe_intensity(intensity).empty());
  intensity.rpe_min = 3;
  intensity.rpe_max = 5;
  intensity.talk_test = true;
  intensity.cue = "easy pace";
  CHECK(describe_intensity(intensity) ==
        "effort 3-5 out of 10 (RPE); you can talk in full sentences; easy pace");

  Exercise drops;
  drops.sets = 3;
  drops.reps = 15;
  drops.times = 2;
  drops.tempo = "3 s down";
  CHECK(describe_exercise_dose(drops) == "3 × 15, twice a day, tempo 3 s down");
  Exercise hold;
  hold.sets = 5;
  hold.hold_s = 45;
  CHECK(describe_exercise_dose(hold) == "5 × 45 s hold, daily");
  CHECK(describe_times(3, Period::week) == "3 times a week");
  CHECK(describe_times(1, Period::week) == "once a week");

  CHECK(describe_frequency({3, 4, 1}) == "3-4 runs a week, at least 1 rest day between runs");
  CHECK(describe_frequency({3, 3, 0}) == "3 runs a week");
  CHECK(describe_frequency({1, 1, 2}) == "1 run a week, at least 2 rest days between runs");
}

TEST_CASE("actions and conditions read as sentences", "[protocol][describe]") {
  CHECK(describe_action({ActionKind::step_back, 1, 2}) ==
        "step back 1 stage and rest 2 days first");
  CHECK(describe_action({ActionKind::step_back, 2, 0}) == "step back 2 stages");
  CHECK(describe_action({ActionKind::repeat, 0, 1}) == "repeat this stage and rest 1 day first");
  CHECK(describe_action({ActionKind::proceed, 0, 0}) == "move up to the next stage");
  CHECK(describe_action({ActionKind::stop, 0, 3}) == "stop running and see your physiotherapist");
  // With the protocol's step word (format 2 `step_word: week`).
  CHECK(describe_action({ActionKind::step_back, 1, 1}, "week", "weeks") ==
        "step back 1 week and rest 1 day first");
  CHECK(describe_action({ActionKind::repeat, 0, 0}, "week", "weeks") == "repeat this week");

  Condition condition;
  condition.pain_during = NumberTest{NumberTest::Op::above, 2};
  condition.limp = true;
  CHECK(describe_condition(condition) == "pain during the run above 2/10 and a limp");
  condition.stiffness_minutes = NumberTest{NumberTest::Op::at_least, 30};
  condition.session = SessionOutcome::skipped;
  CHECK(describe_condition(condition) ==
        "pain during the run above 2/10, morning stiffness at least 30 min, a limp and the "
        "session was skipped");
  Condition exceeded;
  exceeded.exceeds = TimePoint::next_morning;
  CHECK(describe_condition(exceeded) == "pain the next morning passed its limit");

  CHECK(describe_pain_limit({5, 2}) ==
        "at most 5/10 and no more than 2 points above your usual pain");
  CHECK(describe_pain_limit({std::nullopt, 0}) == "no higher than your usual pain");
  CHECK(describe_pain_limit({2, std::nullopt}) == "at most 2/10");
}

TEST_CASE("each enumeration's YAML names cover every value", "[protocol][describe]") {
  testing::check_complete(kActionKindNames);
  testing::check_complete(kTimePointNames);
  testing::check_complete(kSessionOutcomeNames);
  testing::check_complete(kRecoveryWhenNames);
  testing::check_complete(kPeriodNames);
  testing::check_complete(kPartialSessionNames);
  CHECK(action_kind_name(ActionKind::step_back) == "step_back");
  CHECK(time_point_name(TimePoint::next_morning) == "next_morning");
  CHECK(session_outcome_name(SessionOutcome::skipped) == "skipped");
  CHECK(recovery_when_name(RecoveryWhen::rest_day) == "rest_day");
  CHECK(period_name(Period::week) == "week");
}
