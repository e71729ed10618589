// Store::withdraw_log: values taken back go to the audit table as a --replace correction would
// keep them, in one transaction, and a refused withdrawal changes nothing.

#include <catch2/catch.hpp>

#include "store/store.hpp"
#include "store_fixture.hpp"

using namespace runback;
using namespace runback::testing;

namespace {

const Date kDay = make_date(2026, 11, 18);

// ana's log for kDay: a run with pains, a red flag, an answer and a note; and the day before.
struct Logged {
  TempDir dir;
  std::string path = dir.file("r.db");
  StampClock clock{"2026-11-30T08:00:00Z"};
  Store store = [this] {
    seed_runners(path, {"ana"});
    return open_test_store(path);
  }();
  std::int64_t ana = store.resolve_runner("ana")->id;

  Logged() {
    store.use_clock(clock);
    LogRow row{kDay, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
    row.session = SessionOutcome::done;
    row.pain_during = 2;
    row.pain_after = 3;
    row.swelling = false;
    row.red_flags = {"night-pain", "numbness"};
    row.answers = {{"hop_test", "sore"}, {"calf_raises", "20"}};
    row.note = "felt odd";
    LogRow before{kDay - std::chrono::days{1}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
    before.pain_next_morning = 1;
    REQUIRE(store.record_logs(ana, {before, row}, false)->conflicts.empty());
  }
  std::optional<LogRow> log(Date date) { return *store.log_for(ana, date); }
  std::vector<AuditEntry> audit() { return *store.audit(ana); }
};

}  // namespace

TEST_CASE("withdrawing one value audits it and keeps the rest of the day", "[store][withdraw]") {
  Logged db;
  auto outcome = db.store.withdraw_log(db.ana, kDay, {"pain_after"});
  REQUIRE(outcome.ok());
  CHECK(outcome->not_logged.empty());
  REQUIRE(outcome->withdrawn.size() == 1);
  CHECK(outcome->withdrawn[0].field == "pain_after");
  CHECK(outcome->withdrawn[0].old_value == "3");
  CHECK_FALSE(outcome->withdrawn[0].new_value);

  auto left = db.log(kDay);
  REQUIRE(left);
  CHECK_FALSE(left->pain_after);
  CHECK(left->pain_during == 2);
  CHECK(left->red_flags == std::vector<std::string>{"night-pain", "numbness"});
  CHECK(left->note == "felt odd");
  CHECK(outcome->remaining == left);

  const auto audit = db.audit();
  REQUIRE(audit.size() == 1);
  CHECK(audit[0].subject == "log");
  CHECK(audit[0].date == kDay);
  CHECK(audit[0].field == "pain_after");
  CHECK(audit[0].old_value == "3");
  CHECK_FALSE(audit[0].new_value);
  CHECK(audit[0].changed_at == "2026-11-30T08:00:00Z");
}

TEST_CASE("withdrawing red flags, an answer and the note", "[store][withdraw]") {
  Logged db;
  auto outcome = db.store.withdraw_log(db.ana, kDay, {"note", "red_flags", "answers.hop_test"});
  REQUIRE(outcome.ok());
  auto left = db.log(kDay);
  REQUIRE(left);
  CHECK(left->red_flags.empty());
  CHECK(left->answers == std::map<std::string, std::string>{{"calf_raises", "20"}});
  CHECK_FALSE(left->note);
  CHECK(left->session == SessionOutcome::done);

  std::map<std::string, std::optional<std::string>> audited;
  for (const auto& entry : db.audit()) {
    CHECK_FALSE(entry.new_value);
    audited[entry.field] = entry.old_value;
  }
  CHECK(audited ==
        std::map<std::string, std::optional<std::string>>{{"note", "felt odd"},
                                                          {"red_flags", "night-pain,numbness"},
                                                          {"answers.hop_test", "sore"}});
}

TEST_CASE("withdrawing the whole day deletes its row and audits every value", "[store][withdraw]") {
  Logged db;
  auto outcome = db.store.withdraw_log(db.ana, kDay, {});
  REQUIRE(outcome.ok());
  CHECK_FALSE(outcome->remaining);
  CHECK_FALSE(db.log(kDay));
  CHECK(db.log(kDay - std::chrono::days{1}));  // the day before is untouched

  std::vector<std::string> fields;
  for (const auto& entry : db.audit()) fields.push_back(entry.field);
  CHECK(fields == std::vector<std::string>{"session", "pain_during", "pain_after", "swelling",
                                           "note", "answers.calf_raises", "answers.hop_test",
                                           "red_flags"});
}

TEST_CASE("withdrawing the last value of a day deletes its row", "[store][withdraw]") {
  Logged db;
  const Date before = kDay - std::chrono::days{1};
  auto outcome = db.store.withdraw_log(db.ana, before, {"pain_next_morning"});
  REQUIRE(outcome.ok());
  CHECK_FALSE(outcome->remaining);
  CHECK_FALSE(db.log(before));
  REQUIRE(db.audit().size() == 1);
}

TEST_CASE("a withdrawal of something not logged changes nothing", "[store][withdraw]") {
  Logged db;
  const std::string dump = dump_database(db.path);

  auto empty_day = db.store.withdraw_log(db.ana, kDay + std::chrono::days{1}, {});
  REQUIRE(empty_day.ok());
  CHECK_FALSE(empty_day->logged);
  CHECK(empty_day->withdrawn.empty());

  // One of the values asked for is not logged: none of them is withdrawn.
  auto partly = db.store.withdraw_log(db.ana, kDay,
                                      {"pain_during", "pain_next_morning", "answers.nope", "limp"});
  REQUIRE(partly.ok());
  REQUIRE(partly->logged);
  CHECK(partly->not_logged ==
        std::vector<std::string>{"pain_next_morning", "answers.nope", "limp"});
  CHECK(partly->withdrawn.empty());

  auto unknown = db.store.withdraw_log(db.ana, kDay, {"pain"});
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error() == "'pain' is not a value of a day's log");
  CHECK(dump_database(db.path) == dump);
}

TEST_CASE("a withdrawn value can be logged again without --replace", "[store][withdraw]") {
  Logged db;
  REQUIRE(db.store.withdraw_log(db.ana, kDay, {"pain_during"}).ok());
  LogRow again{kDay, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
  again.pain_during = 4;
  auto logged = db.store.record_logs(db.ana, {again}, false);
  REQUIRE(logged.ok());
  CHECK(logged->conflicts.empty());
  CHECK(db.log(kDay)->pain_during == 4);
}
