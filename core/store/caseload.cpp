// Reading records for the planner: one runner's, or every runner with an active programme,
// streamed runner by runner so that a caseload of thousands never sits in memory whole.

#include "store/statement.hpp"
#include "store/store.hpp"
#include "store/stored_rows.hpp"
#include "store/transaction.hpp"

namespace runback {

namespace {

// The statements that read one runner's logs and clearances, prepared once for many runners.
struct RunnerLogReader {
  static Result<RunnerLogReader> prepare(Database& db) {
    // The primary key orders each runner's logs by date: a range of the table, no sort.
    auto logs = Statement::prepare(db, std::string("SELECT ") + kLogColumns +
                                           " FROM day_log WHERE runner_id = ?1 ORDER BY date");
    if (!logs) return Error{logs.error()};
    auto clearances =
        Statement::prepare(db, std::string("SELECT ") + kClearanceColumns +
                                   " FROM clearance WHERE runner_id = ?1 ORDER BY date, id");
    if (!clearances) return Error{clearances.error()};
    return RunnerLogReader{std::move(*logs), std::move(*clearances)};
  }

  Status read(RunnerRecords& records) {
    // Runners of a caseload tend to have histories of similar lengths.
    records.logs.reserve(last_count);
    logs.bind(1, records.runner.id);
    Status walked = logs.for_each_row(
        [&](const Statement& row) { return read_day_log(row, 0, records.logs.emplace_back()); });
    logs.reset();
    if (!walked) return walked;
    clearances.bind(1, records.runner.id);
    walked = clearances.for_each_row([&](const Statement& row) -> Status {
      auto clearance = read_clearance(row, 0);
      if (!clearance) return Error{clearance.error()};
      records.clearances.push_back(std::move(*clearance));
      return ok_status();
    });
    clearances.reset();
    if (!walked) return walked;
    last_count = records.logs.size();
    return ok_status();
  }

  Statement logs;
  Statement clearances;
  std::size_t last_count = 0;
};

}  // namespace

Result<RunnerRecords> Store::records_for(const std::string& runner_name_or_empty) {
  auto runner = resolve_runner(runner_name_or_empty);
  if (!runner) return Error{runner.error()};
  auto programme = active_programme(runner->id);
  if (!programme) return Error{programme.error()};
  if (!*programme) {
    return Error{runner->name +
                 " has no programme running: start one with `runback start "
                 "--protocol ID --runner " +
                 runner->name + "`"};
  }
  RunnerRecords records{*runner, std::move(**programme), {}, {}};
  auto reader = RunnerLogReader::prepare(*db_);
  if (!reader) return Error{reader.error()};
  if (auto read = reader->read(records); !read) return Error{read.error()};
  return records;
}

Status Store::for_each_active_records(const std::function<void(RunnerRecords&&)>& visit) {
  // The programme query stays open while the others run, so everything is read from one
  // consistent state of the database, runner by runner.
  auto programmes = Statement::prepare(
      *db_, std::string("SELECT r.id, r.name, ") + kProgrammeColumnsWithoutText +
                " FROM runner r JOIN programme p ON p.runner_id = r.id AND p.active = 1"
                " ORDER BY r.name");
  if (!programmes) return Error{programmes.error()};
  auto reader = RunnerLogReader::prepare(*db_);
  if (!reader) return Error{reader.error()};
  return programmes->for_each_row([&](const Statement& row) -> Status {
    auto programme = read_programme(row, 2);
    if (!programme) return Error{programme.error()};
    RunnerRecords records{
        Runner{row.column_int(0), row.column_text(1)}, std::move(*programme), {}, {}};
    if (auto read = reader->read(records); !read) return read;
    visit(std::move(records));
    return ok_status();
  });
}

Status Store::for_each_active_records(std::span<const Runner> runners,
                                      const std::function<void(RunnerRecords&&)>& visit) {
  auto transaction = ReadTransaction::begin(*db_);
  if (!transaction) return Error{transaction.error()};
  auto programme_of =
      Statement::prepare(*db_, std::string("SELECT ") + kProgrammeColumnsWithoutText +
                                   " FROM programme p WHERE p.runner_id = ?1 AND p.active = 1");
  if (!programme_of) return Error{programme_of.error()};
  auto reader = RunnerLogReader::prepare(*db_);
  if (!reader) return Error{reader.error()};
  for (const Runner& runner : runners) {
    programme_of->bind(1, runner.id);
    auto row = programme_of->step();
    if (!row) return Error{row.error()};
    if (!*row) {  // ended since the runner was listed
      programme_of->reset();
      continue;
    }
    auto programme = read_programme(*programme_of, 0);
    programme_of->reset();
    if (!programme) return Error{programme.error()};
    RunnerRecords records{runner, std::move(*programme), {}, {}};
    if (auto read = reader->read(records); !read) return read;
    visit(std::move(records));
  }
  return ok_status();
}

Result<std::vector<RunnerRecords>> Store::all_records() {
  std::vector<RunnerRecords> all;
  auto status =
      for_each_active_records([&](RunnerRecords&& records) { all.push_back(std::move(records)); });
  if (!status) return Error{status.error()};
  return all;
}

}  // namespace runback
