// The days the planner lays out: run days, what each day holds, what was logged on it, and the
// projection ahead.

#include <algorithm>
#include <catch2/catch.hpp>

#include "plan/planner_run.hpp"

using namespace runback;
using namespace runback::test;

TEST_CASE("run days follow the preferred weekdays, else are spread out", "[plan][schedule]") {
  Run run = start(achilles_protocol());
  SECTION("spread out: Tuesday, Thursday, Saturday") {
    Plan plan = run.plan(day(0));
    CHECK(run_days(plan) == std::vector<Date>{day(1), day(3), day(5)});
  }
  SECTION("preferred days") {
    run.programme.run_days = {std::chrono::Monday, std::chrono::Wednesday, std::chrono::Friday};
    Plan plan = run.plan(day(0));
    CHECK(run_days(plan) == std::vector<Date>{day(0), day(2), day(4)});
    CHECK(plan.days[0].run->if_all_goes_well == false);
    CHECK(plan.days[4].run->if_all_goes_well == true);  // stage 2 after two good runs
    CHECK(plan.days[4].run->stage_index == 1);
  }
  SECTION("preferred days too close together are thinned out, then filled up") {
    run.programme.run_days = {std::chrono::Monday, std::chrono::Tuesday};
    Plan plan = run.plan(day(0));
    const auto runs = run_days(plan);
    REQUIRE(runs.size() == 3);
    CHECK(runs[0] == day(0));
    for (std::size_t i = 1; i < runs.size(); ++i) CHECK((runs[i] - runs[i - 1]).count() >= 2);
  }
}

TEST_CASE("new run days hold from their day on, within a stage already under way",
          "[plan][schedule]") {
  // The run-day pattern is kept per stage as the walk goes; a change of run days must still
  // take effect in the middle of a stage the runner had reached before it.
  Run run = start(achilles_protocol());
  run.programme.run_days = {std::chrono::Monday, std::chrono::Wednesday, std::chrono::Friday};
  run.programme.run_days_changes = {
      {day(7), {std::chrono::Tuesday, std::chrono::Thursday, std::chrono::Saturday}}};
  Plan plan = run.plan(day(0), 14);
  REQUIRE(plan.days.size() == 14);
  CHECK(run_days(plan) == std::vector<Date>{day(0), day(2), day(4), day(8), day(10), day(12)});
  REQUIRE(plan.days[4].run);
  REQUIRE(plan.days[8].run);
  CHECK(plan.days[8].run->stage_index == plan.days[4].run->stage_index);
}

TEST_CASE("each day lists its exercises, recovery and what to log", "[plan][schedule]") {
  Run run = start(achilles_protocol());
  run.programme.run_days = {std::chrono::Monday, std::chrono::Wednesday, std::chrono::Friday};
  Plan plan = run.plan(day(0));
  REQUIRE(plan.days.size() == 7);
  CHECK(plan.days[0].exercises.size() == 1);
  CHECK(plan.days[1].recovery.size() == 1);  // easy walk on a rest day
  CHECK(plan.days[0].recovery.empty());
  REQUIRE(plan.days[0].reminders.size() == 1);
  CHECK(plan.days[0].reminders[0].when == TimePoint::during);
  REQUIRE(plan.days[1].reminders.size() == 1);
  CHECK(plan.days[1].reminders[0].when == TimePoint::next_morning);
  CHECK(plan.days[1].reminders[0].session_date == day(0));
}

TEST_CASE("evening recovery falls on run days only, as the format says", "[plan][schedule]") {
  Protocol protocol = achilles_protocol();
  RecoveryItem evening;
  evening.name = "Evening reset";
  evening.when = RecoveryWhen::evening;
  protocol.recovery.push_back(evening);
  Run run = start(protocol);
  run.programme.run_days = {std::chrono::Monday, std::chrono::Wednesday, std::chrono::Friday};
  Plan plan = run.plan(day(0));
  REQUIRE(plan.days.size() == 7);
  for (const PlannedDay& d : plan.days) {
    const bool has_evening =
        std::any_of(d.recovery.begin(), d.recovery.end(),
                    [](const RecoveryItem& item) { return item.name == "Evening reset"; });
    INFO(format_date(d.date));
    CHECK(has_evening == d.run.has_value());
  }
}

TEST_CASE("projected completion assumes every run goes well", "[plan][projection]") {
  Run run = start(achilles_protocol());
  Plan plan = run.plan(day(0));
  REQUIRE(plan.projected_completion);
  // 6 stages x 2 sessions at 3 a week, at most 2 stages a week: 12 runs over 4 weeks.
  CHECK(*plan.projected_completion > day(20));
  CHECK(*plan.projected_completion < day(35));
  CHECK(plan.next_run == day(1));
}
TEST_CASE("the days laid out carry what was logged for them, with day details only",
          "[plan][week]") {
  Run run = start(achilles_protocol());
  DayLog sore = session(day(2), 4, 1, 2);
  sore.stiffness_minutes = 15;
  sore.answers = {{"heel_raises", "22"}};
  run.logs = {session(day(0), 1, 0), sore};
  const Plan plan = run.plan(day(3));
  REQUIRE(plan.days.size() == 7);
  REQUIRE(plan.days[0].logged);
  CHECK(plan.days[0].logged->pain_during == 1);
  CHECK_FALSE(plan.days[1].logged);  // nothing logged that day
  REQUIRE(plan.days[2].logged);
  CHECK(plan.days[2].logged->pain_after == 2);
  CHECK(plan.days[2].logged->stiffness_minutes == 15);
  CHECK(plan.days[2].logged->answers.at("heel_raises") == "22");
  for (std::size_t i = 3; i < 7; ++i) CHECK_FALSE(plan.days[i].logged);  // today and after

  PlanRequest caseload{run.protocol, nullptr, run.programme, run.logs, run.clearances, day(3),
                       day(0),       7,       730,           1,        false};
  const Plan overview = make_plan(caseload);
  REQUIRE(overview.days.size() == 7);
  for (const PlannedDay& d : overview.days) CHECK_FALSE(d.logged);
}
