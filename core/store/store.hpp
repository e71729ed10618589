#pragma once
// The runner's records in SQLite. Every write is one BEGIN IMMEDIATE transaction, so a command
// either records everything it was asked to or nothing; a second process waits for the lock
// rather than failing. Reads for many runners use one query per table.
//
// This header, and those it includes from store/, are all that the rest of runback sees of the
// store: SQLite itself stays behind it (the connection is held by pointer, never handed out).
// Each part is defined in a file of its own, named beside it below.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "io/environment.hpp"
#include "records/records.hpp"
#include "store/audit_entry.hpp"
#include "store/log_merge.hpp"
#include "store/log_row.hpp"
#include "store/programme_text.hpp"
#include "store/stored_snapshot.hpp"
#include "util/result.hpp"

namespace runback {

class Database;  // store/database.hpp, private to the store

enum class OpenMode {
  existing_only,      // never creates a database (a missing file is "no records yet");
                      // for commands that read, or add to records that must already exist
  create_if_missing,  // creates the file (and its folder)
};
// Either way, an older schema is brought up to date and the connection may write.

// The database path: --db, else $RUNBACK_DB, else $XDG_DATA_HOME/runback/runback.db (with the
// XDG fallback $HOME/.local/share). An error when none of them is available.
Result<std::string> resolve_db_path(const Environment& env, const std::string& flag);

struct LogOutcome {
  std::vector<LogConflict> conflicts;  // when not empty, nothing was written
  std::vector<AuditEntry> replaced;    // values replaced (with `replace`)
  std::vector<LogConflict> unchanged;  // values logged again as they were
};

// What Store::withdraw_log did. When `logged` is empty or `not_logged` is not, nothing changed.
struct WithdrawOutcome {
  std::optional<LogRow> logged;         // the day's log before (none: nothing logged that day)
  std::vector<std::string> not_logged;  // fields asked for that hold no value that day
  std::vector<AuditEntry> withdrawn;    // each value removed, as the audit table now holds it
  std::optional<LogRow> remaining;      // what is left; none when the day's row was deleted
};

// A caseload line: who, on what, and when they last logged. The programme comes without its
// snapshot's text (snapshot_id says which).
struct RunnerSummary {
  Runner runner;
  std::optional<Programme> programme;
  std::optional<Date> last_log;
  int log_count = 0;
};

class Store {
 public:
  static constexpr int kBusyTimeoutMs = 5000;

  // --- Opening (store/open.cpp)
  // Why it failed is the error's kind: not_found when there are no records yet (no file, or one
  // with no schema, with existing_only), bad_input when the path is a folder or a file that is
  // not a database, io otherwise (a folder that cannot be made, a schema from a newer runback,
  // a disk or lock that fails).
  static Result<Store> open(const std::string& path, OpenMode mode);

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  ~Store();
  const std::string& path() const;
  // The clock whose time is written into created_at/changed_at: the system's unless another is
  // given here (tests fix it). It must outlive the store.
  void use_clock(const Clock& clock) { clock_ = &clock; }

  // --- Runners (store/runners.cpp)
  Result<std::vector<Runner>> runners();
  Result<std::optional<Runner>> find_runner(const std::string& name);
  // The named runner, or the only one when `name` is empty. The errors say what to do
  // ("no runner named 'bem' (did you mean 'ben'?)", "choose one with --runner").
  Result<Runner> resolve_runner(const std::string& name_or_empty);
  Result<std::vector<RunnerSummary>> caseload();
  // Every runner with an active programme, by name. For a caller that shares a caseload out
  // between threads, each reading its part with for_each_active_records on a Store of its own.
  Result<std::vector<Runner>> runners_with_active_programme();

  // --- Reading records for the planner (store/caseload.cpp)
  Result<RunnerRecords> records_for(const std::string& runner_name_or_empty);
  // Every runner with an active programme, by name, one runner at a time, so a caseload never
  // sits in memory whole. Programmes come without their snapshot's text (snapshot_id says
  // which; `snapshot` reads it, once per snapshot).
  Status for_each_active_records(const std::function<void(RunnerRecords&&)>& visit);
  // The same, all at once.
  Result<std::vector<RunnerRecords>> all_records();
  // The records of those of `runners` who still have an active programme, in the order given,
  // read in one transaction: one consistent state of the database for the whole span.
  Status for_each_active_records(std::span<const Runner> runners,
                                 const std::function<void(RunnerRecords&&)>& visit);

  // --- Programmes (store/programmes.cpp, store/run_days.cpp)
  Result<std::optional<Programme>> active_programme(std::int64_t runner_id);
  // Every programme of the runner, oldest first (inactive ones are history).
  Result<std::vector<Programme>> programmes(std::int64_t runner_id);
  // Creates the runner when new. With `replace_active`, an active programme is kept as history
  // (inactive); without it, a runner who already follows a programme is an error.
  Result<Programme> start_programme(const std::string& runner_name, Programme programme,
                                    bool replace_active);
  // Switches the active programme to a newer protocol text (or the same) and the plugin library
  // found now, auditing what changed. The starting stage (0-based) is given again: stages may
  // have moved in the new text.
  Status upgrade_programme(std::int64_t runner_id, const std::string& protocol_version,
                           const std::string& protocol_snapshot, const PluginIdentity& plugin,
                           int starting_stage);
  // The runner's run days from `from` on (changes on or after that day are replaced); the old
  // schedule is kept in the audit trail. Returns the programme as changed.
  Result<Programme> change_run_days(std::int64_t runner_id, Date from,
                                    const std::vector<std::chrono::weekday>& days);

  // --- Protocol snapshots (store/programmes.cpp; the storage in store/snapshots.cpp)
  // The stored snapshot `snapshot_id`, with its compiled form when one of `compiled_format` is
  // stored. `with_text` false leaves the text out when that compiled form is there.
  Result<StoredSnapshot> snapshot(std::int64_t snapshot_id, std::uint32_t compiled_format,
                                  bool with_text);
  // Stores a compiled form of a protocol snapshot, without waiting for a busy database; a
  // failure (busy, read-only) changes nothing and may be ignored: the text stays the truth.
  Status cache_compiled_snapshot(std::int64_t snapshot_id, std::uint32_t format,
                                 std::string_view compiled);

  // --- Day logs (store/logs.cpp, store/withdraw.cpp; the merge rules in store/log_merge.hpp)
  Result<std::optional<LogRow>> log_for(std::int64_t runner_id, Date date);
  // Rows of one runner (or of everyone when runner_id is 0), by runner name then date.
  Status for_each_log(std::int64_t runner_id, std::optional<Date> from, std::optional<Date> to,
                      const std::function<void(const std::string& runner, const LogRow&)>& visit);
  // Records each row's values. A value already recorded for that date may change only with
  // `replace` (the old value goes to the audit table); otherwise nothing is written and the
  // conflicts are returned. Red flags add to those already logged.
  Result<LogOutcome> record_logs(std::int64_t runner_id, const std::vector<LogRow>& rows,
                                 bool replace);
  // Removes values logged for `date`, each kept in the audit table as `record_logs` keeps a
  // replaced one (the new value null); the row goes when nothing is left in it. `fields` are
  // stored names: "session", "pain_during", "pain_after", "pain_next_morning",
  // "stiffness_minutes", "swelling", "limp", "red_flags" (all of the day's), "answers.KEY",
  // "note"; none: the whole day. Nothing is changed unless every field asked for holds a value.
  Result<WithdrawOutcome> withdraw_log(std::int64_t runner_id, Date date,
                                       const std::vector<std::string>& fields);

  // --- Clearances (store/clearances.cpp)
  Result<std::vector<Clearance>> clearances(std::int64_t runner_id, std::optional<Date> from,
                                            std::optional<Date> to);
  Status record_clearance(std::int64_t runner_id, const Clearance& clearance);

  // --- The audit trail (store/audit.cpp)
  Result<std::vector<AuditEntry>> audit(std::int64_t runner_id);

 private:
  friend class StoreAccess;  // store/store_access.hpp: the store's own files and tests

  explicit Store(std::unique_ptr<Database> db);
  // The time now, as written into created_at/changed_at.
  std::string now() const { return clock_->utc_timestamp(); }

  std::unique_ptr<Database> db_;
  const Clock* clock_;
};

}  // namespace runback
