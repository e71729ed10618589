// Private to the store: not included outside core/store.
#pragma once
// Protocol snapshots: the YAML text each programme started with, stored once per distinct text
// (a caseload of ten thousand runners on four protocols holds four texts, not ten thousand), and
// beside it a compiled form the planner can read without parsing YAML. The compiled form is a
// cache: it may be missing or of an older format, and the text is always the truth.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.hpp"
#include "store/stored_snapshot.hpp"
#include "util/result.hpp"

namespace runback {

// The snapshot's id for this text, adding it when no stored snapshot has exactly this text.
// Runs inside the caller's transaction.
Result<std::int64_t> intern_snapshot(Database& db, std::string_view text);

// The snapshot with this id; `with_text` false leaves the text out when a compiled form of
// `compiled_format` is there (the text is then not needed).
Result<StoredSnapshot> load_snapshot(Database& db, std::int64_t id, std::uint32_t compiled_format,
                                     bool with_text = true);

// Stores a compiled form of a snapshot. A cache write: callers may ignore a failure (a read-only
// or busy database), and nothing else is changed.
Status save_compiled_snapshot(Database& db, std::int64_t id, std::uint32_t compiled_format,
                              std::string_view compiled);

// The SQL function runback_text_hash(TEXT) -> INTEGER, used by the schema's migrations.
Status register_snapshot_functions(Database& db);

}  // namespace runback
