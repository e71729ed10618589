// The audit trail: every value replaced or withdrawn and every programme change, with when; added
// to by the store's writes through AuditWriter, read back per runner.

#include "store/audit_writer.hpp"
#include "store/statement.hpp"
#include "store/store.hpp"

namespace runback {

Result<AuditWriter> AuditWriter::prepare(Database& db) {
  auto insert = Statement::prepare(
      db,
      "INSERT INTO audit (runner_id, subject, date, field, old_value, new_value, changed_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!insert) return Error{insert.error()};
  return AuditWriter(std::move(*insert));
}

Status AuditWriter::add(std::int64_t runner_id, const AuditEntry& entry) {
  insert_.bind(1, runner_id).bind(2, entry.subject);
  if (entry.date) {
    insert_.bind(3, format_date(*entry.date));
  } else {
    insert_.bind_null(3);
  }
  insert_.bind(4, entry.field);
  for (auto [index, value] : {std::pair{5, &entry.old_value}, std::pair{6, &entry.new_value}}) {
    if (*value) {
      insert_.bind(index, **value);
    } else {
      insert_.bind_null(index);
    }
  }
  insert_.bind(7, entry.changed_at);
  return insert_.run();
}

Result<std::vector<AuditEntry>> Store::audit(std::int64_t runner_id) {
  auto statement = Statement::prepare(
      *db_,
      "SELECT r.name, a.subject, a.date, a.field, a.old_value, a.new_value, a.changed_at "
      "FROM audit a JOIN runner r ON r.id = a.runner_id WHERE a.runner_id = ?1 ORDER BY a.id");
  if (!statement) return Error{statement.error()};
  statement->bind(1, runner_id);
  std::vector<AuditEntry> entries;
  auto read = statement->for_each_row([&](const Statement& row) {
    AuditEntry& entry = entries.emplace_back();
    entry.runner = row.column_text(0);
    entry.subject = row.column_text(1);
    if (!row.is_null(2)) {
      if (auto date = parse_date(row.column_view(2))) entry.date = *date;
    }
    entry.field = row.column_text(3);
    if (!row.is_null(4)) entry.old_value = row.column_text(4);
    if (!row.is_null(5)) entry.new_value = row.column_text(5);
    entry.changed_at = row.column_text(6);
  });
  if (!read) return Error{read.error()};
  return entries;
}

}  // namespace runback
