// Statement::for_each_row: the one loop over a query's rows that the store's readers share.

#include <catch2/catch.hpp>

#include "store/database.hpp"
#include "store/statement.hpp"

using namespace runback;

namespace {

Database numbers_database() {
  auto db = Database::open(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, 100);
  REQUIRE(db.ok());
  REQUIRE(db->exec("CREATE TABLE n (value INTEGER, name TEXT);"
                   "INSERT INTO n VALUES (1, 'one'), (2, 'two'), (3, NULL)")
              .ok());
  return std::move(*db);
}

}  // namespace

TEST_CASE("for_each_row visits every row in order, then reports success", "[store][statement]") {
  Database db = numbers_database();
  auto select = Statement::prepare(db, "SELECT value, name FROM n ORDER BY value");
  REQUIRE(select.ok());
  std::vector<std::int64_t> values;
  std::vector<std::string> names;
  auto walked = select->for_each_row([&](const Statement& row) {
    values.push_back(row.column_int(0));
    names.push_back(row.is_null(1) ? "null" : row.column_text(1));
  });
  REQUIRE(walked.ok());
  CHECK(values == std::vector<std::int64_t>{1, 2, 3});
  CHECK(names == std::vector<std::string>{"one", "two", "null"});
}

TEST_CASE("for_each_row on no rows calls nothing", "[store][statement]") {
  Database db = numbers_database();
  auto select = Statement::prepare(db, "SELECT value FROM n WHERE value > ?1");
  REQUIRE(select.ok());
  select->bind(1, 10);
  int calls = 0;
  REQUIRE(select->for_each_row([&](const Statement&) { ++calls; }).ok());
  CHECK(calls == 0);
}

TEST_CASE("for_each_row stops at the visitor's first error and returns it", "[store][statement]") {
  Database db = numbers_database();
  auto select = Statement::prepare(db, "SELECT value FROM n ORDER BY value");
  REQUIRE(select.ok());
  std::vector<std::int64_t> seen;
  auto walked = select->for_each_row([&](const Statement& row) -> Status {
    seen.push_back(row.column_int(0));
    if (row.column_int(0) == 2) return Error{"two is enough"};
    return ok_status();
  });
  REQUIRE_FALSE(walked.ok());
  CHECK(walked.error() == "two is enough");
  CHECK(seen == std::vector<std::int64_t>{1, 2});
}

TEST_CASE("for_each_row returns SQLite's failure as a sentence", "[store][statement]") {
  Database db = numbers_database();
  // A runtime error, raised while stepping rather than when the statement is prepared.
  auto select = Statement::prepare(db, "SELECT abs(-9223372036854775807 - 1) FROM n");
  REQUIRE(select.ok());
  int calls = 0;
  auto walked = select->for_each_row([&](const Statement&) { ++calls; });
  REQUIRE_FALSE(walked.ok());
  CHECK(calls == 0);
  CHECK(walked.error().find("integer overflow") != std::string::npos);
}

TEST_CASE("a statement walked once can be bound and walked again after a reset",
          "[store][statement]") {
  Database db = numbers_database();
  auto select = Statement::prepare(db, "SELECT name FROM n WHERE value = ?1");
  REQUIRE(select.ok());
  std::vector<std::string> names;
  for (int value : {2, 1}) {
    select->bind(1, value);
    REQUIRE(select->for_each_row([&](const Statement& row) { names.push_back(row.column_text(0)); })
                .ok());
    select->reset();
  }
  CHECK(names == std::vector<std::string>{"two", "one"});
}
