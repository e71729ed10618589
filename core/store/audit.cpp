// The audit trail: every value replaced or withdrawn and every programme change, with when.

#include "store/statement.hpp"
#include "store/store.hpp"

namespace runback {

Result<std::vector<AuditEntry>> Store::audit(std::int64_t runner_id) {
  auto statement = Statement::prepare(
      db_,
      "SELECT r.name, a.subject, a.date, a.field, a.old_value, a.new_value, a.changed_at "
      "FROM audit a JOIN runner r ON r.id = a.runner_id WHERE a.runner_id = ?1 ORDER BY a.id");
  if (!statement) return Error{statement.error()};
  statement->bind(1, runner_id);
  std::vector<AuditEntry> entries;
  for (;;) {
    auto row = statement->step();
    if (!row) return Error{row.error()};
    if (!*row) break;
    AuditEntry entry;
    entry.runner = statement->column_text(0);
    entry.subject = statement->column_text(1);
    if (!statement->is_null(2)) {
      if (auto date = parse_date(statement->column_view(2))) entry.date = *date;
    }
    entry.field = statement->column_text(3);
    if (!statement->is_null(4)) entry.old_value = statement->column_text(4);
    if (!statement->is_null(5)) entry.new_value = statement->column_text(5);
    entry.changed_at = statement->column_text(6);
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace runback
