// Changing a runner's run days from a date on, without restarting the programme: the days before
// that date keep the days they were planned with, so past missed runs stay as they were.
#include "store/audit_writer.hpp"
#include "store/statement.hpp"
#include "store/store.hpp"
#include "store/transaction.hpp"

namespace runback {

Result<Programme> Store::change_run_days(std::int64_t runner_id, Date from,
                                         const std::vector<std::chrono::weekday>& days) {
  auto transaction = Transaction::begin(*db_);
  if (!transaction) return Error{transaction.error()};
  auto current = active_programme(runner_id);
  if (!current) return Error{current.error()};
  if (!*current) return Error{"there is no programme running to change"};
  Programme programme = std::move(**current);
  const std::string before = run_days_schedule_text(programme);
  if (from <= programme.start_date) {
    programme.run_days = days;
    programme.run_days_changes.clear();
  } else {
    std::erase_if(programme.run_days_changes,
                  [&](const RunDaysChange& change) { return change.from >= from; });
    programme.run_days_changes.push_back({from, days});
  }
  const std::string after = run_days_schedule_text(programme);
  if (after == before) return programme;
  auto trail = AuditWriter::prepare(*db_);
  if (!trail) return Error{trail.error()};
  const AuditEntry entry{"", "programme", from, "run_days", before, after, now()};
  if (auto done = trail->add(runner_id, entry); !done) return Error{done.error()};
  auto update = Statement::prepare(*db_, "UPDATE programme SET run_days = ?2 WHERE id = ?1");
  if (!update) return Error{update.error()};
  if (auto done = update->bind(1, programme.id).bind(2, after).run(); !done) {
    return Error{done.error()};
  }
  if (auto done = transaction->commit(); !done) return Error{done.error()};
  return programme;
}

}  // namespace runback
