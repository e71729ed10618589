// The shipped protocols against their sources: each holds its source's pain rules, every ref
// names one of its references, and between them they use every part of the format (so the
// planner's tests, which run over every shipped protocol, meet every rule family).
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "protocol/shipped_fixture.hpp"

namespace runback {
using namespace runback::testing;

TEST_CASE("each shipped protocol holds its source's pain rules", "[shipped]") {
  SECTION("Achilles: the pain-monitoring model, 5/10 during, settled by the next morning") {
    const Protocol p = load_shipped("achilles-midportion");
    REQUIRE(p.pain.during);
    CHECK(p.pain.during->max == 5);
    CHECK(p.pain.next_morning->max_rise == 0);
    REQUIRE(p.plugin);
    CHECK(p.plugin->name == "achilles");
    // "If pain rises overall, a week off running" (Nutrients 2019).
    CHECK(std::any_of(p.responses.begin(), p.responses.end(),
                      [](const Response& r) { return r.then.rest_days == 7; }));
  }
  SECTION("patellofemoral: TREK, 2/10 during, back to baseline within 60 min, no rise") {
    const Protocol p = load_shipped("patellofemoral");
    REQUIRE(p.pain.during);
    REQUIRE(p.pain.during->max);
    CHECK(*p.pain.during->max <= 2);
    REQUIRE(p.pain.after);
    CHECK(p.pain.after->max_rise == 0);
    CHECK(p.pain.after_minutes == 60);
    CHECK(p.pain.next_morning->max_rise == 0);
    REQUIRE(p.plugin);
    CHECK(p.plugin->name == "knee");
    CHECK(p.plugin->params.at("target_percent").text == "10");  // never above +10% step rate
  }
  SECTION("hip: conservative limits") {
    const Protocol p = load_shipped("hip-gluteal");
    REQUIRE(p.pain.during);
    REQUIRE(p.pain.during->max);
    CHECK(*p.pain.during->max <= 2);
    REQUIRE(p.pain.after);
    CHECK(p.pain.after->max_rise == 0);
    CHECK(p.pain.next_morning->max_rise == 0);
    REQUIRE(p.plugin);
    CHECK(p.plugin->name == "hip");
  }
  SECTION("general: soreness rules, no plugin, ends with 20+ minutes of continuous running") {
    const Protocol p = load_shipped("general-return");
    CHECK_FALSE(p.plugin);
    CHECK(p.pain.next_morning->max == 0);  // gone the next day
    const Stage& last = p.stages.back();
    CHECK(is_continuous(last.session));
    CHECK(run_seconds(last.session, 360) >= 20 * 60);
    // Sore in the warm-up and it stays: stop, 2 days off, one step lower.
    CHECK(std::any_of(p.responses.begin(), p.responses.end(), [](const Response& r) {
      return r.when.session == SessionOutcome::partial && r.when.exceeds == TimePoint::during &&
             r.then.kind == ActionKind::step_back && r.then.rest_days == 2;
    }));
    // Bone stress: pain lingering beyond 24 h is a red flag of this protocol.
    CHECK(std::any_of(p.red_flags.begin(), p.red_flags.end(),
                      [](const RedFlag& f) { return !f.built_in && f.id == "bone-pain-24h"; }));
  }
}

TEST_CASE("every ref in a shipped protocol names one of its references", "[shipped]") {
  for (const auto& id : all_shipped()) {
    SECTION(id) {
      const Protocol p = load_shipped(id);
      std::set<std::string> ids;
      for (const auto& r : p.references) {
        CHECK_FALSE(r.citation.empty());
        ids.insert(r.id);
      }
      std::set<std::string> cited;
      for (const auto& [ref, where] : all_refs(p)) {
        INFO(where << " cites '" << ref << "'");
        CHECK(ids.count(ref) == 1);
        cited.insert(ref);
      }
      for (const auto& r : p.references) {
        INFO("reference " << r.id << " is cited");
        CHECK(cited.count(r.id) == 1);
      }
      // The thresholds and the stage doses name their sources.
      CHECK_FALSE(p.pain.next_morning->ref.empty());
      if (p.pain.during) CHECK_FALSE(p.pain.during->ref.empty());
      if (p.pain.after) CHECK_FALSE(p.pain.after->ref.empty());
      CHECK_FALSE(p.progression.ref.empty());
      if (p.calendar) {
        // A calendar sets the days itself (no runs a week, no rest days between runs).
        CHECK_FALSE(p.calendar->ref.empty());
        if (p.calendar->bad_day) CHECK_FALSE(p.calendar->bad_day->ref.empty());
      } else if (p.format >= 2) {
        CHECK_FALSE(p.frequency.sessions_ref.empty());  // a source on each frequency key
        CHECK_FALSE(p.frequency.rest_ref.empty());
      } else {
        CHECK_FALSE(p.frequency.ref.empty());
      }
      for (const auto& stage : p.stages) {
        INFO(stage.id);
        CHECK_FALSE(stage.ref.empty());
        if (p.format == 1 || stage.intensity != Intensity{})
          CHECK_FALSE(stage.intensity.ref.empty());
      }
      for (const auto& r : p.responses) CHECK_FALSE(r.ref.empty());
      for (const auto& e : p.exercises) CHECK_FALSE(e.ref.empty());
      for (const auto& r : p.recovery) CHECK_FALSE(r.ref.empty());
    }
  }
}

TEST_CASE("between them the shipped protocols use every part of the format", "[shipped]") {
  std::set<std::string> used;
  for (const auto& id : kShipped) {
    const Protocol p = load_shipped(id);
    if (p.start.entry_test && p.start.entry_test->bands.size() > 1) used.insert("entry test bands");
    if (!p.progression.breaks.empty()) used.insert("breaks");
    if (std::any_of(p.progression.breaks.begin(), p.progression.breaks.end(),
                    [](const BreakRule& b) { return b.restart; })) {
      used.insert("break restart");
    }
    if (p.pain.after) used.insert("pain after");
    if (!p.exercises.empty()) used.insert("protocol exercises");
    for (const auto& r : p.responses) {
      if (r.when.swelling == true) used.insert("swelling response");
      if (r.when.limp == true) used.insert("limp response");
      if (r.when.session == SessionOutcome::partial) used.insert("partial condition");
      if (r.when.session == SessionOutcome::skipped) used.insert("skipped condition");
      if (r.when.pain_during) used.insert("pain number condition");
      if (r.then.kind == ActionKind::stop) used.insert("stop");
      if (r.then.kind == ActionKind::step_back && r.then.rest_days > 0) {
        used.insert("step back with rest");
      }
      if (r.then.kind == ActionKind::repeat && r.then.rest_days > 0)
        used.insert("repeat with rest");
    }
    for (const auto& f : p.red_flags) {
      if (!f.built_in) used.insert("own red flags");
    }
    for (const auto& r : p.recovery) used.insert("recovery " + std::to_string(int(r.when)));
    for (std::size_t i = 0; i < p.stages.size(); ++i) {
      const Stage& s = p.stages[i];
      if (s.session.warmup_walk) used.insert("warm-up");
      if (s.session.cooldown_walk) used.insert("cool-down");
      if (is_continuous(s.session)) used.insert("continuous");
      for (const auto& b : s.session.blocks) {
        used.insert(b.run->kind == Amount::Kind::time ? "time block" : "distance block");
      }
      if (s.intensity.rpe_min) used.insert("rpe");
      if (s.intensity.talk_test) used.insert("talk test");
      if (!s.intensity.cue.empty()) used.insert("cue");
      if (!s.surface.empty()) used.insert("surface");
      if (!s.notes.empty()) used.insert("notes");
      if (!s.exercises.empty()) used.insert("stage exercises");
      if (s.frequency.sessions_min != s.frequency.sessions_max) used.insert("sessions range");
      if (s.frequency.sessions_max != p.frequency.sessions_max ||
          s.frequency.min_rest_days != p.frequency.min_rest_days) {
        used.insert("stage frequency override");
      }
      if (s.sessions_to_advance != p.progression.sessions_to_advance) {
        used.insert("stage sessions_to_advance override");
      }
    }
  }
  const std::vector<std::string> expected = {"entry test bands",
                                             "breaks",
                                             "break restart",
                                             "pain after",
                                             "protocol exercises",
                                             "swelling response",
                                             "limp response",
                                             "partial condition",
                                             "skipped condition",
                                             "pain number condition",
                                             "stop",
                                             "step back with rest",
                                             "repeat with rest",
                                             "own red flags",
                                             "recovery 0",
                                             "recovery 1",
                                             "recovery 2",
                                             "recovery 3",
                                             "recovery 4",
                                             "warm-up",
                                             "cool-down",
                                             "continuous",
                                             "time block",
                                             "distance block",
                                             "rpe",
                                             "talk test",
                                             "cue",
                                             "surface",
                                             "notes",
                                             "stage exercises",
                                             "sessions range",
                                             "stage frequency override",
                                             "stage sessions_to_advance override"};
  for (const auto& feature : expected) {
    INFO(feature);
    CHECK(used.count(feature) == 1);
  }
}

}  // namespace runback
