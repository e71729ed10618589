#pragma once
// How a newly logged value merges with the day's stored row: pure rules, no database. A value
// already recorded may change only when the runner asks to replace it (the old value is then
// audited); otherwise the attempt is a conflict and the value stays. The same value logged again
// is neither: nothing changes, and the caller can say so (a command run twice is not a mistake).
// Red flags add to those already logged, or, with `replace`, take their place.

#include <optional>
#include <string>
#include <vector>

#include "store/audit_entry.hpp"
#include "store/log_row.hpp"
#include "util/date.hpp"

namespace runback {

// A value that was already recorded and that a log tried to set again.
struct LogConflict {
  Date date;
  std::string field;  // "pain_during", "answers.hop_test"...
  std::string recorded;
  std::string given;
};

// What logging one day gives.
struct MergedLog {
  LogRow row;                          // the day's row as it is to be stored
  std::vector<LogConflict> conflicts;  // when not empty, the row must not be stored
  std::vector<AuditEntry> replaced;    // values replaced (with `replace`), for the audit table
  std::vector<LogConflict> unchanged;  // values logged again as they were: nothing to store
};

// `change` logged over `stored` (none: nothing logged that day yet). Replaced values are audited
// as changed at `changed_at`, subject "log", with no runner name (the store knows the runner).
MergedLog merge_log(const std::optional<LogRow>& stored, const LogRow& change, bool replace,
                    const std::string& changed_at);

}  // namespace runback
