// The achilles plugin's dose logic, through the built library as runback loads it.
#include <catch2/catch.hpp>

#include "plugin_fixture.hpp"

using namespace runback;
using namespace runback::testing;

namespace {

const auto& achilles() {
  static const auto plugin = load_plugin(built_plugin("achilles"));
  return plugin;
}

std::vector<Exercise> exercises_on(const PlanFixture& fixture, int day) {
  auto result = achilles()->exercises(fixture.on(day));
  if (!result) FAIL(result.error());
  return *result;
}

}  // namespace

TEST_CASE(
    "achilles: Alfredson heel drops by default - 3 x 15 - knee straight and bent - twice a day") {
  PlanFixture fixture("achilles");
  const auto exercises = exercises_on(fixture, 0);
  REQUIRE(exercises.size() == 2);
  CHECK(exercises[0].name == "Eccentric heel drop, knee straight");
  CHECK(exercises[1].name == "Eccentric heel drop, knee bent");
  for (const auto& e : exercises) {
    CHECK(e.sets == 3);
    CHECK(e.reps == 15);
    CHECK(e.times == 2);
    CHECK(e.per == Period::day);
    CHECK(e.load == "body weight");
  }
}

TEST_CASE("achilles: the load rises 5 kg only after symptom-clean weeks") {
  PlanFixture fixture("achilles");
  fixture.checkpoint(2, ActionKind::proceed);  // week 1: clean
  fixture.checkpoint(5, ActionKind::proceed);
  SECTION("one clean week: +5 kg") {
    CHECK(exercises_on(fixture, 7)[0].load == "body weight + 5 kg (a backpack)");
  }
  SECTION("a second week with a checkpoint that held back: no more") {
    fixture.checkpoint(9, ActionKind::repeat);
    fixture.checkpoint(11, ActionKind::proceed);
    CHECK(exercises_on(fixture, 14)[0].load == "body weight + 5 kg (a backpack)");
  }
  SECTION("a second clean week: +10 kg") {
    fixture.checkpoint(9, ActionKind::proceed);
    CHECK(exercises_on(fixture, 14)[0].load == "body weight + 10 kg (a backpack)");
  }
  SECTION("a week without any checkpoint does not count") {
    CHECK(exercises_on(fixture, 14)[0].load == "body weight + 5 kg (a backpack)");
  }
  SECTION("the last checkpoint stepped back: one step lower") {
    fixture.checkpoint(8, ActionKind::step_back);
    CHECK(exercises_on(fixture, 9)[0].load == "body weight");
  }
}

TEST_CASE("achilles: the load never passes max_load_kg") {
  PlanFixture fixture("achilles", {{"start_load_kg", "55"}, {"max_load_kg", "60"}});
  for (int week = 0; week < 4; ++week) fixture.checkpoint(week * 7 + 1, ActionKind::proceed);
  CHECK(exercises_on(fixture, 28)[0].load == "body weight + 60 kg (a backpack)");
}

TEST_CASE("achilles: heavy slow resistance follows the Beyer schedule - week by clean week") {
  PlanFixture fixture("achilles", {{"programme", "hsr"}});
  auto first = exercises_on(fixture, 0);
  REQUIRE(first.size() == 3);
  CHECK(first[0].sets == 3);
  CHECK(first[0].reps == 15);
  CHECK(first[0].times == 3);
  CHECK(first[0].per == Period::week);
  CHECK(first[0].tempo == "3 s down, 3 s up; 2-3 min between sets");
  for (int week = 0; week < 3; ++week) fixture.checkpoint(week * 7 + 2, ActionKind::proceed);
  const auto fourth = exercises_on(fixture, 21);
  CHECK(fourth[0].sets == 4);
  CHECK(fourth[0].reps == 10);
  CHECK(fourth[0].load == "heavy: a weight you can lift 10 times and no more (10RM)");
}

TEST_CASE("achilles: its own check of the parameters points at the YAML") {
  PlanFixture fixture("achilles", {{"max_load_kg", "20"}, {"start_load_kg", "30"}});
  const auto diagnostics = achilles()->validate(*fixture.protocol.plugin);
  REQUIRE(diagnostics.size() == 1);
  CHECK(format_diagnostic(diagnostics[0]) ==
        "test.yaml:32:5: error: plugin.params.start_load_kg: the starting load is above "
        "max_load_kg (20 kg)");
  PlanFixture fine("achilles", {{"programme", "hsr"}});
  CHECK(achilles()->validate(*fine.protocol.plugin).empty());
}

TEST_CASE("achilles: asks about morning stiffness and single-leg heel raises") {
  PlanFixture fixture("achilles");
  const auto questions = achilles()->questions(fixture.on(0));
  REQUIRE(questions.ok());
  REQUIRE(questions->size() == 2);
  CHECK((*questions)[0].key == "morning-stiffness");
  CHECK((*questions)[0].max == 240);
  CHECK((*questions)[1].key == "heel-raises");
}

TEST_CASE("achilles: the checkpoint holds the runner when stiffness rises or heel raises fall") {
  PlanFixture fixture("achilles");
  fixture.log(1, {{"morning-stiffness", "10"}, {"heel-raises", "20"}});
  SECTION("settled: no objection") {
    const auto& today = fixture.log(3, {{"morning-stiffness", "5"}, {"heel-raises", "22"}});
    auto verdict = achilles()->verdict(fixture.on(3), today);
    REQUIRE(verdict.ok());
    CHECK(verdict->action.kind == ActionKind::proceed);
  }
  SECTION("stiffer than last time: repeat") {
    const auto& today = fixture.log(3, {{"morning-stiffness", "25"}, {"heel-raises", "22"}});
    auto verdict = achilles()->verdict(fixture.on(3), today);
    REQUIRE(verdict.ok());
    CHECK(verdict->action.kind == ActionKind::repeat);
    CHECK(verdict->why ==
          "Your Achilles was stiff for 25 minutes this morning, longer than last time (10). "
          "Stay at this stage until it settles.");
  }
  SECTION("too few heel raises: repeat") {
    const auto& today = fixture.log(3, {{"heel-raises", "8"}});
    auto verdict = achilles()->verdict(fixture.on(3), today);
    REQUIRE(verdict.ok());
    CHECK(verdict->action.kind == ActionKind::repeat);
    CHECK(verdict->why ==
          "You managed 8 single-leg heel raises; at least 10 are needed to move on. Keep going "
          "with your calf exercises at this stage.");
  }
  SECTION("one heel raise is said as one") {
    const auto& today = fixture.log(3, {{"heel-raises", "1"}});
    auto verdict = achilles()->verdict(fixture.on(3), today);
    REQUIRE(verdict.ok());
    CHECK_THAT(verdict->why, Catch::StartsWith("You managed 1 single-leg heel raise; at least 10"));
  }
  SECTION("fewer heel raises than last time: repeat") {
    const auto& today = fixture.log(3, {{"heel-raises", "15"}});
    auto verdict = achilles()->verdict(fixture.on(3), today);
    REQUIRE(verdict.ok());
    CHECK(verdict->action.kind == ActionKind::repeat);
  }
}
