// The protocols runback ships, checked for what a clinician reviewing them would check: they load
// cleanly, keep to the core's safety limits, ramp gently and rest between early runs (their
// sources: shipped_sources_test.cpp).
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "protocol/amount.hpp"
#include "protocol/shipped_fixture.hpp"

namespace runback {
using namespace runback::testing;

TEST_CASE("every shipped protocol loads with no errors and no warnings", "[shipped]") {
  for (const auto& id : all_shipped()) {
    SECTION(id) {
      const Protocol p = load_shipped(id);
      CHECK(p.id == id);
      const bool format_2 =
          std::find(kShippedFormat2.begin(), kShippedFormat2.end(), id) != kShippedFormat2.end();
      CHECK(p.format == (format_2 ? 2 : 1));
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

TEST_CASE("the shipped format-2 protocols keep to the core's safety limits", "[shipped]") {
  for (const auto& id : kShippedFormat2) {
    SECTION(id) {
      const Protocol p = load_shipped(id);
      REQUIRE(p.pain.next_morning.has_value());  // pain must settle by the next morning
      REQUIRE(p.pain.during.has_value());
      check_limit_within_core(p.pain.during, "pain.during");
      check_limit_within_core(p.pain.next_morning, "pain.next_morning");
      // Their pace is the published table's: a week a step, or a day a step on the calendar.
      CHECK(p.progression.max_stages_per_7_days <= safety::kMaxStagesPer7Days);
      for (const auto& builtin : safety::kBuiltInRedFlags) {
        INFO(builtin.id);
        CHECK(std::any_of(p.red_flags.begin(), p.red_flags.end(),
                          [&](const RedFlag& f) { return f.built_in && f.id == builtin.id; }));
      }
      for (const auto& r : p.responses) {
        const bool overload = r.when.exceeds || r.when.swelling == true || r.when.limp == true;
        if (overload) CHECK(r.then.kind != ActionKind::proceed);
      }
      // Every session of every stage ends with the runner walking or running, never empty.
      for (const auto& stage : p.stages) {
        INFO(stage.id);
        for (int i = 0; i < session_count(stage); ++i)
          CHECK_FALSE(session_for(stage, i).blocks.empty());
      }
    }
  }
}

TEST_CASE("the post-ACL table is written as published, a week a step", "[shipped]") {
  // Clinical basis section 7, post-ACL: 3 runs a week, a rest day after each; week 1:
  // 3x(4 walk/1 run), 3x(3/2), 3x(2/3); ... week 4: 3 walk + 12, 15, 18 run; week 5: 3 walk + 20.
  const Protocol p = load_shipped("post-acl-run-walk");
  REQUIRE(p.stages.size() == 5);
  CHECK(p.step_word == "week");
  CHECK(p.progression.max_stages_per_7_days == 1);
  const std::vector<std::vector<double>> running_minutes = {
      {3, 6, 9}, {16, 15, 18}, {21, 16, 20}, {12, 15, 18}, {20}};
  for (std::size_t i = 0; i < p.stages.size(); ++i) {
    const Stage& stage = p.stages[i];
    INFO(stage.id);
    CHECK(stage.frequency.sessions_min == 3);
    CHECK(stage.frequency.sessions_max == 3);
    CHECK(stage.frequency.min_rest_days == 1);
    REQUIRE(session_count(stage) == static_cast<int>(running_minutes[i].size()));
    for (int k = 0; k < session_count(stage); ++k) {
      const Session& session = session_for(stage, k);
      CHECK(run_seconds(session, 360) == Approx(running_minutes[i][k] * 60));
      for (const auto& block : session.blocks) CHECK(block.walk_first);
    }
  }
}

TEST_CASE("the Allsport walk-jog is a calendar of 28 days, walks first", "[shipped]") {
  // Clinical basis section 7, Allsport: day 1 walk 1/4-1/2 mile; days 2-7 build to a 2-mile walk;
  // days 8-28 add 50-100 yard jogs inside the 2-mile walk, from 4-6 jogs to 12-16.
  const Protocol p = load_shipped("bone-stress-walk-jog");
  REQUIRE(p.calendar.has_value());
  REQUIRE(p.stages.size() == 28);
  REQUIRE(p.calendar->days.size() == 28);
  for (std::size_t i = 0; i < p.calendar->days.size(); ++i) {
    CHECK(p.calendar->days[i].day == static_cast<int>(i) + 1);  // one session a day
  }
  for (std::size_t i = 0; i < 7; ++i) CHECK(walk_only(p.stages[i].session));
  const auto walk_metres = [](const Session& s) {
    double total = s.warmup_walk ? s.warmup_walk->value : 0;
    for (const auto& b : s.blocks) {
      if (b.walk) total += b.walk->value * b.repeat;
      if (b.run) total += b.run->value * b.repeat;
    }
    return total + (s.cooldown_walk ? s.cooldown_walk->value : 0);
  };
  CHECK(walk_metres(p.stages[0].session) <= 0.5 * kMetresPerMile + 1e-6);
  CHECK(walk_metres(p.stages[6].session) == Approx(2 * kMetresPerMile));
  for (std::size_t i = 7; i < 28; ++i) {
    INFO(p.stages[i].id);
    const Session& s = p.stages[i].session;
    CHECK_FALSE(walk_only(s));
    REQUIRE(s.blocks.size() == 1);
    const IntervalBlock& b = s.blocks[0];
    CHECK(b.walk_first);
    CHECK(b.repeat >= 4);
    CHECK(b.repeat <= 16);
    CHECK(b.run->value >= 50 * kMetresPerYard - 1e-6);
    CHECK(b.run->value <= 100 * kMetresPerYard + 1e-6);
    CHECK(walk_metres(s) == Approx(2 * kMetresPerMile).epsilon(0.02));  // inside a 2-mile walk
  }
  CHECK(p.stages[7].session.blocks[0].repeat <= 6);    // from 4-6 jogs
  CHECK(p.stages[27].session.blocks[0].repeat >= 12);  // to 12-16
}

}  // namespace runback
