// protocol_changes: what `runback program upgrade` tells a runner about a protocol's new text.
// Each change a plan depends on is listed in plain words, once.

#include <catch2/catch.hpp>
#include <fstream>
#include <stdexcept>

#include "protocol/loader.hpp"
#include "protocol/protocol_diff.hpp"
#include "support/protocol_text.hpp"

using namespace runback;
using namespace runback::testing;

namespace {

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("the issue's case: three safety changes, each listed once, and the version",
          "[protocol][diff]") {
  const std::string text = shipped_text("achilles-midportion");
  std::string copy = edited(text, "version: \"1.0.0\"", "version: \"1.1.0\"");
  copy = edited(copy, "  during:\n    max: 5", "  during:\n    max: 3");
  copy = edited(copy, "min_rest_days: 1", "min_rest_days: 2");
  copy = edited(copy, "sessions_to_advance: 3", "sessions_to_advance: 4");
  const Protocol old = load_text(text), next = load_text(copy);
  CHECK(protocol_changes(old, next) ==
        Lines{"version 1.0.0 -> 1.1.0", "pain during the run: at most 5/10 -> at most 3/10",
              "every stage: rest days between runs: at least 1 -> at least 2",
              "every stage: good runs in a row to move up: 3 -> 4"});
  CHECK(protocol_change_warnings(text, "1.0.0", next).empty());
  CHECK(protocol_changes(old, old).empty());
}

TEST_CASE("a text changed under the same version is a warning", "[protocol][diff]") {
  const std::string text = shipped_text("achilles-midportion");
  const std::string copy = edited(text, "  during:\n    max: 5", "  during:\n    max: 3");
  const Protocol next = load_text(copy);
  CHECK(protocol_change_warnings(text, "1.0.0", next) ==
        Lines{"the protocol's text changed but its version is still 1.0.0: ask its author to "
              "raise the version"});
  CHECK(protocol_change_warnings(copy, "1.0.0", next).empty());  // the same text
  CHECK(protocol_changes(load_text(text), next) ==
        Lines{"pain during the run: at most 5/10 -> at most 3/10"});
}

TEST_CASE("pain limits at each time point, and when the after-run score is taken",
          "[protocol][diff]") {
  const Protocol old = load_text(shipped_text("achilles-midportion"));
  Protocol next = old;
  next.pain.after = PainLimit{4, std::nullopt};
  next.pain.after_minutes = 30;
  next.pain.next_morning->max_rise = 1;
  next.pain.during.reset();
  CHECK(protocol_changes(old, next) ==
        Lines{"pain during the run: at most 5/10 -> no limit",
              "pain after the run: no limit -> at most 4/10",
              "pain the next morning: no higher than your usual pain -> no more than 1 point "
              "above your usual pain",
              "pain after the run is scored this long after it: 60 min -> 30 min"});
}

TEST_CASE("responses and red flags: added, removed and changed", "[protocol][diff]") {
  const Protocol old = load_text(shipped_text("achilles-midportion"));
  Protocol next = old;
  auto response = [&](const std::string& name) -> Response& {
    for (Response& r : next.responses) {
      if (r.name == name) return r;
    }
    FAIL("no response " << name);
    throw std::logic_error("unreachable");
  };
  response("worse-next-morning").then.stages = 2;
  response("too-much-during").when = Condition{};
  response("too-much-during").when.pain_during = NumberTest{NumberTest::Op::above, 4};
  response("too-much-during").why = "Reworded, which is not a change to the rules.";
  next.responses.erase(next.responses.end() - 1);  // limping
  Response calm;
  calm.name = "swollen";
  calm.when.swelling = true;
  calm.then = Action{ActionKind::repeat, 0, 2};
  next.responses.push_back(calm);
  next.red_flags.back().text = "A limp";
  next.red_flags.push_back(RedFlag{"calf-pain", "Sudden pain in the calf", false, ""});

  CHECK(protocol_changes(old, next) ==
        Lines{"response 'worse-next-morning': step back 1 stage -> step back 2 stages",
              "response 'too-much-during': when pain during the run passed its limit -> when "
              "pain during the run above 4/10",
              "response 'limping' is removed (it was: when a limp, stop running and see your "
              "physiotherapist)",
              "response 'swollen' is new: when swelling, repeat this stage and rest 2 days first",
              "red flag 'limp': 'A limp, or a change in the way you walk or run' -> 'A limp'",
              "red flag 'calf-pain' is new: Sudden pain in the calf"});
}

TEST_CASE("a change to some stages lists them, and a change to every stage lists it once",
          "[protocol][diff]") {
  const Protocol old = load_text(shipped_text("achilles-midportion"));
  Protocol next = old;
  next.stages[2].frequency.min_rest_days = 2;
  next.stages[3].frequency.min_rest_days = 2;
  next.stages[4].frequency.sessions_max = 4;
  next.stages[4].sessions_to_advance = 2;
  CHECK(protocol_changes(old, next) ==
        Lines{"stage a-05: runs a week: 3 -> 3-4",
              "stages a-03 and a-04: rest days between runs: at least 1 -> at least 2",
              "stage a-05: good runs in a row to move up: 3 -> 2"});

  Protocol every = old;
  for (Stage& stage : every.stages) stage.frequency.sessions_max = 4;
  CHECK(protocol_changes(old, every) == Lines{"every stage: runs a week: 3 -> 3-4"});
}

TEST_CASE("progression settings, stages, entry criteria and the plugin", "[protocol][diff]") {
  const Protocol old = load_text(shipped_text("achilles-midportion"));
  Protocol next = old;
  next.progression.max_stages_per_7_days = 2;
  next.progression.partial_session = PartialSession::counts;
  next.progression.breaks = {BreakRule{7, 2, false, ""}, BreakRule{10, 1, false, ""},
                             BreakRule{28, 0, true, ""}};
  next.stages.erase(next.stages.begin() + 5);   // a-06
  next.stages[1].session.blocks[0].repeat = 8;  // a-02
  next.stages[0].intensity.rpe_max = 5;         // a-01
  next.stages.push_back(next.stages.back());
  next.stages.back().id = "a-14";
  next.stages.back().name = "40 minutes continuous";
  next.stages.back().session.blocks[0].run->value = 40 * 60;
  next.entry_criteria[0].text = "Hopping on the sore leg does not hurt.";
  next.entry_criteria.pop_back();
  next.plugin->params["load_step_kg"].text = "2.5";
  next.plugin->params.erase("max_load_kg");

  const Lines changes = protocol_changes(old, next);
  CHECK(changes ==
        Lines{
            "stages up in 7 days: at most 1 -> at most 2",
            "a run cut short: repeats the stage -> counts toward moving up",
            "after 7 days without running: step back 1 stage -> step back 2 stages",
            "after 14 days without running: step back 2 stages -> no rule",
            "after 10 days without running: no rule -> step back 1 stage",
            "stage a-06 (6-minute runs) is removed",
            "stage a-14 (40 minutes continuous) is new: walk 5 min to warm up, then run 40 min "
            "continuously, then walk 5 min to cool down",
            "stage a-02: walk 5 min to warm up, then 7 × (run 1 min / walk 1 min), then walk 5 "
            "min to cool down -> walk 5 min to warm up, then 8 × (run 1 min / walk 1 min), then "
            "walk 5 min to cool down",
            "stage a-01: intensity: effort 3-4 out of 10 (RPE); you can talk in full sentences; "
            "Slow and relaxed; walk briskly in the breaks. -> effort 3-5 out of 10 (RPE); you "
            "can talk in full sentences; Slow and relaxed; walk briskly in the breaks.",
            "entry criterion 'hop-pain': 'Hopping on the sore leg hurts less than 2/10 (ideally "
            "under 1/10).' -> 'Hopping on the sore leg does not hurt.'",
            "entry criterion 'brisk-walk' is removed (it was: A brisk 30- to 40-minute walk "
            "without pain.)",
            "plugin parameter load_step_kg: 5 -> 2.5",
            "plugin parameter max_load_kg: 60 -> not set",
        });

  Protocol without = old;
  without.plugin.reset();
  CHECK(protocol_changes(old, without) ==
        Lines{"plugin: achilles -> none", "plugin parameter load_step_kg: 5 -> not set",
              "plugin parameter max_load_kg: 60 -> not set",
              "plugin parameter programme: alfredson -> not set"});
}

TEST_CASE("the starting stage is found in the new text by its id", "[protocol][diff]") {
  const Protocol old = load_text(shipped_text("achilles-midportion"));
  Protocol next = old;
  next.stages.erase(next.stages.begin());  // a-01 goes: a-03 moves from 3 to 2
  auto moved = starting_stage_in(2, &old, next);
  REQUIRE(moved.ok());
  CHECK(moved->index == 1);
  CHECK(moved->note == "the starting stage, a-03 (2-minute runs), moves from stage 3 to stage 2");

  auto gone = starting_stage_in(0, &old, next);
  REQUIRE(gone.ok());
  CHECK(gone->index == 0);
  CHECK(gone->note.find("a-01 (First run-walk), is no longer in the protocol") !=
        std::string::npos);

  auto unchanged = starting_stage_in(4, &old, old);
  REQUIRE(unchanged.ok());
  CHECK(unchanged->index == 4);
  CHECK(unchanged->note.empty());

  CHECK(starting_stage_in(3, nullptr, next)->index == 3);  // the old text does not load
  CHECK_FALSE(starting_stage_in(20, nullptr, next).ok());
}

TEST_CASE("line_diff marks removed and added lines with their numbers", "[protocol][diff]") {
  CHECK(line_diff("a\nb\nc\n", "a\nB\nc\nd\n") == Lines{"+2: B", "-2: b", "+4: d"});
  CHECK(line_diff("same\n", "same\n").empty());
}

TEST_CASE(
    "format 2: the runner's goal, weekly cap, options, weeks after the goal and rules by "
    "programme week",
    "[protocol][diff]") {
  std::ifstream in(RUNBACK_TEST_DATA_DIR "/protocol/valid/format2-after-goal.yaml");
  const std::string text{std::istreambuf_iterator<char>(in), {}};
  REQUIRE_FALSE(text.empty());
  std::string copy = edited(text, "weeks: 8", "weeks: 6");
  copy = edited(copy, "frequency: {sessions_per_week: 3, min_rest_days: 1}",
                "frequency:\n  sessions_per_week: 3\n  min_rest_days: 1\n  by_week:\n"
                "    - {weeks: [1, 2], min_rest_days: 2}");
  copy = edited(copy, "after_goal:", "weekly_cap: 90min\nafter_goal:");
  const Lines changes = protocol_changes(load_text(text), load_text(copy));
  INFO(Catch::Detail::stringify(changes));
  REQUIRE(changes.size() == 3);
  CHECK(changes[0].starts_with("every stage: rules by programme week: none -> "));
  CHECK(changes[1] ==
        "weekly cap: none -> at most 1 h 30 min of running in a week (Monday to Sunday); a run "
        "that would pass it is left out");
  // Only the line that changed.
  CHECK(changes[2] ==
        "after the goal: 8 weeks at the goal's session, one step a week (a week's runs, each "
        "within the pain rules), then the programme is complete -> 6 weeks at the goal's "
        "session, one step a week (a week's runs, each within the pain rules), then the "
        "programme is complete");
}
