#include "store/statement.hpp"

#include <utility>

namespace runback {

Result<Statement> Statement::prepare(Database& db, std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db.handle(), sql.data(), int(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    db.note_error(rc);
    return Error{db.describe(rc)};
  }
  return Statement(stmt, &db);
}

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)), db_(other.db_) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    db_ = other.db_;
  }
  return *this;
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Statement& Statement::bind_static(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
  return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind(int index, std::optional<int> value) {
  if (value) return bind(index, std::int64_t{*value});
  return bind_null(index);
}

Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Result<bool> Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_->note_error(rc);
  return Error{db_->describe(rc)};
}

Status Statement::run() {
  auto stepped = step();
  reset();
  if (!stepped) return Error{stepped.error()};
  return ok_status();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::column_int(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

// The readers below look a column up once and then read its value, instead of once per
// sqlite3_column_* call: they run for every column of every log a caseload loads. SQLite calls
// this use of a column's value not thread-safe; a Statement is only ever used by one thread.
std::string_view Statement::column_view(int column) const {
  sqlite3_value* value = sqlite3_column_value(stmt_, column);
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
  if (text == nullptr) return {};
  return {text, std::size_t(sqlite3_value_bytes(value))};
}

std::string_view Statement::column_blob(int column) const {
  const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
  if (bytes == nullptr) return {};
  return {bytes, std::size_t(sqlite3_column_bytes(stmt_, column))};
}

std::string Statement::column_text(int column) const {
  return std::string(column_view(column));
}

std::optional<int> Statement::column_optional_int(int column) const {
  sqlite3_value* value = sqlite3_column_value(stmt_, column);
  if (sqlite3_value_type(value) == SQLITE_NULL) return std::nullopt;
  return int(sqlite3_value_int64(value));
}

}  // namespace runback
