#include "store/transaction.hpp"

#include <unistd.h>

#include <utility>

namespace runback {

Result<Transaction> Transaction::begin(Database& db, int attempts) {
  for (int attempt = 1;; ++attempt) {
    const int rc = sqlite3_exec(db.handle(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) {
      Transaction transaction(db);
      transaction.open_ = true;
      return transaction;
    }
    db.note_error(rc);
    const bool busy = (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
    if (!busy || attempt >= attempts) return Error{db.describe(rc)};
    // The busy handler already waited; a short pause lets a stream of other writers drain.
    usleep(useconds_t(20000 * attempt));
  }
}

Transaction::Transaction(Transaction&& other) noexcept
    : db_(other.db_), open_(std::exchange(other.open_, false)) {}

Transaction::~Transaction() {
  if (open_) sqlite3_exec(db_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

Status Transaction::commit() {
  for (int attempt = 1;; ++attempt) {
    const int rc = sqlite3_exec(db_->handle(), "COMMIT", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) {
      open_ = false;
      return ok_status();
    }
    db_->note_error(rc);
    // COMMIT can meet a reader finishing a checkpoint; it is safe to try again.
    if ((rc & 0xff) != SQLITE_BUSY || attempt >= 6) return Error{db_->describe(rc)};
    usleep(useconds_t(20000 * attempt));
  }
}

Result<ReadTransaction> ReadTransaction::begin(Database& db) {
  if (auto begun = db.exec("BEGIN"); !begun) return Error{begun.error()};
  return ReadTransaction(db);
}

ReadTransaction::ReadTransaction(ReadTransaction&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)) {}

ReadTransaction::~ReadTransaction() {
  if (db_ != nullptr) (void)db_->exec("COMMIT");  // nothing was written: nothing to lose
}

}  // namespace runback
