#include "store/snapshots.hpp"

#include "store/statement.hpp"
#include "util/text_hash.hpp"

namespace runback {

namespace {

std::int64_t stored_hash(std::string_view text) {
  return static_cast<std::int64_t>(text_hash(text));
}

void sql_text_hash(sqlite3_context* context, int, sqlite3_value** values) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(values[0]));
  const int size = sqlite3_value_bytes(values[0]);
  sqlite3_result_int64(
      context, stored_hash(text ? std::string_view(text, std::size_t(size)) : std::string_view()));
}

}  // namespace

Result<std::int64_t> intern_snapshot(Database& db, std::string_view text) {
  const std::int64_t hash = stored_hash(text);
  auto find = Statement::prepare(db, "SELECT id, text FROM protocol_snapshot WHERE hash = ?1");
  if (!find) return Error{find.error()};
  find->bind(1, hash);
  // Texts that share a hash are told apart by the text itself.
  std::optional<std::int64_t> found;
  auto read = find->for_each_row([&](const Statement& row) {
    if (!found && row.column_view(1) == text) found = row.column_int(0);
  });
  if (!read) return Error{read.error()};
  if (found) return *found;
  auto insert =
      Statement::prepare(db, "INSERT INTO protocol_snapshot (hash, text) VALUES (?1, ?2)");
  if (!insert) return Error{insert.error()};
  if (auto done = insert->bind(1, hash).bind(2, text).run(); !done) return Error{done.error()};
  return db.last_insert_id();
}

Result<StoredSnapshot> load_snapshot(Database& db, std::int64_t id, std::uint32_t compiled_format,
                                     bool with_text) {
  auto select = Statement::prepare(
      db,
      "SELECT CASE WHEN ?3 OR compiled IS NULL OR compiled_format IS NOT ?2 THEN text END, "
      "CASE WHEN compiled_format IS ?2 THEN compiled END FROM protocol_snapshot WHERE id = ?1");
  if (!select) return Error{select.error()};
  select->bind(1, id).bind(2, std::int64_t{compiled_format}).bind(3, with_text ? 1 : 0);
  auto row = select->step();
  if (!row) return Error{row.error()};
  if (!*row) return Error{"the protocol snapshot " + std::to_string(id) + " is missing"};
  StoredSnapshot snapshot;
  snapshot.id = id;
  snapshot.text = select->column_text(0);
  if (!select->is_null(1)) snapshot.compiled = std::string(select->column_blob(1));
  return snapshot;
}

Status save_compiled_snapshot(Database& db, std::int64_t id, std::uint32_t compiled_format,
                              std::string_view compiled) {
  auto update = Statement::prepare(
      db, "UPDATE protocol_snapshot SET compiled = ?2, compiled_format = ?3 WHERE id = ?1");
  if (!update) return Error{update.error()};
  return update->bind(1, id).bind_blob(2, compiled).bind(3, std::int64_t{compiled_format}).run();
}

Status register_snapshot_functions(Database& db) {
  const int rc = sqlite3_create_function_v2(db.handle(), "runback_text_hash", 1,
                                            SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                            nullptr, sql_text_hash, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return Error{db.describe(rc)};
  return ok_status();
}

}  // namespace runback
