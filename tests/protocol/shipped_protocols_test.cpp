// The protocols runback ships, checked for what a clinician reviewing them would check: they load
// cleanly, keep to the core's safety limits, ramp gently, rest between early runs, cite a source
// for every ref, and between them use every part of the format (so the planner's tests, which run
// over every shipped protocol, meet every rule family).
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "diagnostic/diagnostic.hpp"
#include "io/file_system.hpp"
#include "protocol/loader.hpp"
#include "protocol/protocol.hpp"
#include "protocol/safety.hpp"

namespace runback {
namespace {

const std::vector<std::string> kShipped = {"achilles-midportion", "patellofemoral", "hip-gluteal",
                                           "general-return"};

std::string shipped_path(const std::string& id) {
  return std::string(RUNBACK_SOURCE_DIR) + "/protocols/" + id + ".yaml";
}

std::string describe(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += format_diagnostic(d) + "\n";
  return out;
}

// Loads a shipped protocol, failing the test (with every diagnostic) unless it loads with no
// errors and no warnings.
Protocol load_shipped(const std::string& id) {
  RealFileSystem fs;
  LoadResult result = load_protocol_file(fs, shipped_path(id));
  INFO(describe(result.diagnostics));
  REQUIRE(result.protocol.has_value());
  CHECK(result.diagnostics.empty());
  return *result.protocol;
}

// Running in a session, in seconds. Distances are converted at an easy pace: runners coming back
// from injury jog at roughly 5 to 8 min/km, so ramps are checked at both ends of that range.
double run_seconds(const Session& session, double seconds_per_km) {
  double total = 0;
  for (const auto& block : session.blocks) {
    const double one = block.run.kind == Amount::Kind::time
                           ? block.run.value
                           : block.run.value / 1000.0 * seconds_per_km;
    total += one * block.repeat;
  }
  return total;
}

bool has_walk_breaks(const Session& session) {
  return std::any_of(session.blocks.begin(), session.blocks.end(),
                     [](const IntervalBlock& b) { return b.walk.has_value(); });
}

bool is_continuous(const Session& session) {
  return session.blocks.size() == 1 && !session.blocks[0].walk.has_value() &&
         session.blocks[0].repeat == 1;
}

void check_limit_within_core(const std::optional<PainLimit>& limit, const std::string& where) {
  if (!limit) return;
  INFO(where);
  CHECK((limit->max || limit->max_rise));
  if (limit->max) {
    CHECK(*limit->max >= 0);
    CHECK(*limit->max <= safety::kMaxPainLimit);
  }
  if (limit->max_rise) {
    CHECK(*limit->max_rise >= 0);
    CHECK(*limit->max_rise <= safety::kMaxPainRise);
  }
}

// Every `ref` the protocol holds, with where it sits.
std::vector<std::pair<std::string, std::string>> all_refs(const Protocol& p) {
  std::vector<std::pair<std::string, std::string>> refs;
  auto add = [&](const std::string& ref, const std::string& where) {
    if (!ref.empty()) refs.emplace_back(ref, where);
  };
  for (const auto& c : p.entry_criteria) add(c.ref, "entry_criteria " + c.id);
  if (p.start.entry_test) add(p.start.entry_test->ref, "start.entry_test");
  add(p.frequency.ref, "frequency");
  add(p.progression.ref, "progression");
  for (const auto& b : p.progression.breaks) add(b.ref, "breaks " + std::to_string(b.days));
  if (p.pain.during) add(p.pain.during->ref, "pain.during");
  if (p.pain.after) add(p.pain.after->ref, "pain.after");
  if (p.pain.next_morning) add(p.pain.next_morning->ref, "pain.next_morning");
  for (const auto& r : p.responses) add(r.ref, "responses " + r.name);
  for (const auto& f : p.red_flags) add(f.ref, "red_flags " + f.id);
  for (const auto& s : p.stages) {
    add(s.ref, "stages " + s.id);
    add(s.intensity.ref, "stages " + s.id + ".intensity");
    add(s.frequency.ref, "stages " + s.id + ".frequency");
    for (const auto& e : s.exercises) add(e.ref, "stages " + s.id + " exercise " + e.name);
  }
  for (const auto& e : p.exercises) add(e.ref, "exercises " + e.name);
  for (const auto& r : p.recovery) add(r.ref, "recovery " + r.name);
  if (p.plugin) add(p.plugin->ref, "plugin");
  return refs;
}

}  // namespace

TEST_CASE("every shipped protocol loads with no errors and no warnings", "[shipped]") {
  for (const auto& id : kShipped) {
    SECTION(id) {
      const Protocol p = load_shipped(id);
      CHECK(p.id == id);
      CHECK(p.format == 1);
      CHECK_FALSE(p.title.empty());
      CHECK_FALSE(p.condition.empty());
      CHECK_FALSE(p.summary.empty());
      CHECK_FALSE(p.entry_criteria.empty());
    }
  }
}

TEST_CASE("shipped protocols keep to the core's safety limits", "[shipped]") {
  for (const auto& id : kShipped) {
    SECTION(id) {
      const Protocol p = load_shipped(id);
      REQUIRE(p.pain.next_morning.has_value());  // pain must settle by the next morning
      check_limit_within_core(p.pain.during, "pain.during");
      check_limit_within_core(p.pain.after, "pain.after");
      check_limit_within_core(p.pain.next_morning, "pain.next_morning");
      CHECK(p.progression.max_stages_per_7_days <= safety::kMaxStagesPer7Days);
      CHECK(p.progression.sessions_to_advance >= 2);  // each step done at least twice
      for (const auto& stage : p.stages) {
        INFO(stage.id);
        CHECK(stage.sessions_to_advance >= 2);
        CHECK(stage.frequency.sessions_max <= 4);  // 3-4 runs a week (clinical basis [5])
      }
      // Every built-in red flag is present, whatever the protocol adds.
      for (const auto& builtin : safety::kBuiltInRedFlags) {
        INFO(builtin.id);
        CHECK(std::any_of(p.red_flags.begin(), p.red_flags.end(),
                          [&](const RedFlag& f) { return f.built_in && f.id == builtin.id; }));
      }
      // No response lets a runner move up on a sign of overload.
      for (const auto& r : p.responses) {
        const bool overload = r.when.exceeds || r.when.swelling == true || r.when.limp == true;
        if (overload) CHECK(r.then.kind != ActionKind::proceed);
      }
    }
  }
}

// The bound: from one stage to the next, the running in a session at most doubles. The steepest
// step in the published run-walk progressions of the clinical basis is a doubling (post-ACL:
// 3 x (4 walk / 1 run) to 3 x (3 walk / 2 run)); the others rise by a third to a half a step.
TEST_CASE("no shipped stage more than doubles the running of the stage before", "[shipped]") {
  for (const auto& id : kShipped) {
    SECTION(id) {
      const Protocol p = load_shipped(id);
      for (const double pace : {300.0, 480.0}) {  // 5 and 8 min/km
        for (std::size_t i = 1; i < p.stages.size(); ++i) {
          const double before = run_seconds(p.stages[i - 1].session, pace);
          const double now = run_seconds(p.stages[i].session, pace);
          INFO(p.stages[i - 1].id << " -> " << p.stages[i].id << " at " << pace
                                  << " s/km: " << before << " s -> " << now << " s");
          CHECK(before > 0);
          CHECK(now <= 2 * before);
        }
      }
    }
  }
}

TEST_CASE("the Achilles ramp keeps to +20% a week", "[shipped]") {
  // Nutrients 2019 Table A2: distance up by no more than 20% a week. With one stage a week at
  // most and the same number of runs every week, the weekly rise is the stage-to-stage rise.
  const Protocol p = load_shipped("achilles-midportion");
  CHECK(p.progression.max_stages_per_7_days == 1);
  for (std::size_t i = 0; i < p.stages.size(); ++i) {
    INFO(p.stages[i].id);
    CHECK(p.stages[i].frequency.sessions_min == p.stages[i].frequency.sessions_max);
    CHECK(p.stages[i].frequency.sessions_max == p.stages[0].frequency.sessions_max);
    if (i == 0) continue;
    const double before = run_seconds(p.stages[i - 1].session, 360);
    const double now = run_seconds(p.stages[i].session, 360);
    CHECK(now <= 1.2 * before + 1e-9);
  }
}

TEST_CASE("every shipped stage can be reached and left", "[shipped]") {
  for (const auto& id : kShipped) {
    SECTION(id) {
      const Protocol p = load_shipped(id);
      CHECK(p.stages.size() >= 8);
      CHECK(p.stages.size() <= 14);
      // Everyone without an entry test starts at the first stage, so moving up one stage at a
      // time reaches every stage; entry-test bands start further on, never past the end.
      CHECK(p.stage_index(p.start.default_stage) == 0);
      if (p.start.entry_test) {
        int previous = -1;
        for (const auto& band : p.start.entry_test->bands) {
          const int index = p.stage_index(band.stage);
          INFO(band.stage);
          CHECK(index >= 0);
          CHECK(index > previous);  // a better answer never starts lower
          CHECK(index < static_cast<int>(p.stages.size()) - 1);  // never straight to the end
          previous = index;
        }
      }
      for (const auto& stage : p.stages) {
        INFO(stage.id);
        CHECK(stage.sessions_to_advance >= 1);
        CHECK(stage.frequency.sessions_min >= 1);
        // The week can hold the runs with their rest days between.
        CHECK(stage.frequency.sessions_min <= 1 + 6 / (stage.frequency.min_rest_days + 1));
        CHECK(run_seconds(stage.session, 360) > 0);
      }
    }
  }
}

TEST_CASE("early shipped stages keep a rest day between runs", "[shipped]") {
  // Runs not on consecutive days early on; 3 runs a week (clinical basis [5]). "Early" here is
  // every stage that still has walk breaks.
  for (const auto& id : kShipped) {
    SECTION(id) {
      const Protocol p = load_shipped(id);
      CHECK(p.stages[0].frequency.sessions_min == 3);
      CHECK(p.stages[0].frequency.sessions_max == 3);
      for (const auto& stage : p.stages) {
        INFO(stage.id);
        if (has_walk_breaks(stage.session)) CHECK(stage.frequency.min_rest_days >= 1);
      }
    }
  }
}

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
  for (const auto& id : kShipped) {
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
      CHECK_FALSE(p.frequency.ref.empty());
      for (const auto& stage : p.stages) {
        INFO(stage.id);
        CHECK_FALSE(stage.ref.empty());
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
        used.insert(b.run.kind == Amount::Kind::time ? "time block" : "distance block");
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
