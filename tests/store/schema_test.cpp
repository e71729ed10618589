#include <catch2/catch.hpp>

#include "store/schema.hpp"
#include "store/statement.hpp"
#include "store/store.hpp"
#include "store/store_access.hpp"
#include "store_fixture.hpp"

using namespace runback;
using runback::testing::TempDir;

namespace {

// Every released schema version with a little data in it. When version 2 comes, add a {2, ...}
// entry: the test then migrates 0, 1 and 2 to the newest and checks the data survives.
// Each is built by the migration steps up to `version` (steps are never edited once released),
// then `data` is written in that version's shape.
struct OldSchema {
  int version;
  const char* data;
};
const std::vector<OldSchema> kOldSchemas = {
    {0, ""},  // a fresh, empty file
    {1, R"sql(
      INSERT INTO runner VALUES (1, 'ana', '2026-01-01T00:00:00Z');
      INSERT INTO programme VALUES (1, 1, 'achilles-midportion', '1.0.0', 'id: x', '', '',
        '2026-01-05', 2, '{"baseline_cadence":"170"}', 'mon,thu', 1, '2026-01-01T00:00:00Z');
      INSERT INTO day_log VALUES (1, '2026-01-06', 'done', 2, 3, 1, 10, 0, 1, 'night-pain',
        '{"hop":"ok"}', 'fine');
      INSERT INTO clearance VALUES (1, 1, '2026-01-08', 'Dr Lee', 'ok', '2026-01-08T09:00:00Z');
      INSERT INTO runner VALUES (2, 'ben', '2026-01-01T00:00:00Z');
      INSERT INTO programme VALUES (2, 2, 'achilles-midportion', '1.0.0', 'id: x', '', '',
        '2026-01-05', 0, '{}', '', 1, '2026-01-01T00:00:00Z');
      INSERT INTO runner VALUES (3, 'cy', '2026-01-01T00:00:00Z');
      INSERT INTO programme VALUES (3, 3, 'achilles-midportion', '1.0.1', 'id: y', '', '',
        '2026-01-05', 0, '{}', '', 1, '2026-01-01T00:00:00Z');
      PRAGMA user_version = 1;
    )sql"},
    {2, R"sql(
      INSERT INTO runner VALUES (1, 'ana', '2026-01-01T00:00:00Z');
      INSERT INTO protocol_snapshot VALUES (1, runback_text_hash('id: x'), 'id: x', NULL, NULL);
      INSERT INTO protocol_snapshot VALUES (2, runback_text_hash('id: y'), 'id: y', NULL, NULL);
      INSERT INTO programme VALUES (1, 1, 'achilles-midportion', '1.0.0', 1, '', '',
        '2026-01-05', 2, '{"baseline_cadence":"170"}', 'mon,thu', 1, '2026-01-01T00:00:00Z');
      INSERT INTO day_log VALUES (1, '2026-01-06', 'done', 2, 3, 1, 10, 0, 1, 'night-pain',
        '{"hop":"ok"}', 'fine');
      INSERT INTO clearance VALUES (1, 1, '2026-01-08', 'Dr Lee', 'ok', '2026-01-08T09:00:00Z');
      INSERT INTO runner VALUES (2, 'ben', '2026-01-01T00:00:00Z');
      INSERT INTO programme VALUES (2, 2, 'achilles-midportion', '1.0.0', 1, '', '',
        '2026-01-05', 0, '{}', '', 1, '2026-01-01T00:00:00Z');
      INSERT INTO runner VALUES (3, 'cy', '2026-01-01T00:00:00Z');
      INSERT INTO programme VALUES (3, 3, 'achilles-midportion', '1.0.1', 2, '', '',
        '2026-01-05', 0, '{}', '', 1, '2026-01-01T00:00:00Z');
      PRAGMA user_version = 2;
    )sql"},
    {3, R"sql(
      INSERT INTO runner VALUES (1, 'ana', '2026-01-01T00:00:00Z');
      INSERT INTO protocol_snapshot VALUES (1, runback_text_hash('id: x'), 'id: x', NULL, NULL);
      INSERT INTO protocol_snapshot VALUES (2, runback_text_hash('id: y'), 'id: y', NULL, NULL);
      INSERT INTO programme VALUES (1, 1, 'achilles-midportion', '1.0.0', 1, '', '',
        '2026-01-05', 2, '{"baseline_cadence":"170"}', 'mon,thu;2026-02-02=tue,fri', 1,
        '2026-01-01T00:00:00Z', 2, 15);
      INSERT INTO day_log VALUES (1, '2026-01-06', 'done', 2, 3, 1, 10, 0, 1, 'night-pain',
        '{"hop":"ok"}', 'fine');
      INSERT INTO clearance VALUES (1, 1, '2026-01-08', 'Dr Lee', 'ok', '2026-01-08T09:00:00Z');
      INSERT INTO runner VALUES (2, 'ben', '2026-01-01T00:00:00Z');
      INSERT INTO programme VALUES (2, 2, 'achilles-midportion', '1.0.0', 1, '', '',
        '2026-01-05', 0, '{}', '', 1, '2026-01-01T00:00:00Z', NULL, NULL);
      INSERT INTO runner VALUES (3, 'cy', '2026-01-01T00:00:00Z');
      INSERT INTO programme VALUES (3, 3, 'achilles-midportion', '1.0.1', 2, '', '',
        '2026-01-05', 0, '{}', '', 1, '2026-01-01T00:00:00Z', NULL, NULL);
      PRAGMA user_version = 3;
    )sql"},
    // Version 4 (protocol format 2): programme gains goal and stage_option, day_log gains
    // pain_warmup, each last.
    {4, R"sql(
      INSERT INTO runner VALUES (1, 'ana', '2026-01-01T00:00:00Z');
      INSERT INTO protocol_snapshot VALUES (1, runback_text_hash('id: x'), 'id: x', NULL, NULL);
      INSERT INTO protocol_snapshot VALUES (2, runback_text_hash('id: y'), 'id: y', NULL, NULL);
      INSERT INTO programme VALUES (1, 1, 'achilles-midportion', '1.0.0', 1, '', '',
        '2026-01-05', 2, '{"baseline_cadence":"170"}', 'mon,thu;2026-02-02=tue,fri', 1,
        '2026-01-01T00:00:00Z', 2, 15, '4023.360000 m', 'treadmill');
      INSERT INTO day_log VALUES (1, '2026-01-06', 'done', 2, 3, 1, 10, 0, 1, 'night-pain',
        '{"hop":"ok"}', 'fine', 1);
      INSERT INTO clearance VALUES (1, 1, '2026-01-08', 'Dr Lee', 'ok', '2026-01-08T09:00:00Z');
      INSERT INTO runner VALUES (2, 'ben', '2026-01-01T00:00:00Z');
      INSERT INTO programme VALUES (2, 2, 'achilles-midportion', '1.0.0', 1, '', '',
        '2026-01-05', 0, '{}', '', 1, '2026-01-01T00:00:00Z', NULL, NULL, '', '');
      INSERT INTO runner VALUES (3, 'cy', '2026-01-01T00:00:00Z');
      INSERT INTO programme VALUES (3, 3, 'achilles-midportion', '1.0.1', 2, '', '',
        '2026-01-05', 0, '{}', '', 1, '2026-01-01T00:00:00Z', NULL, NULL, '', '');
      PRAGMA user_version = 4;
    )sql"},
    // Version 5: programme gains the plugin library's digest and path, last.
    {5, R"sql(
      INSERT INTO runner VALUES (1, 'ana', '2026-01-01T00:00:00Z');
      INSERT INTO protocol_snapshot VALUES (1, runback_text_hash('id: x'), 'id: x', NULL, NULL);
      INSERT INTO protocol_snapshot VALUES (2, runback_text_hash('id: y'), 'id: y', NULL, NULL);
      INSERT INTO programme VALUES (1, 1, 'achilles-midportion', '1.0.0', 1, 'knee', '1.0.0',
        '2026-01-05', 2, '{"baseline_cadence":"170"}', 'mon,thu;2026-02-02=tue,fri', 1,
        '2026-01-01T00:00:00Z', 2, 15, '4023.360000 m', 'treadmill', '0123456789abcdef',
        '/opt/plugins/knee.so');
      INSERT INTO day_log VALUES (1, '2026-01-06', 'done', 2, 3, 1, 10, 0, 1, 'night-pain',
        '{"hop":"ok"}', 'fine', 1);
      INSERT INTO clearance VALUES (1, 1, '2026-01-08', 'Dr Lee', 'ok', '2026-01-08T09:00:00Z');
      INSERT INTO runner VALUES (2, 'ben', '2026-01-01T00:00:00Z');
      INSERT INTO programme VALUES (2, 2, 'achilles-midportion', '1.0.0', 1, '', '',
        '2026-01-05', 0, '{}', '', 1, '2026-01-01T00:00:00Z', NULL, NULL, '', '', '', '');
      INSERT INTO runner VALUES (3, 'cy', '2026-01-01T00:00:00Z');
      INSERT INTO programme VALUES (3, 3, 'achilles-midportion', '1.0.1', 2, '', '',
        '2026-01-05', 0, '{}', '', 1, '2026-01-01T00:00:00Z', NULL, NULL, '', '', '', '');
      PRAGMA user_version = 5;
    )sql"},
};

}  // namespace

TEST_CASE("the migration list is numbered 1, 2, 3... and ends at the current version",
          "[store][schema]") {
  int expected = 1;
  for (const auto& step : schema_migrations()) CHECK(step.to_version == expected++);
  CHECK(current_schema_version() == expected - 1);
  CHECK(kOldSchemas.back().version == current_schema_version());
}

TEST_CASE("every earlier schema migrates to the current one and keeps its data",
          "[store][schema]") {
  for (const auto& old : kOldSchemas) {
    DYNAMIC_SECTION("from version " << old.version) {
      TempDir dir;
      const std::string path = dir.file("old.db");
      {
        auto db = Database::open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, 100);
        REQUIRE(db.ok());
        for (const auto& step : schema_migrations()) {
          if (step.to_version <= old.version) REQUIRE(db->exec(step.sql).ok());
        }
        REQUIRE(db->exec(old.data).ok());
      }
      auto store = Store::open(path, OpenMode::existing_only);
      if (old.version == 0) {
        // An empty file holds no records: reading it must not turn it into a database.
        REQUIRE_FALSE(store.ok());
        store = Store::open(path, OpenMode::create_if_missing);
      }
      REQUIRE(store.ok());
      auto version = schema_version(StoreAccess::database(*store));
      REQUIRE(version.ok());
      CHECK(*version == current_schema_version());
      if (old.version >= 1) {
        auto records = store->records_for("ana");
        REQUIRE(records.ok());
        CHECK(records->programme.starting_stage == 2);
        CHECK(records->programme.protocol_snapshot == "id: x");
        // Equal snapshots are stored once and shared; a different one has its own row.
        auto ben = store->records_for("ben");
        auto cy = store->records_for("cy");
        REQUIRE(ben.ok());
        REQUIRE(cy.ok());
        CHECK(ben->programme.snapshot_id == records->programme.snapshot_id);
        CHECK(cy->programme.protocol_snapshot == "id: y");
        CHECK(cy->programme.snapshot_id != records->programme.snapshot_id);
        auto count = Statement::prepare(StoreAccess::database(*store),
                                        "SELECT count(*) FROM protocol_snapshot");
        REQUIRE(count.ok());
        REQUIRE(*count->step());
        CHECK(count->column_int(0) == 2);
        CHECK(records->programme.params.at("baseline_cadence") == "170");
        CHECK(records->programme.run_days ==
              std::vector<std::chrono::weekday>{std::chrono::Monday, std::chrono::Thursday});
        // Programmes started before runback asked have no usual values; later ones keep theirs.
        CHECK(ben->programme.usual_pain == std::nullopt);
        if (old.version >= 3) {
          CHECK(records->programme.usual_pain == 2);
          CHECK(records->programme.usual_stiffness_minutes == 15);
          REQUIRE(records->programme.run_days_changes.size() == 1);
          CHECK(records->programme.run_days_changes[0].from == make_date(2026, 2, 2));
          CHECK(records->programme.run_days_changes[0].days ==
                std::vector<std::chrono::weekday>{std::chrono::Tuesday, std::chrono::Friday});
        }
        // Format 2's choices at start: none before version 4 (the protocol's defaults).
        CHECK_FALSE(ben->programme.goal);
        CHECK(ben->programme.option.empty());
        if (old.version >= 4) {
          REQUIRE(records->programme.goal);
          CHECK(records->programme.goal->value == Approx(4023.36));
          CHECK(records->programme.option == "treadmill");
        }
        // The plugin's library came with version 5: earlier programmes have none recorded
        // (only the version is checked for them, extension/programme_plugin.hpp).
        CHECK(records->programme.plugin_digest == (old.version >= 5 ? "0123456789abcdef" : ""));
        CHECK(records->programme.plugin_path == (old.version >= 5 ? "/opt/plugins/knee.so" : ""));
        CHECK(ben->programme.plugin_digest.empty());
        REQUIRE(records->logs.size() == 1);
        CHECK(records->logs[0].pain_after == 3);
        CHECK(records->logs[0].limp);
        CHECK(records->logs[0].red_flags == std::vector<std::string>{"night-pain"});
        CHECK(records->logs[0].answers.at("hop") == "ok");
        // The warm-up pain came with version 4; earlier logs have none.
        CHECK(records->logs[0].pain_warmup ==
              (old.version >= 4 ? std::optional<int>(1) : std::nullopt));
        REQUIRE(records->clearances.size() == 1);
        CHECK(records->clearances[0].by == "Dr Lee");
      }
      // Opening again is a no-op.
      store = Store::open(path, OpenMode::create_if_missing);
      REQUIRE(store.ok());
    }
  }
}

TEST_CASE("a database from a newer runback is refused, not changed", "[store][schema]") {
  TempDir dir;
  const std::string path = dir.file("new.db");
  {
    auto db = Database::open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, 100);
    REQUIRE(db.ok());
    REQUIRE(db->exec("CREATE TABLE future (x); PRAGMA user_version = 99").ok());
  }
  auto store = Store::open(path, OpenMode::create_if_missing);
  REQUIRE_FALSE(store.ok());
  CHECK(store.error_kind() == ErrorKind::io);
  CHECK(store.error().find("newer runback") != std::string::npos);
  auto db = Database::open(path, SQLITE_OPEN_READWRITE, 100);
  REQUIRE(db.ok());
  CHECK(*schema_version(*db) == 99);
}

TEST_CASE("a new database uses WAL, synchronous=FULL and foreign keys", "[store][schema]") {
  TempDir dir;
  Store store = runback::testing::open_test_store(dir.file("r.db"));
  auto mode = Statement::prepare(StoreAccess::database(store), "PRAGMA journal_mode");
  REQUIRE(mode.ok());
  REQUIRE(*mode->step());
  CHECK(mode->column_text(0) == "wal");
  auto sync = Statement::prepare(StoreAccess::database(store), "PRAGMA synchronous");
  REQUIRE(sync.ok());
  REQUIRE(*sync->step());
  CHECK(sync->column_int(0) == 2);  // FULL
  auto keys = Statement::prepare(StoreAccess::database(store), "PRAGMA foreign_keys");
  REQUIRE(keys.ok());
  REQUIRE(*keys->step());
  CHECK(keys->column_int(0) == 1);
  CHECK_FALSE(StoreAccess::database(store)
                  .exec("INSERT INTO day_log (runner_id, date) VALUES (42, '2026-01-01')")
                  .ok());
}
