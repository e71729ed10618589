// The hip plugin's mobility, LEAP progression and checkpoint, through the built library.
#include <catch2/catch.hpp>

#include "plugin_fixture.hpp"

using namespace runback;
using namespace runback::testing;

namespace {

const auto& hip() {
  static const auto plugin = load_plugin(built_plugin("hip"));
  return plugin;
}

std::vector<Exercise> exercises_on(const PlanFixture& fixture, int day) {
  auto result = hip()->exercises(fixture.on(day));
  if (!result) FAIL(result.error());
  return *result;
}

}  // namespace

TEST_CASE("hip: a hip-flexor stretch held 2 x 30 s - and LEAP week 1") {
  PlanFixture fixture("hip");
  const auto exercises = exercises_on(fixture, 0);
  REQUIRE(exercises.size() == 4);
  CHECK(exercises[0].name == "Kneeling hip-flexor stretch (each side)");
  CHECK(exercises[0].sets == 2);
  CHECK(exercises[0].hold_s == 30);
  CHECK_FALSE(exercises[0].reps);
  CHECK(exercises[1].name == "Double-leg bridge");
  CHECK(exercises[2].name == "Squat");
  CHECK(exercises[3].name == "Side-stepping (each way)");
}

TEST_CASE("hip: the LEAP progression moves on only after clean weeks") {
  PlanFixture fixture("hip");
  fixture.checkpoint(1, ActionKind::proceed);
  CHECK(exercises_on(fixture, 7)[2].name == "Offset bridge (weight mostly on the sore side)");
  fixture.checkpoint(8, ActionKind::proceed);
  const auto third = exercises_on(fixture, 14);
  CHECK(third[1].name == "Single-leg-biased bridge");
  CHECK(third[1].sets == 2);
  CHECK(third[1].reps == 5);
  fixture.checkpoint(15, ActionKind::step_back);
  CHECK(exercises_on(fixture, 16)[2].name == "Offset bridge (weight mostly on the sore side)");
}

TEST_CASE("hip: checkpoint questions and a cautious verdict") {
  PlanFixture fixture("hip");
  auto questions = hip()->questions(fixture.on(0));
  REQUIRE(questions.ok());
  REQUIRE(questions->size() == 2);
  CHECK((*questions)[0].key == "side-lying-pain");
  CHECK((*questions)[1].kind == CheckpointQuestion::Kind::yes_no);

  fixture.log(1, {{"side-lying-pain", "2"}, {"single-leg-stance", "yes"}});
  auto verdict_for = [&](std::map<std::string, std::string> answers) {
    const auto& today = fixture.log(3, std::move(answers));
    auto verdict = hip()->verdict(fixture.on(3), today);
    REQUIRE(verdict.ok());
    return *verdict;
  };
  CHECK(verdict_for({{"side-lying-pain", "1"}, {"single-leg-stance", "yes"}}).action.kind ==
        ActionKind::proceed);
  CHECK(verdict_for({{"side-lying-pain", "5"}}).action.kind == ActionKind::repeat);
  CHECK(verdict_for({{"side-lying-pain", "3"}}).action.kind == ActionKind::repeat);  // rising
  const auto stance = verdict_for({{"single-leg-stance", "no"}});
  CHECK(stance.action.kind == ActionKind::repeat);
  CHECK(stance.why ==
        "Standing on the sore leg for 10 seconds was not yet pain-free. Stay at this stage for "
        "now.");
}
