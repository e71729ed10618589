#include "store/importer.hpp"

#include "protocol/describe.hpp"
#include "records/runner_name.hpp"
#include "store/snapshots.hpp"
#include "store/store_access.hpp"
#include "store/stored_rows.hpp"

namespace runback {

Importer::Importer(Store& store, Transaction transaction, Statement find_runner,
                   Statement insert_runner, Statement insert_programme, Statement insert_log,
                   Statement insert_clearance, AuditWriter audit)
    : store_(&store),
      db_(&StoreAccess::database(store)),
      transaction_(std::move(transaction)),
      find_runner_(std::move(find_runner)),
      insert_runner_(std::move(insert_runner)),
      insert_programme_(std::move(insert_programme)),
      insert_log_(std::move(insert_log)),
      insert_clearance_(std::move(insert_clearance)),
      audit_(std::move(audit)),
      now_(StoreAccess::now(store)) {}

Result<Importer> Importer::begin(Store& store) {
  Database& db = StoreAccess::database(store);
  // A large import touches many pages: a bigger cache (64 MiB) keeps them from being spilled to
  // the WAL and rewritten over and over before the commit.
  if (auto done = db.exec("PRAGMA cache_size = -65536"); !done) return Error{done.error()};
  auto transaction = Transaction::begin(db);
  if (!transaction) return Error{transaction.error()};
  auto find = Statement::prepare(db, "SELECT id FROM runner WHERE name = ?1");
  auto runner = Statement::prepare(db, "INSERT INTO runner (name, created_at) VALUES (?1, ?2)");
  auto programme = Statement::prepare(
      db,
      "INSERT INTO programme (runner_id, protocol_id, protocol_version, snapshot_id, "
      "plugin_name, plugin_version, start_date, starting_stage, params, run_days, active, "
      "created_at, usual_pain, usual_stiffness_minutes, goal, stage_option, plugin_digest, "
      "plugin_path) VALUES (?1, ?2, ?3, "
      "?4, ?5, ?6, ?7, ?8, "
      "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
  auto log = Statement::prepare(
      db,
      "INSERT INTO day_log (runner_id, date, session, pain_during, pain_after, "
      "pain_next_morning, stiffness_minutes, swelling, limp, red_flags, answers, note, "
      "pain_warmup) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  auto clearance = Statement::prepare(
      db,
      "INSERT INTO clearance (runner_id, date, cleared_by, note, recorded_at) VALUES (?1, ?2, "
      "?3, ?4, ?5)");
  for (auto* statement : {&find, &runner, &programme, &log, &clearance}) {
    if (!*statement) return Error{statement->error()};
  }
  auto audit = AuditWriter::prepare(db);
  if (!audit) return Error{audit.error()};
  return Importer(store, std::move(*transaction), std::move(*find), std::move(*runner),
                  std::move(*programme), std::move(*log), std::move(*clearance), std::move(*audit));
}

Result<std::int64_t> Importer::runner_id(const std::string& name) {
  if (name == last_name_ && last_id_ != 0) return last_id_;
  auto known = runner_ids_.find(name);
  if (known != runner_ids_.end()) {
    last_name_ = name;
    last_id_ = known->second;
    return known->second;
  }
  if (auto problem = runner_name_problem(name)) {
    return Error{"the runner name '" + name + "' " + *problem};
  }
  find_runner_.bind(1, name);
  auto row = find_runner_.step();
  find_runner_.reset();
  if (!row) return Error{row.error()};
  if (*row) {
    return Error{"the runner '" + name + "' already has records in " + store_->path() +
                 "; import into a new database (--db NEW.db) or rename the runner in the file"};
  }
  insert_runner_.bind(1, name).bind(2, now_);
  if (auto done = insert_runner_.run(); !done) return Error{done.error()};
  const std::int64_t id = db_->last_insert_id();
  runner_ids_.emplace(name, id);
  last_name_ = name;
  last_id_ = id;
  return id;
}

Status Importer::add_programme(const std::string& runner, const Programme& programme) {
  auto id = runner_id(runner);
  if (!id) return Error{id.error()};
  auto snapshot_id = intern_snapshot(*db_, programme.protocol_snapshot);
  if (!snapshot_id) return Error{snapshot_id.error()};
  bind_programme_fields(insert_programme_.bind(1, *id), programme, *snapshot_id)
      .bind(11, int(programme.active))
      .bind(12, now_);
  if (auto done = insert_programme_.run(); !done) {
    if ((db_->last_error_code() & 0xff) == SQLITE_CONSTRAINT) {
      return Error{"'" + runner + "' has a second active programme; at most one may be active"};
    }
    return done;
  }
  return ok_status();
}

Status Importer::add_log(const std::string& runner, const LogRow& row) {
  auto id = runner_id(runner);
  if (!id) return Error{id.error()};
  const std::string date = format_date(row.date);
  const std::string flags = join_red_flags(row.red_flags);
  const std::string answers = answers_to_json(row.answers);
  Statement& s = insert_log_;
  s.bind(1, *id).bind_static(2, date);
  if (row.session)
    s.bind(3, session_outcome_name(*row.session));
  else
    s.bind_null(3);
  s.bind(4, row.pain_during).bind(5, row.pain_after).bind(6, row.pain_next_morning);
  s.bind(7, row.stiffness_minutes);
  if (row.swelling)
    s.bind(8, int(*row.swelling));
  else
    s.bind_null(8);
  if (row.limp)
    s.bind(9, int(*row.limp));
  else
    s.bind_null(9);
  s.bind_static(10, flags).bind_static(11, answers);
  if (row.note)
    s.bind_static(12, *row.note);
  else
    s.bind_static(12, "");
  s.bind(13, row.pain_warmup);
  if (auto done = s.run(); !done) {
    if ((db_->last_error_code() & 0xff) == SQLITE_CONSTRAINT) {
      return Error{"a second log for '" + runner + "' on " + date + "; a day has one log"};
    }
    return done;
  }
  return ok_status();
}

Status Importer::add_clearance(const std::string& runner, const Clearance& clearance) {
  auto id = runner_id(runner);
  if (!id) return Error{id.error()};
  insert_clearance_.bind(1, *id)
      .bind(2, format_date(clearance.date))
      .bind(3, clearance.by)
      .bind(4, clearance.note)
      .bind(5, now_);
  return insert_clearance_.run();
}

Status Importer::add_audit(const std::string& runner, const AuditEntry& entry) {
  auto id = runner_id(runner);
  if (!id) return Error{id.error()};
  return audit_.add(*id, entry);
}

bool Importer::machine_failed() const {
  const int code = db_->last_error_code() & 0xff;
  return code == SQLITE_FULL || code == SQLITE_IOERR || code == SQLITE_READONLY ||
         code == SQLITE_CORRUPT || code == SQLITE_BUSY;
}

Status Importer::commit() {
  return transaction_.commit();
}

}  // namespace runback
