// Where the records live and opening them: the path from --db or the environment, the
// connection's settings, and the schema brought up to date.

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "store/database.hpp"
#include "store/messages.hpp"
#include "store/schema.hpp"
#include "store/store.hpp"

namespace runback {

Result<std::string> resolve_db_path(const Environment& env, const std::string& flag) {
  if (!flag.empty()) return flag;
  if (auto from_env = env.get("RUNBACK_DB")) return *from_env;
  if (auto data = env.get("XDG_DATA_HOME")) return *data + "/runback/runback.db";
  if (auto data = xdg_data_home(env)) return *data + "/runback/runback.db";
  return Error{
      "runback cannot tell where to keep your records: neither HOME nor XDG_DATA_HOME "
      "is set. Give a path with --db PATH or RUNBACK_DB"};
}

Result<Store> Store::open(const std::string& path, OpenMode mode) {
  std::error_code ec;
  const std::filesystem::path file(path);
  if (std::filesystem::is_directory(file, ec)) {
    return Error{path + " is a folder, not a records database. Give a file path with --db",
                 ErrorKind::bad_input};
  }
  const bool exists = std::filesystem::exists(file, ec);
  if (mode == OpenMode::existing_only && !exists) return Error{kNoRecords, ErrorKind::not_found};
  if (!exists && file.has_parent_path()) {
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec) {
      return Error{"cannot create the folder " + file.parent_path().string() +
                       " for the records database: " + ec.message(),
                   ErrorKind::io};
    }
  }
  const int flags =
      SQLITE_OPEN_READWRITE | (mode == OpenMode::create_if_missing ? SQLITE_OPEN_CREATE : 0);
  auto db = Database::open(path, flags, kBusyTimeoutMs);
  if (!db) return Error{db.error(), ErrorKind::io};

  // A file that is not a database is the user's mistake; anything else, the machine's.
  auto failed = [&](const std::string& message) {
    const bool not_a_database = (db->last_error_code() & 0xff) == SQLITE_NOTADB;
    return Error{message, not_a_database ? ErrorKind::bad_input : ErrorKind::io};
  };
  // FULL: a confirmed log survives a power cut, not only a crash (WAL's default may be NORMAL).
  if (auto done = db->exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL"); !done) {
    return failed(done.error());
  }
  auto version = schema_version(*db);
  if (!version) return failed(version.error());
  if (*version > current_schema_version()) return Error{migrate(*db).error(), ErrorKind::io};
  if (mode == OpenMode::existing_only && *version == 0) {
    return Error{kNoRecords, ErrorKind::not_found};
  }
  if (*version < current_schema_version()) {
    // WAL lets the planner read while a log is being written. The mode is stored in the file,
    // so it is set once, when the database is created or first migrated.
    // Two runbacks setting up the same new file at once: SQLite answers the second one's change
    // of journal mode (or its read lock that would have to become a write lock) with "busy" at
    // once, not after the busy timeout. It waits a moment and looks again, as the timeout
    // would: by then the other has set the file up, or it can.
    const auto give_up =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
    for (int attempt = 0;; ++attempt) {
      Status done = db->exec("PRAGMA journal_mode = WAL");
      if (done) done = migrate(*db);
      if (done) break;
      const int code = db->last_error_code() & 0xff;
      const bool busy = code == SQLITE_BUSY || code == SQLITE_LOCKED;
      if (!busy || std::chrono::steady_clock::now() >= give_up) return failed(done.error());
      std::this_thread::sleep_for(std::chrono::milliseconds(5 << std::min(attempt, 4)));
    }
  }
  return Store(std::make_unique<Database>(std::move(*db)));
}

Store::Store(std::unique_ptr<Database> db) : db_(std::move(db)) {
  static const SystemClock system_clock{};
  clock_ = &system_clock;
}

Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

const std::string& Store::path() const {
  return db_->path();
}

}  // namespace runback
