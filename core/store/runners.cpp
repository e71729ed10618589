// The runners: finding one by name (or the only one), listing them, and the caseload's summary
// of who follows what.

#include "store/messages.hpp"
#include "store/statement.hpp"
#include "store/store.hpp"
#include "store/stored_rows.hpp"
#include "util/suggest.hpp"

namespace runback {

namespace {

// The runners a query selects as (id, name).
Result<std::vector<Runner>> select_runners(Database& db, const char* sql) {
  auto statement = Statement::prepare(db, sql);
  if (!statement) return Error{statement.error()};
  std::vector<Runner> runners;
  auto read = statement->for_each_row([&](const Statement& row) {
    runners.push_back({row.column_int(0), row.column_text(1)});
  });
  if (!read) return Error{read.error()};
  return runners;
}

}  // namespace

Result<std::vector<Runner>> Store::runners() {
  return select_runners(*db_, "SELECT id, name FROM runner ORDER BY name");
}

Result<std::vector<Runner>> Store::runners_with_active_programme() {
  return select_runners(
      *db_,
      "SELECT r.id, r.name FROM runner r JOIN programme p ON p.runner_id = r.id AND p.active = 1"
      " ORDER BY r.name");
}

Result<std::optional<Runner>> Store::find_runner(const std::string& name) {
  auto statement = Statement::prepare(*db_, "SELECT id, name FROM runner WHERE name = ?1");
  if (!statement) return Error{statement.error()};
  statement->bind(1, name);
  auto row = statement->step();
  if (!row) return Error{row.error()};
  if (!*row) return std::optional<Runner>();
  return std::optional<Runner>(Runner{statement->column_int(0), statement->column_text(1)});
}

Result<Runner> Store::resolve_runner(const std::string& name_or_empty) {
  if (!name_or_empty.empty()) {
    auto found = find_runner(name_or_empty);
    if (!found) return Error{found.error()};
    if (*found) return **found;
  }
  auto all = runners();
  if (!all) return Error{all.error()};
  if (all->empty()) return Error{kNoRecords};
  if (name_or_empty.empty()) {
    if (all->size() == 1) return all->front();
    std::string names;
    for (const auto& r : *all) names += (names.empty() ? "" : ", ") + r.name;
    return Error{"this database holds " + std::to_string(all->size()) + " runners (" + names +
                 "): choose one with --runner NAME"};
  }
  std::vector<std::string> names;
  for (const auto& r : *all) {
    if (r.name == name_or_empty) return r;
    names.push_back(r.name);
  }
  return Error{"--runner: no runner named '" + name_or_empty + "' in " + path() +
               did_you_mean(name_or_empty, names) + "; `runback runners` lists them"};
}

Result<std::vector<RunnerSummary>> Store::caseload() {
  auto statement = Statement::prepare(
      *db_,
      std::string("SELECT r.id, r.name, (SELECT max(date) FROM day_log WHERE runner_id = r.id),"
                  " (SELECT count(*) FROM day_log WHERE runner_id = r.id), ") +
          kProgrammeColumnsWithoutText +
          " FROM runner r LEFT JOIN programme p ON p.runner_id = r.id AND p.active = 1"
          " ORDER BY r.name");
  if (!statement) return Error{statement.error()};
  std::vector<RunnerSummary> result;
  auto read = statement->for_each_row([&](const Statement& row) -> Status {
    RunnerSummary summary;
    summary.runner = {row.column_int(0), row.column_text(1)};
    if (!row.is_null(2)) {
      if (auto date = parse_date(row.column_view(2))) summary.last_log = *date;
    }
    summary.log_count = int(row.column_int(3));
    if (!row.is_null(4)) {
      auto programme = read_programme(row, 4);
      if (!programme) return Error{programme.error()};
      summary.programme = std::move(*programme);
    }
    result.push_back(std::move(summary));
    return ok_status();
  });
  if (!read) return Error{read.error()};
  return result;
}

}  // namespace runback
