#include <catch2/catch.hpp>

#include "store/records_csv.hpp"
#include "store_fixture.hpp"

using namespace runback;
using namespace runback::testing;

namespace {

const Date kToday = make_date(2026, 3, 1);

void fill(Store& store) {
  REQUIRE(store.start_programme("ana", sample_programme(), false).ok());
  Programme knee = sample_programme("knee-pfp");
  knee.protocol_snapshot = "id: knee-pfp\nnotes: \"multi\nline, with \"\"quotes\"\"\"\n";
  knee.run_days = {};
  knee.params = {};
  REQUIRE(store.start_programme("ana", knee, true).ok());
  REQUIRE(store.start_programme("Zoë \"Z\", O'Neil", sample_programme(), false).ok());
  const std::int64_t ana = store.resolve_runner("ana")->id;
  LogRow full{make_date(2026, 1, 6),
              SessionOutcome::partial,
              0,
              10,
              3,
              1440,
              false,
              true,
              {"night-pain", "numbness"},
              {{"hop", "yes, \"twice\""}, {"step", "no"}},
              std::string("line one\r\nline two, \"quoted\" ;DROP TABLE x;-- ✓")};
  full.pain_warmup = 2;
  LogRow sparse{make_date(2026, 1, 7), {}, {}, {}, 2, {}, {}, {}, {}, {}, {}};
  REQUIRE(store.record_logs(ana, {full, sparse}, false)->conflicts.empty());
  REQUIRE(store.record_clearance(ana, {make_date(2026, 1, 8), "Dr Lee, PT", "ok, run"}).ok());
  // Audit entries: a value corrected (old value null, then a number), an upgrade.
  static StampClock clock;  // outlives every store it stamps
  store.use_clock(clock);
  clock.stamp = "2026-01-09T07:40:00Z";
  LogRow corrected{make_date(2026, 1, 7), {}, 4, {}, 3, {}, {}, {}, {}, {}, {}};
  REQUIRE(store.record_logs(ana, {corrected}, true)->conflicts.empty());
  clock.stamp = "2026-01-10T18:05:00Z";
  const int start = store.records_for("ana")->programme.starting_stage;
  REQUIRE(store.upgrade_programme(ana, "2.0.0", "id: knee-pfp\nversion: 2\n", {}, start).ok());
}

}  // namespace

TEST_CASE("export then import into an empty database is exact", "[store][csv]") {
  TempDir dir;
  Store first = open_test_store(dir.file("a.db"));
  fill(first);
  std::string csv;
  REQUIRE(export_records_csv(first, 0, csv).ok());

  Store second = open_test_store(dir.file("b.db"));
  auto report = import_records_csv(second, csv, kToday);
  REQUIRE(report.ok());
  REQUIRE(report->errors.empty());
  CHECK(report->runners == 2);
  CHECK(report->programmes == 3);
  CHECK(report->logs == 2);
  CHECK(report->clearances == 1);
  const auto audit_before = first.audit(first.resolve_runner("ana")->id);
  REQUIRE(audit_before->size() >= 3);
  CHECK(report->audit_entries == audit_before->size());
  std::string again;
  REQUIRE(export_records_csv(second, 0, again).ok());
  CHECK(again == csv);

  auto a = first.records_for("ana"), b = second.records_for("ana");
  REQUIRE(b.ok());
  CHECK(b->logs.size() == 2);
  CHECK(b->logs[0].note == a->logs[0].note);
  CHECK(b->logs[0].answers == a->logs[0].answers);
  CHECK(b->logs[0].pain_warmup == 2);
  CHECK(b->programme.protocol_snapshot == a->programme.protocol_snapshot);
  CHECK(b->clearances[0].by == "Dr Lee, PT");
  const auto audit_after = second.audit(second.resolve_runner("ana")->id);
  REQUIRE(audit_after->size() == audit_before->size());
  for (std::size_t i = 0; i < audit_after->size(); ++i) {
    const AuditEntry &was = (*audit_before)[i], &is = (*audit_after)[i];
    CHECK(is.subject == was.subject);
    CHECK(is.date == was.date);
    CHECK(is.field == was.field);
    CHECK(is.old_value == was.old_value);
    CHECK(is.new_value == was.new_value);
    CHECK(is.changed_at == was.changed_at);
  }
  CHECK((*audit_after)[0].changed_at == "2026-01-09T07:40:00Z");
}

TEST_CASE("an audit record that is not a proper entry is refused with its line", "[store][csv]") {
  TempDir dir;
  Store store = open_test_store(dir.file("a.db"));
  std::string header;
  for (auto c : kRecordsCsvColumns) header += (header.empty() ? "" : ",") + std::string(c);
  const std::string good =
      R"(audit,ana,2026-01-09,,,,,,,,,,,,"{""subject"":""log"",""date"":""2026-01-07"",)"
      R"(""field"":""pain_during"",""old_value"":null,""new_value"":""4"",)"
      R"(""changed_at"":""2026-01-09T07:40:00Z""}",)";
  const std::string bad_subject =
      R"(audit,ana,2026-01-09,,,,,,,,,,,,"{""subject"":""runner"",""date"":null,)"
      R"(""field"":""x"",""old_value"":null,""new_value"":null,""changed_at"":""2026-01-09""}",)";
  const std::string not_json = "audit,ana,2026-01-09,,,,,,,,,,,,{oops,";
  auto report = import_records_csv(
      store, header + "\r\n" + good + "\r\n" + bad_subject + "\r\n" + not_json + "\r\n", kToday);
  REQUIRE(report.ok());
  REQUIRE(report->errors.size() == 2);
  CHECK(report->errors[0].line == 3);
  CHECK(report->errors[0].message.find("'subject' must be log or programme") != std::string::npos);
  CHECK(report->errors[1].line == 4);
  CHECK(store.runners()->empty());  // all or nothing
}

TEST_CASE("import is all or nothing and names the bad line", "[store][csv]") {
  TempDir dir;
  Store source = open_test_store(dir.file("a.db"));
  fill(source);
  std::string csv;
  REQUIRE(export_records_csv(source, 0, csv).ok());

  const std::string path = dir.file("b.db");
  seed_runners(path, {"cleo"});
  const std::string before = dump_database(path);
  Store target = open_test_store(path);

  struct Case {
    std::string row;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"log,bo,2026-01-09,done,11,,,,,,,,,,,",
       "pain_during: '11' is not a whole number from 0 to 10"},
      {"log,bo,2026-02-30,,,,,,,,,,,,,", "date: '2026-02-30' is not a day on the calendar"},
      {"log,bo,2026-03-02,,1,,,,,,,,,,,", "is in the future"},
      {"log,bo,2026-01-09,maybe,,,,,,,,,,,,", "session: 'maybe'"},
      {"log,bo,2026-01-09,,,,,,2,,,,,,,", "swelling: '2' must be 0, 1 or empty"},
      {"log,bo,2026-01-09,,,,,,,,Bad Flag,,,,,", "red_flags: 'Bad Flag'"},
      {"log,bo,2026-01-09,,,,,,,,,[1],,,,", "answers:"},
      {"log,bo,2026-01-09,,,,,,,,,,,,,,", "expected 16 fields, found 17"},
      {"visit,bo,2026-01-09,,,,,,,,,,,,,", "record: 'visit'"},
      {"log,cleo,2026-01-09,,1,,,,,,,,,,,", "'cleo' already has records"},
      {"log,ana,2026-01-06,,1,,,,,,,,,,,", "a second log for 'ana' on 2026-01-06"},
      {"clearance,bo,2026-01-09,,,,,,,,,,,,,", "cleared_by"},
      {"programme,bo,2026-01-09,,,,,,,,,,,,{},", "programme:"},
  };
  // Line breaks inside quoted fields count as lines, as an editor shows them.
  const int bad_line = int(std::count(csv.begin(), csv.end(), '\n')) + 1;
  for (const auto& c : cases) {
    DYNAMIC_SECTION(c.row) {
      const std::string bad = csv + c.row + "\r\n" + "log,bo,2026-01-10,,1,,,,,,,,,,,\r\n";
      auto report = import_records_csv(target, bad, kToday);
      REQUIRE(report.ok());
      REQUIRE_FALSE(report->errors.empty());
      CHECK(report->errors[0].line == bad_line);
      INFO(report->errors[0].message);
      CHECK(report->errors[0].message.find(c.expected) != std::string::npos);
      CHECK(dump_database(path) == before);
    }
  }
}

TEST_CASE("a file from before the warm-up column imports, with no warm-up values", "[store][csv]") {
  TempDir dir;
  Store store = open_test_store(dir.file("r.db"));
  const std::string old =
      "record,runner,date,session,pain_during,pain_after,pain_next_morning,stiffness_minutes,"
      "swelling,limp,red_flags,answers,note,cleared_by,programme\r\n"
      "log,bo,2026-01-09,done,2,,,,,,,,,,\r\n";
  auto report = import_records_csv(store, old, kToday);
  REQUIRE(report.ok());
  CHECK(report->errors.empty());
  CHECK(report->logs == 1);
  std::vector<LogRow> rows;
  REQUIRE(store
              .for_each_log(store.resolve_runner("bo")->id, std::nullopt, std::nullopt,
                            [&](const std::string&, const LogRow& row) { rows.push_back(row); })
              .ok());
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].pain_during == 2);
  CHECK_FALSE(rows[0].pain_warmup);
}

TEST_CASE("import refuses a file without the header", "[store][csv]") {
  TempDir dir;
  Store store = open_test_store(dir.file("r.db"));
  auto report = import_records_csv(store, "date,pain\r\n2026-01-01,3\r\n", kToday);
  REQUIRE(report.ok());
  REQUIRE(report->errors.size() == 1);
  CHECK(report->errors[0].line == 1);
  CHECK(report->errors[0].message.find("header must be exactly") != std::string::npos);
}
