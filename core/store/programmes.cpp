// The runners' programmes: starting one (a new runner with it), reading the active one and the
// history, upgrading to a newer protocol text, and the protocol snapshots they share.

#include <array>

#include "records/runner_name.hpp"
#include "store/audit_writer.hpp"
#include "store/snapshots.hpp"
#include "store/statement.hpp"
#include "store/store.hpp"
#include "store/stored_rows.hpp"
#include "store/transaction.hpp"

namespace runback {

Result<std::optional<Programme>> Store::active_programme(std::int64_t runner_id) {
  auto statement =
      Statement::prepare(*db_, std::string("SELECT ") + kProgrammeColumns + " FROM " + kProgrammes +
                                   " WHERE p.runner_id = ?1 AND p.active = 1");
  if (!statement) return Error{statement.error()};
  statement->bind(1, runner_id);
  auto row = statement->step();
  if (!row) return Error{row.error()};
  if (!*row) return std::optional<Programme>();
  auto programme = read_programme(*statement, 0);
  if (!programme) return Error{programme.error()};
  return std::optional<Programme>(std::move(*programme));
}

Result<std::vector<Programme>> Store::programmes(std::int64_t runner_id) {
  auto statement =
      Statement::prepare(*db_, std::string("SELECT ") + kProgrammeColumns + " FROM " + kProgrammes +
                                   " WHERE p.runner_id = ?1 ORDER BY p.id");
  if (!statement) return Error{statement.error()};
  statement->bind(1, runner_id);
  std::vector<Programme> result;
  auto read = statement->for_each_row([&](const Statement& row) -> Status {
    auto programme = read_programme(row, 0);
    if (!programme) return Error{programme.error()};
    result.push_back(std::move(*programme));
    return ok_status();
  });
  if (!read) return Error{read.error()};
  return result;
}

Result<Programme> Store::start_programme(const std::string& runner_name, Programme programme,
                                         bool replace_active) {
  auto transaction = Transaction::begin(*db_);
  if (!transaction) return Error{transaction.error()};
  const std::string now_text = now();
  auto runner = find_runner(runner_name);
  if (!runner) return Error{runner.error()};
  std::int64_t runner_id = 0;
  if (*runner) {
    runner_id = (*runner)->id;
  } else {
    if (auto problem = runner_name_problem(runner_name)) {
      return Error{"--runner: the runner name " + *problem};
    }
    auto insert = Statement::prepare(*db_, "INSERT INTO runner (name, created_at) VALUES (?1, ?2)");
    if (!insert) return Error{insert.error()};
    if (auto done = insert->bind(1, runner_name).bind(2, now_text).run(); !done)
      return Error{done.error()};
    runner_id = db_->last_insert_id();
  }
  auto current = active_programme(runner_id);
  if (!current) return Error{current.error()};
  if (*current) {
    if (!replace_active) {
      return Error{runner_name + " already follows " + (*current)->protocol_id + " (started " +
                       format_date((*current)->start_date) +
                       "). Nothing was changed; add --replace to start over (the old programme is "
                       "kept as history)",
                   ErrorKind::conflict};
    }
    auto retire = Statement::prepare(*db_, "UPDATE programme SET active = 0 WHERE id = ?1");
    if (!retire) return Error{retire.error()};
    if (auto done = retire->bind(1, (*current)->id).run(); !done) return Error{done.error()};
  }
  auto snapshot_id = intern_snapshot(*db_, programme.protocol_snapshot);
  if (!snapshot_id) return Error{snapshot_id.error()};
  auto insert = Statement::prepare(
      *db_,
      "INSERT INTO programme (runner_id, protocol_id, protocol_version, snapshot_id, "
      "plugin_name, plugin_version, start_date, starting_stage, params, run_days, active, "
      "created_at, usual_pain, usual_stiffness_minutes, goal, stage_option, plugin_digest, "
      "plugin_path) VALUES (?1, ?2, ?3, "
      "?4, ?5, ?6, ?7, ?8, "
      "?9, ?10, 1, ?11, ?13, ?14, ?15, ?16, ?17, ?18)");
  if (!insert) return Error{insert.error()};
  bind_programme_fields(insert->bind(1, runner_id), programme, *snapshot_id).bind(11, now_text);
  if (auto done = insert->run(); !done) return Error{done.error()};
  programme.id = db_->last_insert_id();
  programme.snapshot_id = *snapshot_id;
  programme.runner_id = runner_id;
  programme.active = true;
  if (auto done = transaction->commit(); !done) return Error{done.error()};
  return programme;
}

Status Store::upgrade_programme(std::int64_t runner_id, const std::string& protocol_version,
                                const std::string& protocol_snapshot, const PluginIdentity& plugin,
                                int starting_stage) {
  auto transaction = Transaction::begin(*db_);
  if (!transaction) return Error{transaction.error()};
  auto current = active_programme(runner_id);
  if (!current) return Error{current.error()};
  if (!*current) return Error{"there is no programme running to upgrade"};
  const std::string now_text = now();
  auto trail = AuditWriter::prepare(*db_);
  if (!trail) return Error{trail.error()};
  const std::vector<std::array<std::string, 3>> changes = {
      {"protocol_version", (*current)->protocol_version, protocol_version},
      {"protocol_snapshot", (*current)->protocol_snapshot, protocol_snapshot},
      {"plugin_name", (*current)->plugin_name, plugin.name},
      {"plugin_version", (*current)->plugin_version, plugin.version},
      {"plugin_digest", (*current)->plugin_digest, plugin.digest},
      {"plugin_path", (*current)->plugin_path, plugin.path},
      {"starting_stage", std::to_string((*current)->starting_stage),
       std::to_string(starting_stage)}};
  for (const auto& [field, old_value, new_value] : changes) {
    if (old_value == new_value) continue;
    const AuditEntry entry{"", "programme", std::nullopt, field, old_value, new_value, now_text};
    if (auto done = trail->add(runner_id, entry); !done) return done;
  }
  auto snapshot_id = intern_snapshot(*db_, protocol_snapshot);
  if (!snapshot_id) return Error{snapshot_id.error()};
  auto update = Statement::prepare(
      *db_,
      "UPDATE programme SET protocol_version = ?2, snapshot_id = ?3, plugin_name = ?4, "
      "plugin_version = ?5, starting_stage = ?6, plugin_digest = ?7, plugin_path = ?8 WHERE id "
      "= ?1");
  if (!update) return Error{update.error()};
  update->bind(1, (*current)->id)
      .bind(2, protocol_version)
      .bind(3, *snapshot_id)
      .bind(4, plugin.name)
      .bind(5, plugin.version)
      .bind(6, std::int64_t(starting_stage))
      .bind(7, plugin.digest)
      .bind(8, plugin.path);
  if (auto done = update->run(); !done) return done;
  return transaction->commit();
}

Result<StoredSnapshot> Store::snapshot(std::int64_t snapshot_id, std::uint32_t compiled_format,
                                       bool with_text) {
  return load_snapshot(*db_, snapshot_id, compiled_format, with_text);
}

Status Store::cache_compiled_snapshot(std::int64_t snapshot_id, std::uint32_t format,
                                      std::string_view compiled) {
  db_->set_busy_timeout(0);
  Status saved = save_compiled_snapshot(*db_, snapshot_id, format, compiled);
  db_->set_busy_timeout(kBusyTimeoutMs);
  return saved;
}

}  // namespace runback
