// Format 2's session shapes in the week the runner reads (docs/protocol-format.md, "Format 2"):
// walk-only days as walks, which session of a stage's list a run uses, blocks repeated to a total
// and each block's own effort and speed, in the text and the JSON.

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "plan/fixtures.hpp"
#include "plan/planner.hpp"
#include "report/plan_json.hpp"
#include "report/plan_text.hpp"
#include "report/week_json_writer.hpp"
#include "runback_syntax.hpp"
#include "support/protocol_text.hpp"

using namespace runback;
using runback::cli::runback_syntax;
using namespace runback::test;
using std::chrono::days;

namespace {

const Date kMonday = make_date(2026, 11, 2);

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// tests/protocol/valid/format2-shapes.yaml: walks (a list of 3), jogs inside the walk, a list
// of jog-walk sessions, run 3 / walk 2 to 1.5 miles, then jog 10 / run 10 / jog 10.
Protocol shapes() {
  std::ifstream in(std::string(RUNBACK_TEST_DATA_DIR) + "/protocol/valid/format2-shapes.yaml");
  return runback::testing::load_text({std::istreambuf_iterator<char>(in), {}});
}

struct Week {
  Protocol protocol = shapes();
  Programme programme;
  std::vector<DayLog> logs;

  explicit Week(int stage) : programme(programme_for(protocol, kMonday, stage)) {
    programme.run_days = {std::chrono::Monday, std::chrono::Wednesday, std::chrono::Friday};
  }

  Plan plan(Date today) const {
    PlanRequest request{protocol,         nullptr, programme, logs, {},  today,
                        monday_of(today), 7,       730,       -1,   true};
    return make_plan(request);
  }
  std::string text(Date today) const {
    return week_text(protocol, plan(today), "Sam", today, runback_syntax());
  }
  nlohmann::ordered_json json(Date today) const {
    return week_body_json(protocol, plan(today), "Sam", runback_syntax());
  }
};

// The JSON of the run on `date`.
nlohmann::ordered_json run_json(const nlohmann::ordered_json& week, const std::string& date) {
  for (const auto& day : week["days"]) {
    if (day["date"] == date) return day["run"];
  }
  FAIL("no day " << date);
  return {};
}

}  // namespace

TEST_CASE(
    "format 2, family 4: the week shows walk-only days as walks, and a clean walk moves on "
    "like a run",
    "[plan][text][format2]") {
  // clinical-basis.md section 7, Allsport walk-jog by days: "Walk-only days come first: a
  // session can be walking alone"; the walks build before jogs go inside the walk.
  Week week(0);
  const std::string first = week.text(kMonday);
  CHECK(contains(first, "Mon 2 Nov (today): walk, session 1 of 3. Walk 0.5 mi (brisk)."));
  CHECK(contains(first, "Fri 6 Nov: walk, session 3 of 3. Walk 2 mi (brisk; walking at 3.5 mph)."));
  // A walk day's reminder speaks of the walk; a run day's of the run.
  CHECK(contains(first, "After each walk, log: pain during the walk (0-10)"));
  CHECK(contains(first, "After the walk: runback log 2026-11-02 --pain-during N"));
  CHECK(contains(first, "add --session partial or skipped, --limp or --swelling as needed."));
  CHECK_FALSE(contains(first, "After the run"));
  CHECK_FALSE(contains(first, "(if the runs before it go well)"));
  const auto json = week.json(kMonday);
  CHECK(run_json(json, "2026-11-02")["walk_only"] == true);
  CHECK(run_json(json, "2026-11-02")["session_number"] == 1);
  CHECK(run_json(json, "2026-11-02")["session_count"] == 3);
  CHECK(run_json(json, "2026-11-06")["block_details"][0]["walk_speed"] == "3.5 mph");
  CHECK(run_json(json, "2026-11-06")["totals"]["run_metres"] == 0);

  week.logs = {session(kMonday, 0, 0), session(kMonday + days{2}, 0, 0),
               session(kMonday + days{4}, 0, 0)};
  const std::string later = week.text(kMonday + days{5});
  CHECK(contains(later, "Mon 2 Nov: walked (stage 1 of 5, Brisk walks, session 1 of 3)."));
  CHECK(contains(later, "Fri 6 Nov: walked (stage 1 of 5, Brisk walks, session 3 of 3)."));
  CHECK(contains(later, "Moved up on Fri 6 Nov: 3 good sessions in a row at stage 1."));
  const std::string next = week.text(kMonday + days{7});
  CHECK(contains(next,
                 "Mon 9 Nov (today): run. 10 × (walk 0.1 mi / run 0.1 mi) (easy jog). Run 1 mi, "
                 "walk 1 mi in all."));
}

TEST_CASE("format 2, family 2: the week says which session of the stage's list each run is",
          "[plan][text][format2]") {
  // clinical-basis.md section 7, post-ACL progression: the session changes at every run.
  Week week(2);
  week.logs = {session(kMonday, 0, 0)};
  const std::string text = week.text(kMonday + days{1});
  // A logged run at the runner's stage is not named again, its session in the list is.
  CHECK(contains(text, "Mon 2 Nov: ran (session 1 of 3)."));
  CHECK(contains(text, "Wed 4 Nov: run, session 2 of 3. Run 0.5 mi, then walk 0.5 mi."));
  CHECK(contains(text, "Fri 6 Nov: run, session 3 of 3. Run 0.75 mi, then walk 0.25 mi."));
  const auto json = week.json(kMonday + days{1});
  CHECK(run_json(json, "2026-11-04")["session"] == "run 0.5 mi, then walk 0.5 mi");
  CHECK(run_json(json, "2026-11-04")["session_number"] == 2);
  CHECK(run_json(json, "2026-11-06")["session_number"] == 3);
}

TEST_CASE(
    "format 2, family 5: run 3 / walk 2 to 1.5 miles, then jog 10, run 10, jog 10 with "
    "each block's effort",
    "[plan][text][format2]") {
  // clinical-basis.md section 7: "Published programmes also use distances (e.g. 0.1 mile walk /
  // 0.2 mile jog repeated to 2 miles) ... and intensity cues (RPE 3-5/10)"; University of Toledo
  // track progression, stage II "jog/run steps". Two good sessions move the runner on.
  Week week(3);
  const std::string first = week.text(kMonday);
  CHECK(contains(first,
                 "Mon 2 Nov (today): run. Walk 5 min to warm up, then run 3 min / walk 2 min, "
                 "repeated to a total of 1.5 mi (running at 9.5 km/h; walking at 5.5 km/h). "
                 "Walk 5 min, run and walk 1.5 mi in all."));
  const auto json = week.json(kMonday);
  const auto to_total = run_json(json, "2026-11-02");
  CHECK(to_total["walk_only"] == false);
  CHECK(to_total["block_details"][0]["until"] == "1.5 mi");
  CHECK(to_total["block_details"][0]["speed"] == "9.5 km/h");
  CHECK(to_total["totals"]["run_walk_metres"].get<double>() == Approx(1.5 * 1609.344));

  week.logs = {session(kMonday, 0, 0), session(kMonday + days{2}, 0, 0)};
  const Plan plan = week.plan(kMonday + days{3});
  REQUIRE_FALSE(plan.decisions.empty());
  CHECK(plan.decisions.back().kind == DecisionKind::advance);
  const std::string text = week.text(kMonday + days{3});
  CHECK(contains(text,
                 "Fri 6 Nov: run. Run 10 min continuously (easy jog; effort 3 out of 10), then "
                 "run 10 min continuously (steady run; effort 5-6 out of 10; running at 6 mph), "
                 "then run 10 min continuously (easy jog; effort 3 out of 10). Run 30 min in "
                 "all."));
  const auto blocks = run_json(week.json(kMonday + days{3}), "2026-11-06")["block_details"];
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[0]["effort"] == "easy jog");
  CHECK(blocks[0]["rpe_min"] == 3);
  CHECK(blocks[1]["effort"] == "steady run");
  CHECK(blocks[1]["rpe_max"] == 6);
  CHECK(blocks[1]["speed"] == "6 mph");
  CHECK(blocks[2]["speed"] == nullptr);
}

TEST_CASE("format 2: the direct week writer writes each session of a list as the DOM does",
          "[plan_json][format2]") {
  for (int stage = 0; stage < 5; ++stage) {
    Week week(stage);
    week.logs = {session(kMonday, 0, 0), session(kMonday + days{2}, 3, 0)};
    for (int offset : {0, 1, 3, 7}) {
      const Date today = kMonday + days{offset};
      const Plan plan = week.plan(today);
      std::string direct;
      WeekJsonCache cache;
      append_week_body_json(direct, week.protocol, plan, "Sam", runback_syntax(), cache);
      CHECK(direct == week_body_json(week.protocol, plan, "Sam", runback_syntax()).dump());
    }
  }
}
