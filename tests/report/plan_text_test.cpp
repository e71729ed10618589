#include <catch2/catch.hpp>

#include "plan/fixtures.hpp"
#include "plan/planner.hpp"
#include "report/plan_json.hpp"
#include "report/plan_text.hpp"
#include "runback_syntax.hpp"

using namespace runback;
using runback::cli::runback_syntax;
using namespace runback::test;
using std::chrono::days;

namespace {

const Date kMonday = make_date(2026, 11, 2);

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

struct Fixture {
  Protocol protocol = soreness_protocol();
  Programme programme = programme_for(protocol, kMonday, 2);
  std::vector<DayLog> logs = {session(kMonday, 1, 0)};
  std::vector<Clearance> clearances;

  Plan plan(Date today, bool details = true) const {
    PlanRequest request{protocol,         nullptr, programme, logs, clearances, today,
                        monday_of(today), 7,       730,       -1,   details};
    return make_plan(request);
  }
};

}  // namespace

TEST_CASE("the week in words: header, run days, rest days and what to log", "[plan][text]") {
  Fixture f;
  const std::string text = f.plan(kMonday + days{1}).days.empty()
                               ? ""
                               : week_text(f.protocol, f.plan(kMonday + days{1}), "Sam",
                                           kMonday + days{1}, runback_syntax());
  CHECK(contains(text, "Sam's week from Mon 2 Nov to Sun 8 Nov 2026"));
  CHECK(contains(text, "Last decision (Mon 2 Nov): Step back 1 stage to stage 2 after 1 rest day"));
  CHECK(contains(text,
                 "Mon 2 Nov: ran (stage 3 of 6, Stage 3); no run was planned that day. You "
                 "logged: pain during 1/10, next morning 0/10.\n"));
  CHECK(contains(text, "Tue 3 Nov (today): rest day, as your last checkpoint asked."));
  // The walks either side of every run are said once; a run at the runner's stage is not named
  // again: the header says it.
  CHECK(contains(text, "On run days: Walk 5 min to warm up and 5 min to cool down."));
  CHECK(contains(text, "Thu 5 Nov: run. 5 × (run 2 min / walk 1 min)."));
  CHECK(contains(text, "pain during the run (0-10)"));
  CHECK(contains(text, "After the run: runback log 2026-11-05 --pain-during N\n"));
  // The next morning asks for the next-morning value of the day before's run, by its date.
  CHECK(contains(text,
                 "Fri 6 Nov: rest day. This morning: runback log 2026-11-05 --pain-morning N\n"));
  CHECK(contains(text, "pain the next morning (0-10)"));
  CHECK(contains(text, "Red flags: stop running and see your clinician if you notice night-pain"));
}

TEST_CASE("status in words: stage, decisions and projected completion", "[plan][text]") {
  Fixture f;
  const Date today = kMonday + days{1};
  const std::string text = status_text(f.protocol, f.plan(today), "Sam", today, runback_syntax());
  CHECK(contains(text, "Stage 2 of 6, Stage 2: 2 more good runs in a row to move up."));
  CHECK(contains(text, "Last decisions:\n  Mon 2 Nov: Step back 1 stage"));
  CHECK(contains(text, "Projected completion: "));
}

TEST_CASE("the week as JSON", "[plan][json]") {
  Fixture f;
  const Date today = kMonday + days{1};
  const auto doc = week_json(f.protocol, f.plan(today), "Sam", runback_syntax());
  CHECK(doc["schema"] == "runback.week/1");
  CHECK(doc["status"]["stage"]["number"] == 2);
  CHECK(doc["last_decision"]["kind"] == "step_back");
  REQUIRE(doc["days"].size() == 7);
  CHECK(doc["days"][1]["rest"] == "imposed");
  REQUIRE(doc["days"][3]["run"].is_object());
  CHECK(doc["days"][3]["run"]["totals"]["run_seconds"] == 600);
  CHECK(doc["days"][3]["reminders"][0]["command"] == "runback log 2026-11-05 --pain-during N");
  REQUIRE(doc["days"][0]["logged"].is_object());
  CHECK(doc["days"][0]["logged"]["session"] == "done");
  CHECK(doc["days"][0]["logged"]["pain_during"] == 1);
  CHECK(doc["days"][0]["logged"]["pain_after"].is_null());
  CHECK(doc["days"][0]["logged"]["red_flags"] == nlohmann::ordered_json::array());
  CHECK(doc["days"][1]["logged"].is_null());
}

TEST_CASE("a past day in words says what was logged, red flags and answers included",
          "[plan][text]") {
  Fixture f;
  DayLog flagged = session(kMonday + days{2}, 3, 2, 1);
  flagged.stiffness_minutes = 20;
  flagged.swelling = true;
  flagged.red_flags = {"night-pain"};
  flagged.answers = {{"heel_raises", "18"}};
  f.logs.push_back(flagged);
  const Date today = kMonday + days{4};
  const std::string text = week_text(f.protocol, f.plan(today), "Sam", today, runback_syntax());
  CHECK(contains(text,
                 " You logged: pain during 3/10, after 1/10, next morning 2/10, morning "
                 "stiffness 20 min, swelling, red flag: "));
  CHECK(contains(text, ", heel_raises 18.\n"));
}

TEST_CASE("a caseload plan leaves out each day's details", "[plan][json]") {
  Fixture f;
  f.protocol.exercises.push_back(Exercise{});
  f.protocol.exercises.back().name = "Heel drops";
  const Date today = kMonday + days{1};
  const Plan full = f.plan(today, true);
  const Plan lean = f.plan(today, false);
  CHECK_FALSE(full.days[3].exercises.empty());
  CHECK(lean.days[3].exercises.empty());
  CHECK(lean.days[3].run.has_value());
  CHECK(lean.decisions.size() == full.decisions.size());
}
