// Private to the store: not included outside core/store.
#pragma once
// A prepared statement, owned. Values always go in through bind(), never into the SQL text, so a
// note that reads like SQL is stored as the text it is.

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "store/database.hpp"
#include "util/result.hpp"

namespace runback {

class Statement {
 public:
  static Result<Statement> prepare(Database& db, std::string_view sql);

  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Parameters are 1-based, as in SQLite. Text is copied (SQLITE_TRANSIENT) unless bind_static
  // is used for text that outlives the next step().
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, std::int64_t{value}); }
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const std::string& text) {
    return bind(index, std::string_view(text));
  }
  Statement& bind(int index, std::optional<int> value);
  Statement& bind_null(int index);
  // The text must stay alive and unchanged until the statement is reset.
  Statement& bind_static(int index, std::string_view text);
  Statement& bind_blob(int index, std::string_view bytes);  // copied, like text

  // True while there is a row to read; false when done. A failure is an error sentence and the
  // code is kept on the Database.
  Result<bool> step();
  // Runs a statement that returns no rows (or ignores them) and resets it for reuse.
  Status run();
  void reset();
  // Steps through every row, calling `visit(const Statement&)` on each: the statement is const
  // there, so the visitor reads columns and cannot step or bind. `visit` returns nothing or a
  // Status; the first failure, SQLite's or the visitor's, ends the walk and is returned. The
  // statement is left as it is (not reset): a caller that binds again resets it.
  template <class Visit>
  Status for_each_row(Visit&& visit);

  bool is_null(int column) const;
  std::int64_t column_int(int column) const;
  std::string column_text(int column) const;
  std::string_view column_view(int column) const;  // valid until the next step()
  std::string_view column_blob(int column) const;  // valid until the next step()
  std::optional<int> column_optional_int(int column) const;

 private:
  Statement(sqlite3_stmt* stmt, Database* db) : stmt_(stmt), db_(db) {}
  sqlite3_stmt* stmt_ = nullptr;
  Database* db_ = nullptr;
};

template <class Visit>
Status Statement::for_each_row(Visit&& visit) {
  for (;;) {
    auto row = step();
    if (!row) return Error{row.error()};
    if (!*row) return ok_status();
    if constexpr (std::is_void_v<std::invoke_result_t<Visit&, const Statement&>>) {
      visit(std::as_const(*this));
    } else {
      if (Status visited = visit(std::as_const(*this)); !visited) return visited;
    }
  }
}

}  // namespace runback
