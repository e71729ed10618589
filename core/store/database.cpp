#include "store/database.hpp"

#include <cerrno>
#include <utility>

#include "store/snapshots.hpp"

namespace runback {

Result<Database> Database::open(const std::string& path, int flags, int busy_timeout_ms) {
  // SQLite's memory statistics take a global mutex on every allocation; runback never reads
  // them. This must run before SQLite initialises, so it is done once, here.
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = describe_sqlite_error(rc, path, db ? sqlite3_errmsg(db) : nullptr);
    sqlite3_close(db);
    return Error{message};
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, busy_timeout_ms);
  Database database(db, path);
  if (auto registered = register_snapshot_functions(database); !registered) {
    return Error{registered.error()};
  }
  return database;
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      path_(std::move(other.path_)),
      last_code_(other.last_code_) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    sqlite3_close(db_);
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
    last_code_ = other.last_code_;
  }
  return *this;
}

Database::~Database() {
  sqlite3_close(db_);
}

Status Database::exec(const char* sql) {
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    last_code_ = rc;
    return Error{describe(rc)};
  }
  return ok_status();
}

std::string Database::describe(int code) const {
  // SQLite reports a write that the disk (or a file-size limit) refused as an I/O error; the
  // user should hear that the disk is full.
  const int system_errno = db_ ? sqlite3_system_errno(db_) : 0;
  if ((code & 0xff) == SQLITE_IOERR &&
      (system_errno == ENOSPC || system_errno == EDQUOT || system_errno == EFBIG)) {
    code = SQLITE_FULL;
  }
  return describe_sqlite_error(code, path_, db_ ? sqlite3_errmsg(db_) : nullptr);
}

std::string describe_sqlite_error(int code, const std::string& path, const char* detail) {
  const std::string where = "the records database " + path;
  switch (code & 0xff) {  // extended codes keep the primary code in the low byte
    case SQLITE_FULL:
      return "the disk is full: runback could not save to " + where +
             " (or the file reached the largest size allowed). Nothing was changed; free some "
             "space and try again";
    case SQLITE_READONLY:
      return where +
             " is read-only: runback cannot save there. Nothing was changed; check "
             "the file's and its folder's permissions, or use --db PATH";
    case SQLITE_NOTADB:
      return path +
             " is not a runback records database (it is not an SQLite file). "
             "Check --db or RUNBACK_DB";
    case SQLITE_CORRUPT:
      return where +
             " is damaged (SQLite reports corruption). Restore it from a backup or an "
             "export; runback will not write to it";
    case SQLITE_CANTOPEN:
      return "cannot open " + where + " (" + (detail ? detail : "unknown reason") +
             "). Check that the path and its folder exist and are accessible";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "another runback has been writing to " + where +
             " for too long; nothing was changed. Try again in a moment";
    case SQLITE_IOERR:
      if (code == SQLITE_IOERR_WRITE) {
        // What a file-size limit gives, and some full disks.
        return "the system refused to write to " + where +
               ": the disk may be full, or the file too large. Nothing was changed; free some "
               "space and try again";
      }
      return "the system could not read or write " + where + " (" +
             (detail ? detail : "I/O error") + "). Nothing was changed; check the disk";
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return "runback is not allowed to use " + where;
    default:
      return "the records database " + path +
             " reported an error: " + (detail ? detail : sqlite3_errstr(code));
  }
}

}  // namespace runback
