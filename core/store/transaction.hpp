// Private to the store: not included outside core/store.
#pragma once
// Transactions. A write transaction is BEGIN IMMEDIATE, so the write lock is taken up front and
// a concurrent writer waits (busy timeout, then retries) instead of failing half-way. Rolled back
// unless committed, so an early return or an error leaves the database as it was.

#include "store/database.hpp"
#include "util/result.hpp"

namespace runback {

class Transaction {
 public:
  // Waits for the write lock: the connection's busy timeout, retried `attempts` times.
  static Result<Transaction> begin(Database& db, int attempts = 6);

  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  Status commit();

 private:
  explicit Transaction(Database& db) : db_(&db) {}
  Database* db_ = nullptr;
  bool open_ = false;
};

// A read transaction: what is read until it ends comes from one state of the database.
class ReadTransaction {
 public:
  static Result<ReadTransaction> begin(Database& db);

  ReadTransaction(ReadTransaction&& other) noexcept;
  ReadTransaction& operator=(ReadTransaction&&) = delete;
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;
  ~ReadTransaction();

 private:
  explicit ReadTransaction(Database& db) : db_(&db) {}
  Database* db_ = nullptr;
};

}  // namespace runback
