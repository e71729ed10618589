#include <catch2/catch.hpp>

#include "store/log_row.hpp"
#include "store_fixture.hpp"

using namespace runback;
using namespace runback::testing;

TEST_CASE("a day's log survives the trip to a stored row and back to the planner",
          "[store][log_row]") {
  DayLog log;
  log.date = make_date(2026, 11, 18);
  log.session = SessionOutcome::partial;
  log.pain_during = 3;
  log.pain_after = 2;
  log.pain_next_morning = 1;
  log.stiffness_minutes = 15;
  log.swelling = true;
  log.limp = false;
  log.red_flags = {"night-pain"};
  log.answers = {{"heel_raises", "18"}};
  log.note = "felt \"tight\"; ünïcødé";

  TempDir dir;
  seed_runners(dir.file("r.db"), {"ana"});
  Store store = open_test_store(dir.file("r.db"));
  REQUIRE(store.record_logs(store.resolve_runner("ana")->id, {to_log_row(log)}, false)
              ->conflicts.empty());
  auto records = store.records_for("ana");
  REQUIRE(records.ok());
  REQUIRE(records->logs.size() == 1);
  const DayLog& back = records->logs[0];
  CHECK(back.date == log.date);
  CHECK(back.session == log.session);
  CHECK(back.pain_during == log.pain_during);
  CHECK(back.pain_after == log.pain_after);
  CHECK(back.pain_next_morning == log.pain_next_morning);
  CHECK(back.stiffness_minutes == log.stiffness_minutes);
  CHECK(back.swelling == log.swelling);
  CHECK(back.limp == log.limp);
  CHECK(back.red_flags == log.red_flags);
  CHECK(back.answers == log.answers);
  CHECK(back.note == log.note);

  log.note.clear();
  CHECK_FALSE(to_log_row(log).note.has_value());  // an empty note is no note
}

TEST_CASE("a row's pain during, after or in the warm-up implies a run done, as a DayLog's does",
          "[store][log_row]") {
  LogRow row;
  CHECK_FALSE(implied_session(row));
  row.pain_next_morning = 2;
  CHECK_FALSE(implied_session(row));  // a morning value alone is no run
  row.pain_warmup = 1;
  CHECK(implied_session(row) == SessionOutcome::done);
  row.session = SessionOutcome::skipped;
  CHECK(implied_session(row) == SessionOutcome::skipped);  // what the runner said stands
  DayLog day;
  day.pain_warmup = 1;
  CHECK(implied_session(LogRow{.pain_warmup = 1}) == implied_session(day));
}
