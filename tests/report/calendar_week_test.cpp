// Protocol format 2, family 3: a calendar programme's week in words and as JSON, by programme day
// (tests/protocol/valid/format2-calendar.yaml; a recovery day every 2 steps: clinical-basis.md
// line 162).
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "plan/fixtures.hpp"
#include "plan/planner.hpp"
#include "report/plan_json.hpp"
#include "report/plan_text.hpp"
#include "runback_syntax.hpp"
#include "support/protocol_text.hpp"

using namespace runback;
using runback::cli::runback_syntax;
using namespace runback::test;
using std::chrono::days;

namespace {

const Date kMonday = make_date(2026, 11, 2);

Protocol calendar_protocol() {
  std::ifstream in(RUNBACK_TEST_DATA_DIR "/protocol/valid/format2-calendar.yaml");
  return runback::testing::load_text({std::istreambuf_iterator<char>(in), {}});
}

Plan plan_for(const Protocol& protocol, const std::vector<DayLog>& logs, Date today) {
  const Programme programme = programme_for(protocol, kMonday);
  const std::vector<Clearance> clearances;
  PlanRequest request{protocol, nullptr, programme, logs, clearances, today, kMonday + days{7}, 7};
  return make_plan(request);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("format 2, family 3: the week shows the programme day and the recovery days",
          "[plan][text][calendar]") {
  const Protocol protocol = calendar_protocol();
  const std::vector<DayLog> logs = {session(kMonday, 0, 0), session(kMonday + days{2}, 0, 0),
                                    session(kMonday + days{4}, 0, 0),
                                    session(kMonday + days{6}, 0, 0)};
  const Date today = kMonday + days{7};
  const Plan plan = plan_for(protocol, logs, today);
  const std::string text = week_text(protocol, plan, "Sam", today, runback_syntax());
  INFO(text);
  CHECK(contains(text, "Mon 9 Nov (today), day 8: rest day."));
  CHECK(contains(text, "Tue 10 Nov, day 9: recovery day — no running or jumping.\n"));
  CHECK(contains(text, "Wed 11 Nov, day 10: run"));
  CHECK(contains(text, "Fri 13 Nov, day 12: run, stage 6 of 6"));
  CHECK(contains(text, "Sat 14 Nov: programme finished."));

  const auto doc = week_json(protocol, plan, "Sam", runback_syntax());
  REQUIRE(doc["days"].size() == 7);
  CHECK(doc["days"][1]["programme_day"] == 9);
  CHECK(doc["days"][1]["rest"] == "recovery");
  CHECK(doc["days"][1]["recovery_activity"] == "");
  CHECK(doc["days"][1]["run"].is_null());
  CHECK(doc["days"][2]["programme_day"] == 10);
  CHECK(doc["days"][2]["recovery_activity"].is_null());
  CHECK(doc["days"][5]["programme_day"].is_null());
}
