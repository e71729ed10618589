#include "store/schema.hpp"

#include <string>

#include "store/statement.hpp"
#include "store/transaction.hpp"

namespace runback {

namespace {

// Version 1. Dates are ISO text (YYYY-MM-DD) so the file reads plainly in `sqlite3 .dump`; their
// CHECKs are cheap on purpose (a GLOB per row cost 10% of a large import), runback validates.
// In day_log, NULL means "not logged", never "no": the next-morning score often comes a day
// after the rest of the log.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE runner (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  created_at TEXT NOT NULL
);
CREATE TABLE programme (
  id INTEGER PRIMARY KEY,
  runner_id INTEGER NOT NULL REFERENCES runner(id),
  protocol_id TEXT NOT NULL,
  protocol_version TEXT NOT NULL,
  protocol_snapshot TEXT NOT NULL,
  plugin_name TEXT NOT NULL DEFAULT '',
  plugin_version TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL CHECK (length(start_date) = 10 AND start_date BETWEEN '0' AND '9999-12-31'),
  starting_stage INTEGER NOT NULL CHECK (starting_stage >= 0),
  params TEXT NOT NULL DEFAULT '{}',
  run_days TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
);
CREATE INDEX programme_by_runner ON programme(runner_id);
CREATE UNIQUE INDEX programme_one_active ON programme(runner_id) WHERE active = 1;
CREATE TABLE day_log (
  runner_id INTEGER NOT NULL REFERENCES runner(id),
  date TEXT NOT NULL CHECK (length(date) = 10 AND date BETWEEN '0' AND '9999-12-31'),
  session TEXT CHECK (session IN ('done', 'partial', 'skipped')),
  pain_during INTEGER CHECK (pain_during BETWEEN 0 AND 10),
  pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),
  pain_next_morning INTEGER CHECK (pain_next_morning BETWEEN 0 AND 10),
  stiffness_minutes INTEGER CHECK (stiffness_minutes BETWEEN 0 AND 1440),
  swelling INTEGER CHECK (swelling IN (0, 1)),
  limp INTEGER CHECK (limp IN (0, 1)),
  red_flags TEXT NOT NULL DEFAULT '',
  answers TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (runner_id, date)
) WITHOUT ROWID;
CREATE TABLE clearance (
  id INTEGER PRIMARY KEY,
  runner_id INTEGER NOT NULL REFERENCES runner(id),
  date TEXT NOT NULL CHECK (length(date) = 10 AND date BETWEEN '0' AND '9999-12-31'),
  cleared_by TEXT NOT NULL CHECK (length(cleared_by) > 0),
  note TEXT NOT NULL DEFAULT '',
  recorded_at TEXT NOT NULL
);
CREATE INDEX clearance_by_runner ON clearance(runner_id, date);
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  runner_id INTEGER NOT NULL REFERENCES runner(id),
  subject TEXT NOT NULL CHECK (subject IN ('log', 'programme')),
  date TEXT,
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  changed_at TEXT NOT NULL
);
)sql";

// Version 2. Each distinct protocol snapshot is stored once (programmes refer to it), with room
// for a compiled form the planner reads instead of parsing YAML. The hash finds a text quickly;
// equal hashes are confirmed by comparing texts. programme is rebuilt without its text column.
constexpr const char* kVersion2 = R"sql(
CREATE TABLE protocol_snapshot (
  id INTEGER PRIMARY KEY,
  hash INTEGER NOT NULL,
  text TEXT NOT NULL,
  compiled BLOB,
  compiled_format INTEGER
);
CREATE INDEX protocol_snapshot_by_hash ON protocol_snapshot(hash);
INSERT INTO protocol_snapshot (hash, text)
  SELECT runback_text_hash(protocol_snapshot), protocol_snapshot FROM programme
  GROUP BY protocol_snapshot ORDER BY min(id);
CREATE TABLE programme_v2 (
  id INTEGER PRIMARY KEY,
  runner_id INTEGER NOT NULL REFERENCES runner(id),
  protocol_id TEXT NOT NULL,
  protocol_version TEXT NOT NULL,
  snapshot_id INTEGER NOT NULL REFERENCES protocol_snapshot(id),
  plugin_name TEXT NOT NULL DEFAULT '',
  plugin_version TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL CHECK (length(start_date) = 10 AND start_date BETWEEN '0' AND '9999-12-31'),
  starting_stage INTEGER NOT NULL CHECK (starting_stage >= 0),
  params TEXT NOT NULL DEFAULT '{}',
  run_days TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
);
INSERT INTO programme_v2
  SELECT p.id, p.runner_id, p.protocol_id, p.protocol_version, s.id, p.plugin_name,
         p.plugin_version, p.start_date, p.starting_stage, p.params, p.run_days, p.active,
         p.created_at
  FROM programme p JOIN protocol_snapshot s
    ON s.hash = runback_text_hash(p.protocol_snapshot) AND s.text = p.protocol_snapshot;
DROP TABLE programme;
ALTER TABLE programme_v2 RENAME TO programme;
CREATE INDEX programme_by_runner ON programme(runner_id);
CREATE UNIQUE INDEX programme_one_active ON programme(runner_id) WHERE active = 1;
CREATE INDEX programme_by_snapshot ON programme(snapshot_id);
)sql";

// Version 3. The runner's usual pain and morning stiffness before starting: the baseline a rise
// is measured from until the first next-morning value (NULL: started before runback asked).
// run_days may now hold later changes too ("mon,wed,fri;2026-12-07=tue,thu,sat").
constexpr const char* kVersion3 = R"sql(
ALTER TABLE programme ADD COLUMN usual_pain INTEGER CHECK (usual_pain BETWEEN 0 AND 10);
ALTER TABLE programme ADD COLUMN usual_stiffness_minutes INTEGER
  CHECK (usual_stiffness_minutes BETWEEN 0 AND 1440);
)sql";

// Version 4 (protocol format 2). The runner's goal ("3218.688 m", "1800 s"; '': the protocol's
// default) and the stage option they chose ('': the first) at `runback start`; pain in the
// warm-up (`pain.warmup`), asked only when the runner's protocol uses it, so NULL for everyone
// else.
constexpr const char* kVersion4 = R"sql(
ALTER TABLE programme ADD COLUMN goal TEXT NOT NULL DEFAULT '';
ALTER TABLE programme ADD COLUMN stage_option TEXT NOT NULL DEFAULT '';
ALTER TABLE day_log ADD COLUMN pain_warmup INTEGER CHECK (pain_warmup BETWEEN 0 AND 10);
)sql";

// Version 5. Which plugin library a programme started with (or was last upgraded to): a digest
// of its bytes and where it was, beside the name and version recorded since version 1. Empty
// for programmes started earlier: their library was never seen, so only the version is
// checked until `runback program upgrade` records the library found then.
constexpr const char* kVersion5 = R"sql(
ALTER TABLE programme ADD COLUMN plugin_digest TEXT NOT NULL DEFAULT '';
ALTER TABLE programme ADD COLUMN plugin_path TEXT NOT NULL DEFAULT '';
)sql";

}  // namespace

const std::vector<Migration>& schema_migrations() {
  static const std::vector<Migration> steps = {
      {1, kVersion1}, {2, kVersion2}, {3, kVersion3}, {4, kVersion4}, {5, kVersion5},
  };
  return steps;
}

int current_schema_version() {
  return schema_migrations().back().to_version;
}

Result<int> schema_version(Database& db) {
  auto statement = Statement::prepare(db, "PRAGMA user_version");
  if (!statement) return Error{statement.error()};
  auto row = statement->step();
  if (!row) return Error{row.error()};
  return int(statement->column_int(0));
}

namespace {
Error newer_schema_error(const Database& db, int version) {
  return Error{db.path() + " was written by a newer runback (records schema " +
               std::to_string(version) + "; this runback knows up to " +
               std::to_string(current_schema_version()) +
               "). Update runback; it will not change a schema it does not know"};
}
}  // namespace

Status migrate(Database& db) {
  auto version = schema_version(db);
  if (!version) return Error{version.error()};
  if (*version == current_schema_version()) return ok_status();
  if (*version > current_schema_version()) return newer_schema_error(db, *version);

  auto transaction = Transaction::begin(db);
  if (!transaction) return Error{transaction.error()};
  // Another process may have migrated while this one waited for the lock.
  version = schema_version(db);
  if (!version) return Error{version.error()};
  if (*version > current_schema_version()) return newer_schema_error(db, *version);
  for (const Migration& step : schema_migrations()) {
    if (step.to_version <= *version) continue;
    if (auto done = db.exec(step.sql); !done) return done;
    // user_version takes no bound parameter; the value is our own integer.
    const std::string set_version = "PRAGMA user_version = " + std::to_string(step.to_version);
    if (auto done = db.exec(set_version.c_str()); !done) return done;
  }
  return transaction->commit();
}

}  // namespace runback
