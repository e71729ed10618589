// Where the records live and opening them: the path from --db or the environment, the
// connection's settings, and the schema brought up to date.

#include <filesystem>

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

Result<Store> Store::open(const std::string& path, OpenMode mode, OpenFailure* failure) {
  OpenFailure ignored;
  OpenFailure& why = failure ? *failure : ignored;
  why = OpenFailure::other;
  std::error_code ec;
  const std::filesystem::path file(path);
  if (std::filesystem::is_directory(file, ec)) {
    why = OpenFailure::not_a_database;
    return Error{path + " is a folder, not a records database. Give a file path with --db"};
  }
  const bool exists = std::filesystem::exists(file, ec);
  if (mode == OpenMode::existing_only && !exists) {
    why = OpenFailure::no_records;
    return Error{kNoRecords};
  }
  if (!exists && file.has_parent_path()) {
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec) {
      return Error{"cannot create the folder " + file.parent_path().string() +
                   " for the records database: " + ec.message()};
    }
  }
  const int flags =
      SQLITE_OPEN_READWRITE | (mode == OpenMode::create_if_missing ? SQLITE_OPEN_CREATE : 0);
  auto db = Database::open(path, flags, kBusyTimeoutMs);
  if (!db) return Error{db.error()};

  auto classify = [&](const std::string& message) {
    const int code = db->last_error_code() & 0xff;
    if (code == SQLITE_NOTADB) why = OpenFailure::not_a_database;
    return Error{message};
  };
  // FULL: a confirmed log survives a power cut, not only a crash (WAL's default may be NORMAL).
  if (auto done = db->exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL"); !done) {
    return classify(done.error());
  }
  auto version = schema_version(*db);
  if (!version) return classify(version.error());
  if (*version > current_schema_version()) {
    why = OpenFailure::newer_schema;
    return Error{migrate(*db).error()};
  }
  if (mode == OpenMode::existing_only && *version == 0) {
    why = OpenFailure::no_records;
    return Error{kNoRecords};
  }
  if (*version < current_schema_version()) {
    // WAL lets the planner read while a log is being written. The mode is stored in the file,
    // so it is set once, when the database is created or first migrated.
    if (auto done = db->exec("PRAGMA journal_mode = WAL"); !done) return classify(done.error());
    if (auto done = migrate(*db); !done) return classify(done.error());
  }
  why = OpenFailure::none;
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
