// The protocols runback ships, checked for what a clinician reviewing them would check: they load
// cleanly, keep to the core's safety limits, ramp gently and rest between early runs (their
// sources: shipped_sources_test.cpp).
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "protocol/shipped_fixture.hpp"

namespace runback {
using namespace runback::testing;

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

}  // namespace runback
