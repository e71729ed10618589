// Private to the store: not included outside core/store.
#pragma once
// The JSON objects of the records CSV's `programme` column: a programme's fields beyond its start
// date, or an audit entry. Written and read back exactly; the readers' errors name the column.

#include <string>
#include <string_view>

#include "records/records.hpp"
#include "store/audit_entry.hpp"
#include "util/result.hpp"

namespace runback {

std::string programme_json(const Programme& p);
// The programme as programme_json wrote it; its start date is not in the JSON (the caller sets
// it from the `date` column).
Result<Programme> parse_programme_json(std::string_view text);

// An audit entry (a value replaced, a programme upgraded) as the `programme` column holds it.
std::string audit_json(const AuditEntry& entry);
Result<AuditEntry> parse_audit_json(std::string_view text);

}  // namespace runback
