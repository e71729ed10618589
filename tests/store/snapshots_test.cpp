#include "store/snapshots.hpp"

#include <catch2/catch.hpp>

#include "store/statement.hpp"
#include "store/store.hpp"
#include "store/store_access.hpp"
#include "store_fixture.hpp"
#include "util/text_hash.hpp"

using namespace runback;
using runback::testing::open_test_store;
using runback::testing::sample_programme;
using runback::testing::TempDir;

namespace {

std::int64_t snapshot_rows(Store& store) {
  auto count =
      Statement::prepare(StoreAccess::database(store), "SELECT count(*) FROM protocol_snapshot");
  REQUIRE(count.ok());
  REQUIRE(*count->step());
  return count->column_int(0);
}

}  // namespace

TEST_CASE("programmes with the same protocol text share one stored snapshot", "[store][snapshot]") {
  TempDir dir;
  Store store = open_test_store(dir.file("r.db"));
  auto ana = store.start_programme("ana", sample_programme(), false);
  auto ben = store.start_programme("ben", sample_programme(), false);
  auto cy = store.start_programme("cy", sample_programme("patellofemoral"), false);
  REQUIRE(ana.ok());
  REQUIRE(ben.ok());
  REQUIRE(cy.ok());
  CHECK(ana->snapshot_id == ben->snapshot_id);
  CHECK(cy->snapshot_id != ana->snapshot_id);
  CHECK(snapshot_rows(store) == 2);

  auto records = store.records_for("ben");
  REQUIRE(records.ok());
  CHECK(records->programme.snapshot_id == ana->snapshot_id);
  CHECK(records->programme.protocol_snapshot == sample_programme().protocol_snapshot);
}

TEST_CASE("texts with the same hash stay apart", "[store][snapshot]") {
  TempDir dir;
  Store store = open_test_store(dir.file("r.db"));
  Database& db = StoreAccess::database(store);
  REQUIRE(db.exec("BEGIN").ok());
  auto first = intern_snapshot(db, "id: one");
  REQUIRE(first.ok());
  // Make a stored text share the hash of another, as a collision would.
  auto collide = Statement::prepare(db, "UPDATE protocol_snapshot SET hash = ?1 WHERE id = ?2");
  REQUIRE(collide.ok());
  REQUIRE(collide->bind(1, std::int64_t(text_hash("id: two"))).bind(2, *first).run().ok());
  auto second = intern_snapshot(db, "id: two");
  auto again = intern_snapshot(db, "id: two");
  REQUIRE(db.exec("COMMIT").ok());
  REQUIRE(second.ok());
  REQUIRE(again.ok());
  CHECK(*second != *first);
  CHECK(*again == *second);
  CHECK(load_snapshot(db, *second, 1)->text == "id: two");
}

TEST_CASE("a compiled form is given only in the format asked for", "[store][snapshot]") {
  TempDir dir;
  Store store = open_test_store(dir.file("r.db"));
  auto ana = store.start_programme("ana", sample_programme(), false);
  REQUIRE(ana.ok());
  const std::int64_t id = ana->snapshot_id;

  auto fresh = store.snapshot(id, 7, false);
  REQUIRE(fresh.ok());
  CHECK_FALSE(fresh->compiled);
  CHECK(fresh->text == sample_programme().protocol_snapshot);  // needed: nothing compiled

  const std::string bytes("\0\1compiled\xff", 11);
  REQUIRE(store.cache_compiled_snapshot(id, 7, bytes).ok());
  auto cached = store.snapshot(id, 7, false);
  REQUIRE(cached.ok());
  REQUIRE(cached->compiled);
  CHECK(*cached->compiled == bytes);
  CHECK(cached->text.empty());  // not asked for
  CHECK(store.snapshot(id, 7, true)->text == sample_programme().protocol_snapshot);

  auto other_format = store.snapshot(id, 8, false);
  REQUIRE(other_format.ok());
  CHECK_FALSE(other_format->compiled);
  CHECK(other_format->text == sample_programme().protocol_snapshot);

  CHECK_FALSE(store.snapshot(id + 100, 7, true).ok());
}

TEST_CASE("caching a compiled snapshot does not wait for a busy database", "[store][snapshot]") {
  TempDir dir;
  const std::string path = dir.file("r.db");
  Store store = open_test_store(path);
  auto ana = store.start_programme("ana", sample_programme(), false);
  REQUIRE(ana.ok());
  Store writer = open_test_store(path);
  REQUIRE(StoreAccess::database(writer).exec("BEGIN IMMEDIATE").ok());
  CHECK_FALSE(store.cache_compiled_snapshot(ana->snapshot_id, 1, "x").ok());
  REQUIRE(StoreAccess::database(writer).exec("ROLLBACK").ok());
  CHECK(store.cache_compiled_snapshot(ana->snapshot_id, 1, "x").ok());
}
