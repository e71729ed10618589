// Private to the store: not included outside core/store.
#pragma once
// Adds many records in one transaction: all of them or, if anything fails, none. Runners are
// created as they first appear; a runner who already has records in the database is refused,
// so an import never mixes with (or silently duplicates) what is there.

#include <cstdint>
#include <string>
#include <unordered_map>

#include "store/audit_writer.hpp"
#include "store/statement.hpp"
#include "store/store.hpp"
#include "store/transaction.hpp"

namespace runback {

class Importer {
 public:
  static Result<Importer> begin(Store& store);

  // Errors describe the record (the caller knows its line).
  Status add_programme(const std::string& runner, const Programme& programme);
  Status add_log(const std::string& runner, const LogRow& row);
  Status add_clearance(const std::string& runner, const Clearance& clearance);
  // An audit entry as exported, its time of change kept.
  Status add_audit(const std::string& runner, const AuditEntry& entry);
  Status commit();
  // Whether the last failure on the connection was the machine's (a full disk, a read-only or
  // damaged file, a lock held too long) rather than a record's: an import stops at once then.
  bool machine_failed() const;

  std::size_t runners_added() const { return runner_ids_.size(); }

 private:
  Importer(Store& store, Transaction transaction, Statement find_runner, Statement insert_runner,
           Statement insert_programme, Statement insert_log, Statement insert_clearance,
           AuditWriter audit);
  Result<std::int64_t> runner_id(const std::string& name);

  Store* store_;
  Database* db_;
  Transaction transaction_;
  Statement find_runner_, insert_runner_, insert_programme_, insert_log_, insert_clearance_;
  AuditWriter audit_;
  std::unordered_map<std::string, std::int64_t> runner_ids_;
  std::string last_name_;
  std::int64_t last_id_ = 0;
  std::string now_;
};

}  // namespace runback
