// Private to the store: not included outside core/store.
#pragma once
// One SQLite connection, owned. The store speaks to SQLite only through this, Statement and
// Transaction, so every query is a prepared statement and every failure becomes a sentence.

#include <sqlite3.h>

#include <cstdint>
#include <string>

#include "util/result.hpp"

namespace runback {

class Database {
 public:
  // `flags` are sqlite3_open_v2 flags. The connection waits `busy_timeout_ms` for a lock held
  // by another process before giving up.
  static Result<Database> open(const std::string& path, int flags, int busy_timeout_ms);

  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Runs SQL without parameters (PRAGMAs, DDL, BEGIN/COMMIT): never for user values.
  Status exec(const char* sql);
  // The code of the last failure on this connection (SQLITE_BUSY, SQLITE_FULL...).
  int last_error_code() const { return last_code_; }
  void note_error(int code) { last_code_ = code; }
  // A plain sentence for a failed SQLite call on this database.
  std::string describe(int code) const;
  // The rowid of the last row this connection inserted.
  std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
  // How long to wait for another process's lock; 0 gives up at once.
  void set_busy_timeout(int milliseconds) { sqlite3_busy_timeout(db_, milliseconds); }
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_ = nullptr;
  std::string path_;
  int last_code_ = SQLITE_OK;
};

// What an SQLite result code means for the user, naming the database file.
std::string describe_sqlite_error(int code, const std::string& path, const char* detail);

}  // namespace runback
