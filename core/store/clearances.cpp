// A clinician's clearances: recorded once, read by date range.

#include "store/statement.hpp"
#include "store/store.hpp"
#include "store/stored_rows.hpp"
#include "store/transaction.hpp"

namespace runback {

Result<std::vector<Clearance>> Store::clearances(std::int64_t runner_id, std::optional<Date> from,
                                                 std::optional<Date> to) {
  auto statement = Statement::prepare(
      *db_,
      std::string("SELECT ") + kClearanceColumns +
          " FROM clearance WHERE runner_id = ?1 AND date >= ?2 AND date <= ?3 ORDER BY date, id");
  if (!statement) return Error{statement.error()};
  statement->bind(1, runner_id);
  bind_date_range(*statement, 2, from, to);
  std::vector<Clearance> result;
  auto read = statement->for_each_row([&](const Statement& row) -> Status {
    auto clearance = read_clearance(row, 0);
    if (!clearance) return Error{clearance.error()};
    result.push_back(std::move(*clearance));
    return ok_status();
  });
  if (!read) return Error{read.error()};
  return result;
}

Status Store::record_clearance(std::int64_t runner_id, const Clearance& clearance) {
  auto transaction = Transaction::begin(*db_);
  if (!transaction) return Error{transaction.error()};
  auto insert = Statement::prepare(
      *db_,
      "INSERT INTO clearance (runner_id, date, cleared_by, note, recorded_at) VALUES (?1, ?2, "
      "?3, ?4, ?5)");
  if (!insert) return Error{insert.error()};
  insert->bind(1, runner_id)
      .bind(2, format_date(clearance.date))
      .bind(3, clearance.by)
      .bind(4, clearance.note)
      .bind(5, now());
  if (auto done = insert->run(); !done) return done;
  return transaction->commit();
}

}  // namespace runback
