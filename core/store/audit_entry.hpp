#pragma once
// One entry of the audit trail: a value replaced or withdrawn, or a programme changed.

#include <optional>
#include <string>

#include "util/date.hpp"

namespace runback {

struct AuditEntry {
  std::string runner;
  std::string subject;  // "log" | "programme"
  std::optional<Date> date;
  std::string field;
  std::optional<std::string> old_value;
  std::optional<std::string> new_value;
  std::string changed_at;  // UTC, "2026-11-21T07:40:00Z"
};

}  // namespace runback
