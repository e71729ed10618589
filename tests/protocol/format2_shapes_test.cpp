// Format 2's session shapes as the loader reads them: a stage's list of sessions (family 2),
// walk-only blocks and walk-first blocks (family 4), blocks repeated to a total and a block's own
// effort, RPE and speeds (family 5). Errors are in the invalid corpus
// (tests/protocol/invalid/f2-*).

#include <catch2/catch.hpp>

#include "protocol/amount.hpp"
#include "protocol/describe.hpp"
#include "protocol/loader.hpp"
#include "support/protocol_text.hpp"

using namespace runback;
using runback::testing::load_text;

namespace {

std::string with_stage(const std::string& stage_body) {
  return "format: 2\nid: test\ntitle: Test\nversion: '1'\ncondition: knee\n"
         "pain:\n  next_morning: {max_rise: 0}\n"
         "stages:\n  - id: s1\n    intensity: {rpe: 3}\n" +
         stage_body;
}

constexpr double kMile = 1609.344;

}  // namespace

TEST_CASE("format 2, family 2: a stage's list of sessions loads in order", "[protocol][format2]") {
  const Protocol p =
      load_text(with_stage("    sessions_to_advance: 3\n"
                           "    sessions:\n"
                           "      - blocks: [{run: 0.25 mi, walk: 0.75 mi}]\n"
                           "      - blocks: [{run: 0.5 mi, walk: 0.5 mi}]\n"));
  const Stage& stage = p.stages[0];
  CHECK(session_count(stage) == 2);
  CHECK(stage.session.blocks[0].run->value == Approx(0.25 * kMile));
  CHECK(session_for(stage, 1).blocks[0].run->value == Approx(0.5 * kMile));
  CHECK(&session_for(stage, 5) == &session_for(stage, 1));  // the last repeats
  CHECK(&session_for(stage, 0) == &stage.session);

  SECTION("a `session:` stage is a list of one, as in format 1") {
    const Protocol one = load_text(with_stage("    session:\n      blocks: [{run: 1 min}]\n"));
    CHECK(session_count(one.stages[0]) == 1);
    CHECK(one.stages[0].later_sessions.empty());
  }
  SECTION("a list as long as sessions_to_advance is fine; the default counts too") {
    const Protocol two =
        load_text(with_stage("    sessions:\n"
                             "      - blocks: [{run: 1 min}]\n"
                             "      - blocks: [{run: 2 min}]\n"));
    CHECK(two.stages[0].sessions_to_advance == 2);
    CHECK(session_count(two.stages[0]) == 2);
  }
}

TEST_CASE("format 2, family 4: walk-only blocks and walk-first blocks load",
          "[protocol][format2]") {
  const Protocol p = load_text(
      with_stage("    sessions:\n"
                 "      - blocks: [{walk: 20 min}]\n"
                 "      - blocks: [{walk: 0.1 mi, run: 0.1 mi, repeat: 10, start_with: walk}]\n"));
  const Session& walk = p.stages[0].session;
  CHECK_FALSE(walk.blocks[0].run);
  CHECK(walk.blocks[0].walk->value == 1200);
  CHECK(walk_only(walk));
  CHECK(describe_session(walk) == "walk 20 min");
  CHECK(describe_totals(session_totals(walk)) == "walk 20 min in all");
  const Session& jogs = session_for(p.stages[0], 1);
  CHECK_FALSE(walk_only(jogs));
  CHECK(jogs.blocks[0].walk_first);
  CHECK(describe_session(jogs) == "10 × (walk 0.1 mi / run 0.1 mi)");
  CHECK(describe_totals(session_totals(jogs)) == "run 1 mi, walk 1 mi in all");

  SECTION("start_with: run is the default and reads as before") {
    const Protocol run_first = load_text(
        with_stage("    session:\n      blocks: [{run: 1 min, walk: 2 min, start_with: run}]\n"));
    CHECK_FALSE(run_first.stages[0].session.blocks[0].walk_first);
    CHECK(describe_session(run_first.stages[0].session) == "run 1 min, then walk 2 min");
  }
}

TEST_CASE("format 2, family 5: blocks to a total, and a block's effort, RPE and speeds load",
          "[protocol][format2]") {
  const Protocol p = load_text(
      with_stage("    session:\n"
                 "      blocks:\n"
                 "        - {run: 3 min, walk: 2 min, until: 1.5 mi, speed: 6 mph,"
                 " walk_speed: 3.5 mph}\n"
                 "        - {run: 10 min, effort: easy jog, rpe: [3, 4], speed: 9.5 km/h}\n"
                 "        - {run: 1 min, walk: 1 min, until: 30 min}\n"));
  const auto& blocks = p.stages[0].session.blocks;
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[0].until->kind == Amount::Kind::distance);
  CHECK(blocks[0].until->value == Approx(1.5 * kMile));
  CHECK(blocks[0].repeat == 1);
  CHECK(blocks[0].speed == Speed{Speed::Unit::mph, 6});
  CHECK(blocks[0].walk_speed == Speed{Speed::Unit::mph, 3.5});
  CHECK(blocks[1].effort == "easy jog");
  CHECK(blocks[1].rpe_min == 3);
  CHECK(blocks[1].rpe_max == 4);
  CHECK(blocks[1].speed == Speed{Speed::Unit::kmh, 9.5});
  CHECK(describe_block(blocks[0]) ==
        "run 3 min / walk 2 min, repeated to a total of 1.5 mi (running at 6 mph; walking at "
        "3.5 mph)");
  CHECK(describe_block(blocks[1]) ==
        "run 10 min continuously (easy jog; effort 3-4 out of 10; running at 9.5 km/h)");
  CHECK(describe_block(blocks[2]) == "run 1 min / walk 1 min, repeated to a total of 30 min");
  const SessionTotals totals = session_totals(p.stages[0].session);
  CHECK(totals.run_seconds == 600);
  CHECK(totals.run_walk_metres == Approx(1.5 * kMile));
  CHECK(totals.run_walk_seconds == 1800);
  CHECK(describe_totals(totals) == "run 10 min, run and walk 30 min + 1.5 mi in all");
}

TEST_CASE("format 2, family 5: speeds are read in mph and km/h", "[protocol][format2][amount]") {
  CHECK(*parse_speed("6 mph") == Speed{Speed::Unit::mph, 6});
  CHECK(*parse_speed("9.5 km/h") == Speed{Speed::Unit::kmh, 9.5});
  CHECK(*parse_speed("9.5kmh") == Speed{Speed::Unit::kmh, 9.5});
  CHECK(*parse_speed("12 KPH") == Speed{Speed::Unit::kmh, 12});
  CHECK(format_speed(Speed{Speed::Unit::mph, 3.5}) == "3.5 mph");
  CHECK(speed_kmh(Speed{Speed::Unit::mph, 10}) == Approx(16.09344));
  CHECK_FALSE(parse_speed("fast"));
  CHECK_FALSE(parse_speed("6"));
  CHECK(parse_speed("6 m/s").error() ==
        "'6 m/s' has an unknown unit 'm/s'; expected a speed such as '6 mph' or '9.5 km/h'");
}
