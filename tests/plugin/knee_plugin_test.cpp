// The knee plugin's cadence ramp and checkpoint, through the built library.
#include <catch2/catch.hpp>

#include "plugin_fixture.hpp"

using namespace runback;
using namespace runback::testing;
using Catch::Matchers::StartsWith;

namespace {

const auto& knee() {
  static const auto plugin = load_plugin(built_plugin("knee"));
  return plugin;
}

SessionCue cue_on(const PlanFixture& fixture, int day) {
  auto cues = knee()->session_cues(fixture.on(day));
  if (!cues) FAIL(cues.error());
  REQUIRE(cues->size() == 1);
  return cues->front();
}

}  // namespace

TEST_CASE("knee: the first week's target is +5% on the runner's baseline - with a metronome") {
  PlanFixture fixture("knee", {}, {{"baseline_cadence", "160"}});
  const auto cue = cue_on(fixture, 0);
  CHECK(cue.cadence_spm == 168);
  CHECK(cue.metronome_bpm == 168);
  CHECK(cue.text ==
        "Cadence 168 steps/min (160 +5%): set a metronome to 168 bpm for every run interval, "
        "and keep your easy pace");
}

TEST_CASE("knee: the target rises in bounded steps after clean weeks - never above +10%") {
  PlanFixture fixture("knee", {{"step_percent", "2.5"}}, {{"baseline_cadence", "160"}});
  CHECK(cue_on(fixture, 0).cadence_spm == 164);
  fixture.checkpoint(2, ActionKind::proceed);
  CHECK(cue_on(fixture, 7).cadence_spm == 168);
  fixture.checkpoint(9, ActionKind::repeat);  // week 2 not clean: held
  CHECK(cue_on(fixture, 14).cadence_spm == 168);
  for (int week = 2; week < 10; ++week) fixture.checkpoint(week * 7 + 1, ActionKind::proceed);
  CHECK(cue_on(fixture, 70).cadence_spm == 176);  // +10%, the ceiling
}

TEST_CASE("knee: a smaller target_percent is respected") {
  PlanFixture fixture("knee", {{"target_percent", "7"}}, {{"baseline_cadence", "150"}});
  for (int week = 0; week < 5; ++week) fixture.checkpoint(week * 7 + 1, ActionKind::proceed);
  CHECK(cue_on(fixture, 35).cadence_spm == 161);  // 150 * 1.07 = 160.5, rounded
}

TEST_CASE("knee: the baseline cadence is the runner's - and required") {
  PlanFixture fixture("knee");
  auto cues = knee()->session_cues(fixture.on(0));
  REQUIRE_FALSE(cues.ok());
  CHECK_THAT(cues.error(),
             StartsWith("plugin 'knee' (" + built_plugin("knee") +
                        "): it needs the parameter 'baseline_cadence' (set it when starting the "
                        "programme: --param baseline_cadence=VALUE)"));
  CHECK(knee()->check_programme_params({{"baseline_cadence", "300"}}) ==
        std::vector<std::string>{
            "--param baseline_cadence: 300 is out of range (expected 120..220 steps/min)"});
  // A target above +10% cannot even be written down.
  PlanFixture greedy("knee", {{"target_percent", "15"}});
  const auto diagnostics = knee()->validate(*greedy.protocol.plugin);
  REQUIRE(diagnostics.size() == 1);
  CHECK(format_diagnostic(diagnostics[0]) ==
        "test.yaml:31:5: error: plugin.params.target_percent: 15 is out of range (expected "
        "5..10 %)");
}

TEST_CASE("knee: hip and knee strengthening alongside") {
  PlanFixture fixture("knee", {}, {{"baseline_cadence", "160"}});
  auto exercises = knee()->exercises(fixture.on(0));
  REQUIRE(exercises.ok());
  REQUIRE(exercises->size() == 3);
  CHECK((*exercises)[0].name == "Double-leg bridge");
  CHECK((*exercises)[0].reps == 10);
}

TEST_CASE("knee: pain on stairs holds the runner") {
  PlanFixture fixture("knee", {}, {{"baseline_cadence", "160"}});
  fixture.log(1, {{"stairs-pain", "1"}});
  auto verdict_for = [&](const std::string& score) {
    const auto& today = fixture.log(3, {{"stairs-pain", score}});
    auto verdict = knee()->verdict(fixture.on(3), today);
    REQUIRE(verdict.ok());
    return *verdict;
  };
  CHECK(verdict_for("1").action.kind == ActionKind::proceed);
  const auto high = verdict_for("4");
  CHECK(high.action.kind == ActionKind::repeat);
  CHECK(high.why ==
        "Stairs hurt 4/10 this morning, above 2/10. Stay at this stage, and avoid stairs and "
        "downhills where you can, until it settles.");
  CHECK(verdict_for("2").action.kind == ActionKind::repeat);  // up from 1
}
