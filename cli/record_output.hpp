#pragma once
// Shared by the record commands: opening the store with the right exit status on failure, and
// the JSON shapes of logs, clearances and programmes (docs/json.md).

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "context.hpp"
#include "store/store.hpp"

namespace runback::cli {

// Opens the database from --db / RUNBACK_DB / XDG. On failure reports it (exit 2 when the user
// pointed at something that is not a records database or there are no records yet; 1 when the
// machine failed) and returns nothing.
std::optional<Store> open_store(Context& context, OpenMode mode);

// The runner from --runner (or the only one); reports and returns nothing on failure.
std::optional<Runner> resolve_runner(Context& context, Store& store);

nlohmann::ordered_json log_row_json(const LogRow& row);
// The same object as log_row_json(row).dump(), written straight into `out` (history prints
// thousands of them).
void append_log_row_json(std::string& out, const LogRow& row);
nlohmann::ordered_json clearance_json(const Clearance& clearance);
nlohmann::ordered_json programme_json(const Programme& programme, bool with_snapshot);
nlohmann::ordered_json audit_json(const AuditEntry& entry);

// "pain during 3/10, swelling, note "..."" for tables and confirmations.
std::string describe_log(const LogRow& row);

}  // namespace runback::cli
