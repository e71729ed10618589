#pragma once
// What the runner's records hold: the programme they started and what they logged. The store
// (store/) keeps these in SQLite; the planner (plan/) reads them. Plain values, no I/O.

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "protocol/protocol.hpp"
#include "util/date.hpp"

namespace runback {

struct Runner {
  std::int64_t id = 0;
  std::string name;
};

// Run days from a date on (`runback program days`): the days that replace the earlier ones.
struct RunDaysChange {
  Date from;
  std::vector<std::chrono::weekday> days;  // empty: spread out
  bool operator==(const RunDaysChange&) const = default;
};

// A plugin library as runback found it under a name: what a programme records at `start` (and at
// `program upgrade`) so that a different library under the same name is noticed
// (extension/programme_plugin.hpp). `digest` is 16 hex digits over the library's bytes
// (plugin/library_digest.hpp), an identity check and not a security one; `path` is where it was,
// for messages only (the same library may be installed elsewhere).
struct PluginIdentity {
  std::string name;
  std::string version;
  std::string digest;
  std::string path;
  bool operator==(const PluginIdentity&) const = default;
};

struct Programme {
  std::int64_t id = 0;
  std::int64_t runner_id = 0;
  std::string protocol_id;
  std::string protocol_version;
  std::string protocol_snapshot;  // the YAML text as started: the plan follows this, not the file
                                  // (empty when read for a caseload: see snapshot_id)
  std::int64_t snapshot_id = 0;   // the stored snapshot (store/snapshots.hpp); 0: not stored
  std::string plugin_name;        // empty when the protocol names none
  std::string plugin_version;
  // The library's digest and path when recorded; empty for programmes started before runback
  // recorded them (schema 4 and older), whose library is then not checked, only the version.
  std::string plugin_digest{};
  std::string plugin_path{};
  Date start_date;
  int starting_stage = 0;                       // 0-based index into Protocol::stages
  std::map<std::string, std::string> params;    // `--param KEY=VALUE`, e.g. baseline_cadence
  std::vector<std::chrono::weekday> run_days;   // `--days mon,wed,fri`; empty: spread out
  std::vector<RunDaysChange> run_days_changes;  // later changes, ascending by date
  bool active = true;
  // The runner's usual pain (0..10) and morning stiffness (minutes) before starting, the
  // baseline a rise is measured from until a next-morning value is logged. None: not recorded
  // (programmes started before runback asked); 0 is then assumed and the plan says so.
  std::optional<int> usual_pain;
  std::optional<int> usual_stiffness_minutes;
  // Format 2: the runner's goal (`--goal 3mi`; none: the protocol's default, or it has no goal)
  // and the option they chose (`--option treadmill`; empty: the first, or it has none). The
  // plan follows personalise(protocol, goal, option) (protocol/personalise.hpp).
  std::optional<Amount> goal{};
  std::string option{};
};

// The plugin the programme recorded (empty name: its protocol names none).
PluginIdentity recorded_plugin(const Programme& programme);

// The run days in force on `date`.
const std::vector<std::chrono::weekday>& run_days_on(const Programme& programme, Date date);

// What the runner logged for one day. Values refer to the session of `date`; the next-morning
// score is the morning after `date` (it may be logged the next day, for the previous day).
// Absent values were not logged.
struct DayLog {
  Date date;
  std::optional<SessionOutcome> session;  // no value: no run logged that day
  std::optional<int> pain_warmup;         // 0..10, in the warm-up (asked when a protocol uses it)
  std::optional<int> pain_during;         // 0..10
  std::optional<int> pain_after;          // 0..10
  std::optional<int> pain_next_morning;   // 0..10
  std::optional<int> stiffness_minutes;   // morning stiffness, 0..1440
  bool swelling = false;
  bool limp = false;
  std::vector<std::string> red_flags;          // RedFlag ids
  std::map<std::string, std::string> answers;  // plugin checkpoint answers, KEY -> VALUE
  std::string note;
};

// A logged pain during or after a run means the run happened: the session is "done" unless the
// runner said otherwise. The one rule for every reader of logs (store, log command, planner).
std::optional<SessionOutcome> implied_session(const DayLog& log);

// A clinician's clearance after a red flag: running may resume from the day after.
struct Clearance {
  Date date;
  std::string by;
  std::string note;
};

struct RunnerRecords {
  Runner runner;
  Programme programme;
  std::vector<DayLog> logs;           // ascending by date, at most one per date
  std::vector<Clearance> clearances;  // ascending by date
};

}  // namespace runback
