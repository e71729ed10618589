#pragma once
// The records as one RFC 4180 CSV file, for backups and moving between machines. Every field
// of every programme, log and clearance goes out and comes back exactly:
//
//   record,runner,date,session,pain_during,pain_after,pain_next_morning,stiffness_minutes,
//   swelling,limp,red_flags,answers,note,cleared_by,programme,pain_warmup
//
// (pain_warmup, protocol format 2's warm-up pain, came last; a file without that column, from an
// earlier runback, imports as if it were empty.)
// `record` is log | clearance | programme | audit. Empty means "not logged". swelling/limp are
// 0|1, red_flags "id,id", answers a JSON object; for a programme `date` is its start and
// `programme` a JSON object with the rest; for an audit entry (a replaced value, an upgrade)
// `date` is the day of the change and `programme` the entry as a JSON object. docs/records.md
// describes the columns.

#include <string>
#include <string_view>
#include <vector>

#include "store/store.hpp"
#include "util/date.hpp"

namespace runback {

extern const std::vector<std::string_view> kRecordsCsvColumns;

// Writes every runner's records (or one runner's when runner_id != 0), runners by name.
Status export_records_csv(Store& store, std::int64_t runner_id, std::string& out);

struct ImportError {
  int line = 0;  // 1-based line of the file where the record starts
  std::string message;
};

struct ImportReport {
  std::vector<ImportError> errors;  // when any, nothing was added
  std::size_t runners = 0, programmes = 0, logs = 0, clearances = 0, audit_entries = 0;
};

// Adds the file's records in one transaction. Logs dated after `today` are refused. Failing
// to write (disk full) is the Error; problems in the file are ImportReport::errors.
Result<ImportReport> import_records_csv(Store& store, std::string_view text, Date today);

}  // namespace runback
