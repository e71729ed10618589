#include <catch2/catch.hpp>

#include "store/database.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"
#include "support/run_process.hpp"

using namespace runback;

namespace {
Database memory_database() {
  auto db = Database::open(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, 100);
  REQUIRE(db.ok());
  REQUIRE(db->exec("CREATE TABLE t (a INTEGER, b TEXT)").ok());
  return std::move(*db);
}

std::int64_t count_rows(Database& db) {
  auto count = Statement::prepare(db, "SELECT count(*) FROM t");
  REQUIRE(count.ok());
  REQUIRE(*count->step());
  return count->column_int(0);
}
}  // namespace

TEST_CASE("Statement binds values as values, never as SQL", "[store][statement]") {
  Database db = memory_database();
  const std::string hostile = "x'); DROP TABLE t; -- \xc3\xa9\xe2\x9c\x93 \"quoted\"\nline two";
  auto insert = Statement::prepare(db, "INSERT INTO t (a, b) VALUES (?1, ?2)");
  REQUIRE(insert.ok());
  REQUIRE(insert->bind(1, 7).bind(2, hostile).run().ok());
  REQUIRE(insert->bind(1, std::optional<int>()).bind(2, std::string_view("")).run().ok());
  auto select = Statement::prepare(db, "SELECT a, b FROM t ORDER BY rowid");
  REQUIRE(select.ok());
  REQUIRE(*select->step());
  CHECK(select->column_int(0) == 7);
  CHECK(select->column_text(1) == hostile);
  REQUIRE(*select->step());
  CHECK(select->is_null(0));
  CHECK_FALSE(select->column_optional_int(0).has_value());
  CHECK_FALSE(*select->step());
}

TEST_CASE("Statement reports a bad query as a sentence", "[store][statement]") {
  Database db = memory_database();
  auto bad = Statement::prepare(db, "SELECT nope FROM t");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().find("nope") != std::string::npos);
}

TEST_CASE("Transaction rolls back unless committed", "[store][transaction]") {
  Database db = memory_database();
  {
    auto transaction = Transaction::begin(db);
    REQUIRE(transaction.ok());
    REQUIRE(db.exec("INSERT INTO t VALUES (1, 'a')").ok());
  }
  CHECK(count_rows(db) == 0);
  {
    auto transaction = Transaction::begin(db);
    REQUIRE(transaction.ok());
    REQUIRE(db.exec("INSERT INTO t VALUES (1, 'a')").ok());
    REQUIRE(transaction->commit().ok());
  }
  CHECK(count_rows(db) == 1);
}

TEST_CASE("Transaction waits for another writer, then gives up with a clear sentence",
          "[store][transaction]") {
  runback::testing::TempDir dir;
  const std::string path = dir.file("t.db");
  auto first = Database::open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, 50);
  auto second = Database::open(path, SQLITE_OPEN_READWRITE, 50);
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  REQUIRE(first->exec("PRAGMA journal_mode = WAL").ok());
  REQUIRE(first->exec("CREATE TABLE t (a INTEGER)").ok());
  auto holding = Transaction::begin(*first);
  REQUIRE(holding.ok());
  auto waiting = Transaction::begin(*second, 2);
  REQUIRE_FALSE(waiting.ok());
  CHECK(waiting.error().find("another runback") != std::string::npos);
  CHECK(waiting.error().find("locked") == std::string::npos);
  REQUIRE(holding->commit().ok());
  CHECK(Transaction::begin(*second).ok());
}

TEST_CASE("describe_sqlite_error names the file and what to do", "[store][database]") {
  CHECK(describe_sqlite_error(SQLITE_FULL, "/x/r.db", nullptr).find("disk is full") !=
        std::string::npos);
  CHECK(describe_sqlite_error(SQLITE_READONLY, "/x/r.db", nullptr).find("read-only") !=
        std::string::npos);
  CHECK(describe_sqlite_error(SQLITE_NOTADB, "/x/r.db", nullptr).find("/x/r.db is not") !=
        std::string::npos);
}
