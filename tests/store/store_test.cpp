#include <catch2/catch.hpp>

#include "store/statement.hpp"
#include "store/store.hpp"
#include "store/store_access.hpp"
#include "store_fixture.hpp"

#include <array>
#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>

using namespace runback;
using namespace runback::testing;

namespace {
LogRow day(Date date) {
  return LogRow{date, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
}

// `count` days of logs up to `last`, the i-th day back with pain i during and i % 3 after.
void log_days(Store& store, const std::string& name, int count, Date last) {
  const std::int64_t id = store.resolve_runner(name)->id;
  std::vector<LogRow> rows;
  for (int i = 0; i < count; ++i) {
    LogRow row = day(last - std::chrono::days{i});
    row.pain_during = i;
    row.pain_after = i % 3;
    rows.push_back(row);
  }
  REQUIRE(store.record_logs(id, rows, false)->conflicts.empty());
}
}  // namespace

TEST_CASE("resolve_db_path: flag, then RUNBACK_DB, then XDG data home, then HOME",
          "[store][path]") {
  MapEnvironment all({{"RUNBACK_DB", "/env.db"}, {"XDG_DATA_HOME", "/xdg"}, {"HOME", "/home/a"}});
  CHECK(*resolve_db_path(all, "/flag.db") == "/flag.db");
  CHECK(*resolve_db_path(all, "") == "/env.db");
  MapEnvironment xdg({{"XDG_DATA_HOME", "/xdg"}, {"HOME", "/home/a"}});
  CHECK(*resolve_db_path(xdg, "") == "/xdg/runback/runback.db");
  MapEnvironment home(std::map<std::string, std::string>{{"HOME", "/home/a"}});
  CHECK(*resolve_db_path(home, "") == "/home/a/.local/share/runback/runback.db");
  MapEnvironment none(std::map<std::string, std::string>{});
  CHECK_FALSE(resolve_db_path(none, "").ok());
}

TEST_CASE("opening: missing file, folder creation, not a database", "[store][open]") {
  TempDir dir;
  auto missing = Store::open(dir.file("none.db"), OpenMode::existing_only);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error_kind() == ErrorKind::not_found);
  CHECK(missing.error().find("runback start --protocol") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.file("none.db")));

  auto nested = Store::open(dir.file("a/b/r.db"), OpenMode::create_if_missing);
  REQUIRE(nested.ok());
  CHECK(std::filesystem::exists(dir.file("a/b/r.db")));

  {
    std::ofstream text(dir.file("notes.txt"));
    text << "These are my running notes, not a database.\n";
  }
  auto text = Store::open(dir.file("notes.txt"), OpenMode::create_if_missing);
  REQUIRE_FALSE(text.ok());
  CHECK(text.error_kind() == ErrorKind::bad_input);
  CHECK(text.error().find("is not a runback records database") != std::string::npos);

  auto folder = Store::open(dir.file("a"), OpenMode::create_if_missing);
  REQUIRE_FALSE(folder.ok());
  CHECK(folder.error_kind() == ErrorKind::bad_input);
  CHECK(folder.error().find("is a folder, not a records database") != std::string::npos);
}

TEST_CASE("opening: an empty database has no records yet, and a folder that cannot be made is io",
          "[store][open]") {
  TempDir dir;
  { std::ofstream empty(dir.file("empty.db")); }
  auto empty = Store::open(dir.file("empty.db"), OpenMode::existing_only);
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.error_kind() == ErrorKind::not_found);
  CHECK(empty.error().find("no records yet") != std::string::npos);

  {
    std::ofstream file(dir.file("plain"));
    file << "a file where a folder should be\n";
  }
  auto unmade = Store::open(dir.file("plain/sub/r.db"), OpenMode::create_if_missing);
  REQUIRE_FALSE(unmade.ok());
  CHECK(unmade.error_kind() == ErrorKind::io);
  CHECK(unmade.error().find("cannot create the folder") != std::string::npos);
}

TEST_CASE("two at once setting up the same new file: both open it, and it is set up once",
          "[store][open]") {
  // SQLite answers the second one's change of journal mode with "busy" at once, not through
  // the busy timeout; the store waits and looks again (it failed about one time in ten).
  TempDir dir;
  for (int round = 0; round < 40; ++round) {
    const std::string path = dir.file("fresh-" + std::to_string(round) + ".db");
    std::array<std::optional<Result<Store>>, 2> opened;
    std::array<std::thread, 2> threads;
    for (std::size_t i = 0; i < 2; ++i) {
      threads[i] = std::thread([&opened, &path, i] {
        opened[i].emplace(Store::open(path, OpenMode::create_if_missing));
      });
    }
    for (auto& thread : threads) thread.join();
    for (std::size_t i = 0; i < 2; ++i) {
      INFO("round " << round << ", opener " << i);
      REQUIRE(opened[i]->ok());
      CHECK(opened[i]->value().runners().ok());
    }
  }
}

TEST_CASE("runners: the only one is the default, otherwise --runner is needed", "[store]") {
  TempDir dir;
  const std::string path = dir.file("r.db");
  seed_runners(path, {"ana"});
  Store store = open_test_store(path);
  CHECK(store.resolve_runner("")->name == "ana");
  REQUIRE(store.start_programme("ben", sample_programme(), false).ok());
  auto ambiguous = store.resolve_runner("");
  REQUIRE_FALSE(ambiguous.ok());
  CHECK(ambiguous.error().find("ana, ben") != std::string::npos);
  CHECK(ambiguous.error().find("--runner") != std::string::npos);
  auto typo = store.resolve_runner("bem");
  REQUIRE_FALSE(typo.ok());
  CHECK(typo.error().find("did you mean 'ben'") != std::string::npos);
}

TEST_CASE("start_programme keeps one active programme, and --replace keeps the old as history",
          "[store]") {
  TempDir dir;
  Store store = open_test_store(dir.file("r.db"));
  REQUIRE(store.start_programme("ana", sample_programme(), false).ok());
  auto again = store.start_programme("ana", sample_programme("knee"), false);
  REQUIRE_FALSE(again.ok());
  CHECK(again.error_kind() == ErrorKind::conflict);
  CHECK(again.error().find("already follows achilles-midportion") != std::string::npos);
  REQUIRE(store.start_programme("ana", sample_programme("knee"), true).ok());
  auto runner = store.resolve_runner("ana");
  auto all = store.programmes(runner->id);
  REQUIRE(all->size() == 2);
  CHECK_FALSE((*all)[0].active);
  CHECK((*all)[1].active);
  CHECK((*all)[1].protocol_id == "knee");
  auto records = store.records_for("ana");
  REQUIRE(records.ok());
  CHECK(records->programme.protocol_id == "knee");
  CHECK(records->programme.params.at("baseline_cadence") == "168");
  CHECK(records->programme.run_days.size() == 3);
  CHECK(records->programme.protocol_snapshot == sample_programme("knee").protocol_snapshot);
}

TEST_CASE("record_logs merges a day, refuses to overwrite, audits a replacement", "[store][log]") {
  TempDir dir;
  const std::string path = dir.file("r.db");
  seed_runners(path, {"ana"});
  StampClock clock("2026-01-07T08:00:00Z");
  Store store = open_test_store(path);
  store.use_clock(clock);
  const std::int64_t ana = store.resolve_runner("ana")->id;
  const Date monday = make_date(2026, 1, 5);

  LogRow session = day(monday);
  session.session = SessionOutcome::done;
  session.pain_during = 2;
  session.red_flags = {"night-pain"};
  session.answers = {{"hop_test", "pain-free"}};
  session.note = "Felt \"great\" — ünïcödé ✓; DROP TABLE day_log;";
  REQUIRE(store.record_logs(ana, {session}, false)->conflicts.empty());

  LogRow morning = day(monday);
  morning.pain_next_morning = 1;
  morning.red_flags = {"numbness", "night-pain"};
  REQUIRE(store.record_logs(ana, {morning}, false)->conflicts.empty());

  auto stored = store.log_for(ana, monday);
  REQUIRE(stored.ok());
  REQUIRE(stored->has_value());
  CHECK((*stored)->pain_during == 2);
  CHECK((*stored)->pain_next_morning == 1);
  CHECK((*stored)->note == session.note);
  CHECK((*stored)->red_flags == std::vector<std::string>{"night-pain", "numbness"});

  const std::string before = dump_database(path);
  LogRow again = day(monday);
  again.pain_during = 4;
  again.answers = {{"hop_test", "sore"}};
  auto refused = store.record_logs(ana, {again}, false);
  REQUIRE(refused.ok());
  REQUIRE(refused->conflicts.size() == 2);
  CHECK(refused->conflicts[0].field == "pain_during");
  CHECK(refused->conflicts[0].recorded == "2");
  CHECK(refused->conflicts[1].field == "answers.hop_test");
  CHECK(dump_database(path) == before);

  auto replaced = store.record_logs(ana, {again}, true);
  REQUIRE(replaced.ok());
  CHECK(replaced->conflicts.empty());
  CHECK((*store.log_for(ana, monday))->pain_during == 4);
  auto audit = store.audit(ana);
  REQUIRE(audit.ok());
  REQUIRE(audit->size() == 2);
  CHECK((*audit)[0].field == "pain_during");
  CHECK((*audit)[0].old_value == "2");
  CHECK((*audit)[0].new_value == "4");
  CHECK((*audit)[0].changed_at == "2026-01-07T08:00:00Z");
  CHECK((*audit)[1].field == "answers.hop_test");
}

TEST_CASE("a conflict on one day leaves the other day of the same command unwritten",
          "[store][log]") {
  TempDir dir;
  const std::string path = dir.file("r.db");
  seed_runners(path, {"ana"});
  Store store = open_test_store(path);
  const std::int64_t ana = store.resolve_runner("ana")->id;
  LogRow sunday = day(make_date(2026, 1, 4));
  sunday.pain_next_morning = 1;
  REQUIRE(store.record_logs(ana, {sunday}, false)->conflicts.empty());
  LogRow monday = day(make_date(2026, 1, 5));
  monday.pain_during = 3;
  sunday.pain_next_morning = 2;
  auto outcome = store.record_logs(ana, {sunday, monday}, false);
  REQUIRE(outcome->conflicts.size() == 1);
  CHECK_FALSE(store.log_for(ana, make_date(2026, 1, 5))->has_value());
}

TEST_CASE("all_records loads every active runner by name, logs ascending, with clearances",
          "[store][records]") {
  TempDir dir;
  const std::string path = dir.file("r.db");
  seed_runners(path, {"cleo", "ana", "ben"});
  Store store = open_test_store(path);
  for (const char* name : {"ana", "ben", "cleo"}) log_days(store, name, 5, make_date(2026, 1, 10));
  REQUIRE(store
              .record_clearance(store.resolve_runner("ben")->id,
                                {make_date(2026, 1, 9), "Dr Lee", "ok"})
              .ok());
  auto all = store.all_records();
  REQUIRE(all.ok());
  REQUIRE(all->size() == 3);
  CHECK((*all)[0].runner.name == "ana");
  CHECK((*all)[2].runner.name == "cleo");
  for (const auto& records : *all) {
    REQUIRE(records.logs.size() == 5);
    CHECK(records.logs.front().date == make_date(2026, 1, 6));  // ascending
    CHECK(records.logs.front().pain_during == 4);
  }
  CHECK((*all)[1].clearances.size() == 1);
  CHECK((*all)[0].clearances.empty());
}

TEST_CASE("a caseload read in parts matches it read whole, in the order the parts ask",
          "[store][records]") {
  TempDir dir;
  const std::string path = dir.file("r.db");
  seed_runners(path, {"cleo", "ana", "ben"});
  Store store = open_test_store(path);
  log_days(store, "ana", 4, make_date(2026, 2, 10));
  log_days(store, "ben", 6, make_date(2026, 2, 10));
  log_days(store, "cleo", 9, make_date(2026, 2, 10));
  REQUIRE(store
              .record_clearance(store.resolve_runner("cleo")->id,
                                {make_date(2026, 2, 1), "Dr Lee", "fine"})
              .ok());

  auto listed = store.runners_with_active_programme();
  REQUIRE(listed.ok());
  REQUIRE(listed->size() == 3);
  CHECK((*listed)[0].name == "ana");
  CHECK((*listed)[1].name == "ben");
  CHECK((*listed)[2].name == "cleo");

  auto whole = store.all_records();
  REQUIRE(whole.ok());
  // Another connection, as a worker thread has; a runner who has no programme is skipped.
  Store part_reader = open_test_store(path);
  const std::vector<Runner> asked = {(*listed)[2], Runner{9999, "nobody"}, (*listed)[0]};
  std::vector<RunnerRecords> parts;
  REQUIRE(part_reader
              .for_each_active_records(
                  asked, [&](RunnerRecords&& records) { parts.push_back(std::move(records)); })
              .ok());
  REQUIRE(parts.size() == 2);
  for (const auto& [part, whole_index] : {std::pair{&parts[0], 2}, std::pair{&parts[1], 0}}) {
    const RunnerRecords& expected = (*whole)[std::size_t(whole_index)];
    CHECK(part->runner.name == expected.runner.name);
    CHECK(part->programme.id == expected.programme.id);
    CHECK(part->programme.snapshot_id == expected.programme.snapshot_id);
    REQUIRE(part->logs.size() == expected.logs.size());
    for (std::size_t i = 0; i < part->logs.size(); ++i) {
      CHECK(part->logs[i].date == expected.logs[i].date);
      CHECK(part->logs[i].pain_after == expected.logs[i].pain_after);
    }
    CHECK(part->clearances.size() == expected.clearances.size());
  }
  CHECK(parts[0].clearances.size() == 1);
}

TEST_CASE("upgrade_programme switches the snapshot and audits the old version", "[store]") {
  TempDir dir;
  const std::string path = dir.file("r.db");
  seed_runners(path, {"ana"});
  Store store = open_test_store(path);
  const std::int64_t ana = store.resolve_runner("ana")->id;
  const int start = store.records_for("ana")->programme.starting_stage;
  REQUIRE(store.upgrade_programme(ana, "1.1.0", "id: new", {}, start).ok());
  auto records = store.records_for("ana");
  CHECK(records->programme.protocol_version == "1.1.0");
  CHECK(records->programme.protocol_snapshot == "id: new");
  auto audit = store.audit(ana);
  REQUIRE(audit->size() == 2);
  CHECK((*audit)[0].field == "protocol_version");
  CHECK((*audit)[0].old_value == "1.0.0");
  CHECK((*audit)[1].old_value == sample_programme().protocol_snapshot);
}

TEST_CASE("upgrade_programme can move the starting stage, and audits the move", "[store]") {
  TempDir dir;
  const std::string path = dir.file("r.db");
  seed_runners(path, {"ana"});
  Store store = open_test_store(path);
  const std::int64_t ana = store.resolve_runner("ana")->id;
  const int start = store.records_for("ana")->programme.starting_stage;
  REQUIRE(store.upgrade_programme(ana, "1.1.0", "id: new", {}, start + 1).ok());
  CHECK(store.records_for("ana")->programme.starting_stage == start + 1);
  auto audit = store.audit(ana);
  REQUIRE(audit->size() == 3);
  CHECK((*audit)[2].field == "starting_stage");
  CHECK((*audit)[2].old_value == std::to_string(start));
  CHECK((*audit)[2].new_value == std::to_string(start + 1));
}

TEST_CASE("a damaged stored date is named, whichever reader meets it", "[store][log]") {
  TempDir dir;
  const std::string path = dir.file("r.db");
  seed_runners(path, {"ana"});
  Store store = open_test_store(path);
  const std::int64_t ana = store.resolve_runner("ana")->id;
  LogRow row = day(make_date(2026, 2, 27));
  row.pain_during = 1;
  REQUIRE(store.record_logs(ana, {row}, false)->conflicts.empty());
  // Ten characters, so the schema's check lets it in; not a day on the calendar.
  REQUIRE(StoreAccess::database(store).exec("UPDATE day_log SET date = '2026-02-30'").ok());

  auto records = store.records_for("ana");  // the planner's reader
  REQUIRE_FALSE(records.ok());
  CHECK(records.error() == "a stored log has a damaged date: 2026-02-30");
  auto all = store.all_records();
  REQUIRE_FALSE(all.ok());
  CHECK(all.error() == records.error());
  // The log rows' reader says what parse_date says.
  auto logs =
      store.for_each_log(ana, std::nullopt, std::nullopt, [](const std::string&, const LogRow&) {});
  REQUIRE_FALSE(logs.ok());
  CHECK(logs.error() ==
        "a stored log has a damaged date: '2026-02-30' is not a day on the calendar");
}
