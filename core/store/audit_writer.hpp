// Private to the store: not included outside core/store.
#pragma once
// Adding entries to the audit table, inside the caller's transaction. Every write that replaces,
// withdraws or changes a recorded value adds its entries through this one statement.

#include <cstdint>

#include "store/audit_entry.hpp"
#include "store/database.hpp"
#include "store/statement.hpp"
#include "util/result.hpp"

namespace runback {

class AuditWriter {
 public:
  static Result<AuditWriter> prepare(Database& db);
  // Adds `entry` for the runner `runner_id` (entry.runner is not read), its time kept.
  Status add(std::int64_t runner_id, const AuditEntry& entry);

 private:
  explicit AuditWriter(Statement insert) : insert_(std::move(insert)) {}
  Statement insert_;
};

}  // namespace runback
