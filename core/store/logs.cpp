// The day logs: reading a day or a range, and recording new values over what is stored (the
// rules for that are in store/log_merge.cpp).

#include "protocol/describe.hpp"
#include "store/audit_writer.hpp"
#include "store/log_merge.hpp"
#include "store/statement.hpp"
#include "store/store.hpp"
#include "store/stored_rows.hpp"
#include "store/transaction.hpp"

namespace runback {

Result<std::optional<LogRow>> Store::log_for(std::int64_t runner_id, Date date) {
  auto statement = Statement::prepare(*db_, std::string("SELECT ") + kLogColumns +
                                                " FROM day_log WHERE runner_id = ?1 AND date = ?2");
  if (!statement) return Error{statement.error()};
  statement->bind(1, runner_id).bind(2, format_date(date));
  auto row = statement->step();
  if (!row) return Error{row.error()};
  if (!*row) return std::optional<LogRow>();
  auto log = read_log_row(*statement, 0);
  if (!log) return Error{log.error()};
  return std::optional<LogRow>(std::move(*log));
}

Status Store::for_each_log(
    std::int64_t runner_id, std::optional<Date> from, std::optional<Date> to,
    const std::function<void(const std::string& runner, const LogRow&)>& visit) {
  // Two queries rather than "(?1 = 0 OR runner_id = ?1)", which hides the primary key from
  // SQLite's planner and scans every runner's logs.
  const std::string select = std::string("SELECT r.name, ") + kLogColumns +
                             " FROM day_log l JOIN runner r ON r.id = l.runner_id WHERE ";
  const std::string sql =
      runner_id != 0 ? select + "l.runner_id = ?1 AND l.date >= ?2 AND l.date <= ?3 ORDER BY l.date"
                     : select + "?1 = 0 AND l.date >= ?2 AND l.date <= ?3 ORDER BY r.name, l.date";
  auto statement = Statement::prepare(*db_, sql);
  if (!statement) return Error{statement.error()};
  statement->bind(1, runner_id);
  bind_date_range(*statement, 2, from, to);
  std::string name;
  return statement->for_each_row([&](const Statement& row) -> Status {
    auto log = read_log_row(row, 1);
    if (!log) return Error{log.error()};
    const auto runner = row.column_view(0);
    if (runner != name) name = std::string(runner);
    visit(name, *log);
    return ok_status();
  });
}

Result<LogOutcome> Store::record_logs(std::int64_t runner_id, const std::vector<LogRow>& rows,
                                      bool replace) {
  auto transaction = Transaction::begin(*db_);
  if (!transaction) return Error{transaction.error()};
  const std::string now_text = now();
  LogOutcome outcome;
  std::vector<LogRow> merged_rows;
  for (const LogRow& change : rows) {
    auto existing = log_for(runner_id, change.date);
    if (!existing) return Error{existing.error()};
    MergedLog merged = merge_log(*existing, change, replace, now_text);
    outcome.conflicts.insert(outcome.conflicts.end(), merged.conflicts.begin(),
                             merged.conflicts.end());
    outcome.replaced.insert(outcome.replaced.end(), merged.replaced.begin(), merged.replaced.end());
    outcome.unchanged.insert(outcome.unchanged.end(), merged.unchanged.begin(),
                             merged.unchanged.end());
    merged_rows.push_back(std::move(merged.row));
  }
  if (!outcome.conflicts.empty()) {
    outcome.replaced.clear();
    return outcome;  // the transaction rolls back: nothing written
  }

  auto upsert = Statement::prepare(
      *db_,
      "INSERT OR REPLACE INTO day_log (runner_id, date, session, pain_during, pain_after, "
      "pain_next_morning, stiffness_minutes, swelling, limp, red_flags, answers, note, "
      "pain_warmup) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  if (!upsert) return Error{upsert.error()};
  for (const LogRow& row : merged_rows) {
    upsert->bind(1, runner_id).bind(2, format_date(row.date));
    if (row.session)
      upsert->bind(3, session_outcome_name(*row.session));
    else
      upsert->bind_null(3);
    upsert->bind(4, row.pain_during)
        .bind(5, row.pain_after)
        .bind(6, row.pain_next_morning)
        .bind(7, row.stiffness_minutes);
    if (row.swelling)
      upsert->bind(8, int(*row.swelling));
    else
      upsert->bind_null(8);
    if (row.limp)
      upsert->bind(9, int(*row.limp));
    else
      upsert->bind_null(9);
    upsert->bind(10, join_red_flags(row.red_flags))
        .bind(11, answers_to_json(row.answers))
        .bind(12, row.note.value_or(""))
        .bind(13, row.pain_warmup);
    if (auto done = upsert->run(); !done) return Error{done.error()};
  }
  auto trail = AuditWriter::prepare(*db_);
  if (!trail) return Error{trail.error()};
  for (const AuditEntry& entry : outcome.replaced) {
    if (auto done = trail->add(runner_id, entry); !done) return Error{done.error()};
  }
  if (auto done = transaction->commit(); !done) return Error{done.error()};
  return outcome;
}

}  // namespace runback
