#include "store/store.hpp"

#include <algorithm>
#include <array>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <utility>

#include "protocol/describe.hpp"
#include "records/runner_name.hpp"
#include "store/schema.hpp"
#include "store/snapshots.hpp"
#include "store/statement.hpp"
#include "store/transaction.hpp"
#include "util/suggest.hpp"

namespace runback {

namespace {

constexpr const char* kNoRecords =
    "no records yet: start a programme with `runback start --protocol ID`";

// The day_log columns in the order read_log_row expects, after any leading columns.
constexpr const char* kLogColumns =
    "date, session, pain_during, pain_after, pain_next_morning, stiffness_minutes, swelling, "
    "limp, red_flags, answers, note";

Result<LogRow> read_log_row(const Statement& row, int first) {
  LogRow log;
  auto date = parse_date(row.column_view(first));
  if (!date) return Error{"a stored log has a damaged date: " + date.error()};
  log.date = *date;
  if (!row.is_null(first + 1)) log.session = parse_session(row.column_view(first + 1));
  log.pain_during = row.column_optional_int(first + 2);
  log.pain_after = row.column_optional_int(first + 3);
  log.pain_next_morning = row.column_optional_int(first + 4);
  log.stiffness_minutes = row.column_optional_int(first + 5);
  if (!row.is_null(first + 6)) log.swelling = row.column_int(first + 6) != 0;
  if (!row.is_null(first + 7)) log.limp = row.column_int(first + 7) != 0;
  log.red_flags = split_red_flags(row.column_view(first + 8));
  auto answers = answers_from_json(row.column_view(first + 9));
  if (!answers) return Error{"a stored log has damaged answers: " + answers.error()};
  log.answers = std::move(*answers);
  auto note = row.column_view(first + 10);
  if (!note.empty()) log.note = std::string(note);
  return log;
}

// A stored date, without the error message parse_date builds: this runs for every row loaded.
std::optional<Date> stored_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  const int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{unsigned(m)},
                                        std::chrono::day{unsigned(d)}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

// The planner's view of a row, read in place (the caseload loads millions of them).
Status read_day_log(const Statement& row, int first, DayLog& log) {
  auto date = stored_date(row.column_view(first));
  if (!date) return Error{"a stored log has a damaged date: " + row.column_text(first)};
  log.date = *date;
  if (!row.is_null(first + 1)) log.session = parse_session(row.column_view(first + 1));
  log.pain_during = row.column_optional_int(first + 2);
  log.pain_after = row.column_optional_int(first + 3);
  log.pain_next_morning = row.column_optional_int(first + 4);
  log.stiffness_minutes = row.column_optional_int(first + 5);
  log.swelling = row.column_int(first + 6) != 0;  // NULL reads as 0: not logged is no
  log.limp = row.column_int(first + 7) != 0;
  const auto flags = row.column_view(first + 8);
  if (!flags.empty()) log.red_flags = split_red_flags(flags);
  const auto answers = row.column_view(first + 9);
  if (!answers.empty()) {
    auto parsed = answers_from_json(answers);
    if (!parsed) return Error{"a stored log has damaged answers: " + parsed.error()};
    log.answers = std::move(*parsed);
  }
  log.note = row.column_view(first + 10);
  log.session = implied_session(log);
  return ok_status();
}

Result<Programme> read_programme(const Statement& row, int first) {
  Programme programme;
  programme.id = row.column_int(first);
  programme.runner_id = row.column_int(first + 1);
  programme.protocol_id = row.column_text(first + 2);
  programme.protocol_version = row.column_text(first + 3);
  programme.protocol_snapshot = row.column_text(first + 4);
  programme.plugin_name = row.column_text(first + 5);
  programme.plugin_version = row.column_text(first + 6);
  auto start = parse_date(row.column_view(first + 7));
  if (!start) return Error{"a stored programme has a damaged start date: " + start.error()};
  programme.start_date = *start;
  programme.starting_stage = int(row.column_int(first + 8));
  auto params = params_from_json(row.column_view(first + 9));
  if (!params) return Error{"a stored programme has damaged parameters: " + params.error()};
  programme.params = std::move(*params);
  if (auto days = parse_run_days_schedule(row.column_view(first + 10), programme); !days) {
    return Error{"a stored programme has damaged run days: " + days.error()};
  }
  programme.active = row.column_int(first + 11) != 0;
  programme.snapshot_id = row.column_int(first + 12);
  programme.usual_pain = row.column_optional_int(first + 13);
  programme.usual_stiffness_minutes = row.column_optional_int(first + 14);
  return programme;
}

// The programme columns in the order read_programme expects, from kProgrammes (the snapshot's
// text joined in).
constexpr const char* kProgrammeColumns =
    "p.id, p.runner_id, p.protocol_id, p.protocol_version, s.text, p.plugin_name, "
    "p.plugin_version, p.start_date, p.starting_stage, p.params, p.run_days, p.active, "
    "p.snapshot_id, p.usual_pain, p.usual_stiffness_minutes";
constexpr const char* kProgrammes = "programme p JOIN protocol_snapshot s ON s.id = p.snapshot_id";
// The same without the snapshot's text, for reading many programmes: they share a few texts,
// which the planner fetches once each by snapshot_id.
constexpr const char* kProgrammeColumnsWithoutText =
    "p.id, p.runner_id, p.protocol_id, p.protocol_version, '', p.plugin_name, "
    "p.plugin_version, p.start_date, p.starting_stage, p.params, p.run_days, p.active, "
    "p.snapshot_id, p.usual_pain, p.usual_stiffness_minutes";

void bind_date_range(Statement& statement, int first, std::optional<Date> from,
                     std::optional<Date> to) {
  statement.bind(first, from ? format_date(*from) : std::string("0000-00-00"));
  statement.bind(first + 1, to ? format_date(*to) : std::string("9999-99-99"));
}

}  // namespace

Result<std::string> resolve_db_path(const Environment& env, const std::string& flag) {
  if (!flag.empty()) return flag;
  if (auto from_env = env.get("RUNBACK_DB")) return *from_env;
  if (auto data = env.get("XDG_DATA_HOME")) return *data + "/runback/runback.db";
  if (auto data = xdg_data_home(env)) return *data + "/runback/runback.db";
  return Error{
      "runback cannot tell where to keep your records: neither HOME nor XDG_DATA_HOME "
      "is set. Give a path with --db PATH or RUNBACK_DB"};
}

Result<Store> Store::open(const std::string& path, OpenMode mode, OpenFailure* failure) {
  OpenFailure ignored;
  OpenFailure& why = failure ? *failure : ignored;
  why = OpenFailure::other;
  std::error_code ec;
  const std::filesystem::path file(path);
  if (std::filesystem::is_directory(file, ec)) {
    why = OpenFailure::not_a_database;
    return Error{path + " is a folder, not a records database. Give a file path with --db"};
  }
  const bool exists = std::filesystem::exists(file, ec);
  if (mode == OpenMode::existing_only && !exists) {
    why = OpenFailure::no_records;
    return Error{kNoRecords};
  }
  if (!exists && file.has_parent_path()) {
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec) {
      return Error{"cannot create the folder " + file.parent_path().string() +
                   " for the records database: " + ec.message()};
    }
  }
  const int flags =
      SQLITE_OPEN_READWRITE | (mode == OpenMode::create_if_missing ? SQLITE_OPEN_CREATE : 0);
  auto db = Database::open(path, flags, kBusyTimeoutMs);
  if (!db) return Error{db.error()};

  auto classify = [&](const std::string& message) {
    const int code = db->last_error_code() & 0xff;
    if (code == SQLITE_NOTADB) why = OpenFailure::not_a_database;
    return Error{message};
  };
  // FULL: a confirmed log survives a power cut, not only a crash (WAL's default may be NORMAL).
  if (auto done = db->exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL"); !done) {
    return classify(done.error());
  }
  auto version = schema_version(*db);
  if (!version) return classify(version.error());
  if (*version > current_schema_version()) {
    why = OpenFailure::newer_schema;
    return Error{migrate(*db).error()};
  }
  if (mode == OpenMode::existing_only && *version == 0) {
    why = OpenFailure::no_records;
    return Error{kNoRecords};
  }
  if (*version < current_schema_version()) {
    // WAL lets the planner read while a log is being written. The mode is stored in the file,
    // so it is set once, when the database is created or first migrated.
    if (auto done = db->exec("PRAGMA journal_mode = WAL"); !done) return classify(done.error());
    if (auto done = migrate(*db); !done) return classify(done.error());
  }
  why = OpenFailure::none;
  return Store(std::move(*db));
}

std::string Store::now() const {
  if (!fixed_now_.empty()) return fixed_now_;
  const std::time_t t = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

namespace {

// The runners a query selects as (id, name).
Result<std::vector<Runner>> select_runners(Database& db, const char* sql) {
  auto statement = Statement::prepare(db, sql);
  if (!statement) return Error{statement.error()};
  std::vector<Runner> runners;
  for (;;) {
    auto row = statement->step();
    if (!row) return Error{row.error()};
    if (!*row) break;
    runners.push_back({statement->column_int(0), statement->column_text(1)});
  }
  return runners;
}

}  // namespace

Result<std::vector<Runner>> Store::runners() {
  return select_runners(db_, "SELECT id, name FROM runner ORDER BY name");
}

Result<std::optional<Runner>> Store::find_runner(const std::string& name) {
  auto statement = Statement::prepare(db_, "SELECT id, name FROM runner WHERE name = ?1");
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

Result<std::optional<Programme>> Store::active_programme(std::int64_t runner_id) {
  auto statement =
      Statement::prepare(db_, std::string("SELECT ") + kProgrammeColumns + " FROM " + kProgrammes +
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
      Statement::prepare(db_, std::string("SELECT ") + kProgrammeColumns + " FROM " + kProgrammes +
                                  " WHERE p.runner_id = ?1 ORDER BY p.id");
  if (!statement) return Error{statement.error()};
  statement->bind(1, runner_id);
  std::vector<Programme> result;
  for (;;) {
    auto row = statement->step();
    if (!row) return Error{row.error()};
    if (!*row) break;
    auto programme = read_programme(*statement, 0);
    if (!programme) return Error{programme.error()};
    result.push_back(std::move(*programme));
  }
  return result;
}

Result<std::optional<LogRow>> Store::log_for(std::int64_t runner_id, Date date) {
  auto statement = Statement::prepare(db_, std::string("SELECT ") + kLogColumns +
                                               " FROM day_log WHERE runner_id = ?1 AND date = ?2");
  if (!statement) return Error{statement.error()};
  statement->bind(1, runner_id).bind(2, format_date(date));
  auto row = statement->step();
  if (!row) return Error{row.error()};
  if (!*row) return std::optional<LogRow>();
  auto log = read_log_row(*statement, 0);
  if (!log) return Error{log.error()};
  return std::optional<LogRow>(std::move(*log));
}

Status Store::for_each_log(
    std::int64_t runner_id, std::optional<Date> from, std::optional<Date> to,
    const std::function<void(const std::string& runner, const LogRow&)>& visit) {
  // Two queries rather than "(?1 = 0 OR runner_id = ?1)", which hides the primary key from
  // SQLite's planner and scans every runner's logs.
  const std::string select = std::string("SELECT r.name, ") + kLogColumns +
                             " FROM day_log l JOIN runner r ON r.id = l.runner_id WHERE ";
  const std::string sql =
      runner_id != 0 ? select + "l.runner_id = ?1 AND l.date >= ?2 AND l.date <= ?3 ORDER BY l.date"
                     : select + "?1 = 0 AND l.date >= ?2 AND l.date <= ?3 ORDER BY r.name, l.date";
  auto statement = Statement::prepare(db_, sql);
  if (!statement) return Error{statement.error()};
  statement->bind(1, runner_id);
  bind_date_range(*statement, 2, from, to);
  std::string name;
  for (;;) {
    auto row = statement->step();
    if (!row) return Error{row.error()};
    if (!*row) break;
    auto log = read_log_row(*statement, 1);
    if (!log) return Error{log.error()};
    const auto runner = statement->column_view(0);
    if (runner != name) name = std::string(runner);
    visit(name, *log);
  }
  return ok_status();
}

Result<std::vector<Clearance>> Store::clearances(std::int64_t runner_id, std::optional<Date> from,
                                                 std::optional<Date> to) {
  auto statement = Statement::prepare(
      db_,
      "SELECT date, cleared_by, note FROM clearance WHERE runner_id = ?1 AND date >= ?2 AND "
      "date <= ?3 ORDER BY date, id");
  if (!statement) return Error{statement.error()};
  statement->bind(1, runner_id);
  bind_date_range(*statement, 2, from, to);
  std::vector<Clearance> result;
  for (;;) {
    auto row = statement->step();
    if (!row) return Error{row.error()};
    if (!*row) break;
    auto date = parse_date(statement->column_view(0));
    if (!date) return Error{"a stored clearance has a damaged date: " + date.error()};
    result.push_back({*date, statement->column_text(1), statement->column_text(2)});
  }
  return result;
}

Result<std::vector<AuditEntry>> Store::audit(std::int64_t runner_id) {
  auto statement = Statement::prepare(
      db_,
      "SELECT r.name, a.subject, a.date, a.field, a.old_value, a.new_value, a.changed_at "
      "FROM audit a JOIN runner r ON r.id = a.runner_id WHERE a.runner_id = ?1 ORDER BY a.id");
  if (!statement) return Error{statement.error()};
  statement->bind(1, runner_id);
  std::vector<AuditEntry> entries;
  for (;;) {
    auto row = statement->step();
    if (!row) return Error{row.error()};
    if (!*row) break;
    AuditEntry entry;
    entry.runner = statement->column_text(0);
    entry.subject = statement->column_text(1);
    if (!statement->is_null(2)) {
      if (auto date = parse_date(statement->column_view(2))) entry.date = *date;
    }
    entry.field = statement->column_text(3);
    if (!statement->is_null(4)) entry.old_value = statement->column_text(4);
    if (!statement->is_null(5)) entry.new_value = statement->column_text(5);
    entry.changed_at = statement->column_text(6);
    entries.push_back(std::move(entry));
  }
  return entries;
}

namespace {

// The statements that read one runner's logs and clearances, prepared once for many runners.
struct RunnerLogReader {
  static Result<RunnerLogReader> prepare(Database& db) {
    // The primary key orders each runner's logs by date: a range of the table, no sort.
    auto logs = Statement::prepare(db, std::string("SELECT ") + kLogColumns +
                                           " FROM day_log WHERE runner_id = ?1 ORDER BY date");
    if (!logs) return Error{logs.error()};
    auto clearances = Statement::prepare(
        db, "SELECT date, cleared_by, note FROM clearance WHERE runner_id = ?1 ORDER BY date, id");
    if (!clearances) return Error{clearances.error()};
    return RunnerLogReader{std::move(*logs), std::move(*clearances)};
  }

  Status read(RunnerRecords& records) {
    // Runners of a caseload tend to have histories of similar lengths.
    records.logs.reserve(last_count);
    logs.bind(1, records.runner.id);
    for (;;) {
      auto row = logs.step();
      if (!row) return Error{row.error()};
      if (!*row) break;
      if (auto read = read_day_log(logs, 0, records.logs.emplace_back()); !read) return read;
    }
    logs.reset();
    clearances.bind(1, records.runner.id);
    for (;;) {
      auto row = clearances.step();
      if (!row) return Error{row.error()};
      if (!*row) break;
      auto date = parse_date(clearances.column_view(0));
      if (!date) return Error{"a stored clearance has a damaged date: " + date.error()};
      records.clearances.push_back({*date, clearances.column_text(1), clearances.column_text(2)});
    }
    clearances.reset();
    last_count = records.logs.size();
    return ok_status();
  }

  Statement logs;
  Statement clearances;
  std::size_t last_count = 0;
};

// A read transaction: what is read until it ends comes from one state of the database.
class ReadTransaction {
 public:
  static Result<ReadTransaction> begin(Database& db) {
    if (auto begun = db.exec("BEGIN"); !begun) return Error{begun.error()};
    return ReadTransaction(db);
  }
  ReadTransaction(ReadTransaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}
  ReadTransaction& operator=(ReadTransaction&&) = delete;
  ~ReadTransaction() {
    if (db_ != nullptr) (void)db_->exec("COMMIT");  // nothing was written: nothing to lose
  }

 private:
  explicit ReadTransaction(Database& db) : db_(&db) {}
  Database* db_;
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
  auto reader = RunnerLogReader::prepare(db_);
  if (!reader) return Error{reader.error()};
  if (auto read = reader->read(records); !read) return Error{read.error()};
  return records;
}

Status Store::for_each_active_records(const std::function<void(RunnerRecords&&)>& visit) {
  // The programme query stays open while the others run, so everything is read from one
  // consistent state of the database, runner by runner.
  auto programmes = Statement::prepare(
      db_, std::string("SELECT r.id, r.name, ") + kProgrammeColumnsWithoutText +
               " FROM runner r JOIN programme p ON p.runner_id = r.id AND p.active = 1"
               " ORDER BY r.name");
  if (!programmes) return Error{programmes.error()};
  auto reader = RunnerLogReader::prepare(db_);
  if (!reader) return Error{reader.error()};
  for (;;) {
    auto row = programmes->step();
    if (!row) return Error{row.error()};
    if (!*row) break;
    auto programme = read_programme(*programmes, 2);
    if (!programme) return Error{programme.error()};
    RunnerRecords records{Runner{programmes->column_int(0), programmes->column_text(1)},
                          std::move(*programme),
                          {},
                          {}};
    if (auto read = reader->read(records); !read) return read;
    visit(std::move(records));
  }
  return ok_status();
}

Result<std::vector<Runner>> Store::runners_with_active_programme() {
  return select_runners(
      db_,
      "SELECT r.id, r.name FROM runner r JOIN programme p ON p.runner_id = r.id AND p.active = 1"
      " ORDER BY r.name");
}

Status Store::for_each_active_records(std::span<const Runner> runners,
                                      const std::function<void(RunnerRecords&&)>& visit) {
  auto transaction = ReadTransaction::begin(db_);
  if (!transaction) return Error{transaction.error()};
  auto programme_of =
      Statement::prepare(db_, std::string("SELECT ") + kProgrammeColumnsWithoutText +
                                  " FROM programme p WHERE p.runner_id = ?1 AND p.active = 1");
  if (!programme_of) return Error{programme_of.error()};
  auto reader = RunnerLogReader::prepare(db_);
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

Status Store::cache_compiled_snapshot(std::int64_t snapshot_id, std::uint32_t format,
                                      std::string_view compiled) {
  sqlite3_busy_timeout(db_.handle(), 0);
  Status saved = save_compiled_snapshot(db_, snapshot_id, format, compiled);
  sqlite3_busy_timeout(db_.handle(), kBusyTimeoutMs);
  return saved;
}

Result<std::vector<RunnerSummary>> Store::caseload() {
  auto statement = Statement::prepare(
      db_,
      std::string("SELECT r.id, r.name, (SELECT max(date) FROM day_log WHERE runner_id = r.id),"
                  " (SELECT count(*) FROM day_log WHERE runner_id = r.id), ") +
          kProgrammeColumnsWithoutText +
          " FROM runner r LEFT JOIN programme p ON p.runner_id = r.id AND p.active = 1"
          " ORDER BY r.name");
  if (!statement) return Error{statement.error()};
  std::vector<RunnerSummary> result;
  for (;;) {
    auto row = statement->step();
    if (!row) return Error{row.error()};
    if (!*row) break;
    RunnerSummary summary;
    summary.runner = {statement->column_int(0), statement->column_text(1)};
    if (!statement->is_null(2)) {
      if (auto date = parse_date(statement->column_view(2))) summary.last_log = *date;
    }
    summary.log_count = int(statement->column_int(3));
    if (!statement->is_null(4)) {
      auto programme = read_programme(*statement, 4);
      if (!programme) return Error{programme.error()};
      summary.programme = std::move(*programme);
    }
    result.push_back(std::move(summary));
  }
  return result;
}

Result<Programme> Store::start_programme(const std::string& runner_name, Programme programme,
                                         bool replace_active) {
  auto transaction = Transaction::begin(db_);
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
    auto insert = Statement::prepare(db_, "INSERT INTO runner (name, created_at) VALUES (?1, ?2)");
    if (!insert) return Error{insert.error()};
    if (auto done = insert->bind(1, runner_name).bind(2, now_text).run(); !done)
      return Error{done.error()};
    runner_id = sqlite3_last_insert_rowid(db_.handle());
  }
  auto current = active_programme(runner_id);
  if (!current) return Error{current.error()};
  if (*current) {
    if (!replace_active) {
      return Error{runner_name + " already follows " + (*current)->protocol_id + " (started " +
                   format_date((*current)->start_date) +
                   "). Nothing was changed; add --replace to start over (the old programme is "
                   "kept as history)"};
    }
    auto retire = Statement::prepare(db_, "UPDATE programme SET active = 0 WHERE id = ?1");
    if (!retire) return Error{retire.error()};
    if (auto done = retire->bind(1, (*current)->id).run(); !done) return Error{done.error()};
  }
  auto snapshot_id = intern_snapshot(db_, programme.protocol_snapshot);
  if (!snapshot_id) return Error{snapshot_id.error()};
  auto insert = Statement::prepare(
      db_,
      "INSERT INTO programme (runner_id, protocol_id, protocol_version, snapshot_id, "
      "plugin_name, plugin_version, start_date, starting_stage, params, run_days, active, "
      "created_at, usual_pain, usual_stiffness_minutes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
      "?9, ?10, 1, ?11, ?13, ?14)");
  if (!insert) return Error{insert.error()};
  bind_programme_fields(insert->bind(1, runner_id), programme, *snapshot_id).bind(11, now_text);
  if (auto done = insert->run(); !done) return Error{done.error()};
  programme.id = sqlite3_last_insert_rowid(db_.handle());
  programme.snapshot_id = *snapshot_id;
  programme.runner_id = runner_id;
  programme.active = true;
  if (auto done = transaction->commit(); !done) return Error{done.error()};
  return programme;
}

Result<LogOutcome> Store::record_logs(std::int64_t runner_id, const std::vector<LogRow>& rows,
                                      bool replace) {
  auto transaction = Transaction::begin(db_);
  if (!transaction) return Error{transaction.error()};
  const std::string now_text = now();
  LogOutcome outcome;
  std::vector<LogRow> merged_rows;
  for (const LogRow& change : rows) {
    auto existing = log_for(runner_id, change.date);
    if (!existing) return Error{existing.error()};
    LogRow merged = existing->value_or(LogRow{change.date, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}});
    auto note_change = [&](const std::string& field, const std::optional<std::string>& old_value,
                           const std::optional<std::string>& new_value) {
      if (old_value == new_value) return;
      outcome.replaced.push_back({"", "log", change.date, field, old_value, new_value, now_text});
    };
    const auto old_fields = log_scalar_fields(merged);
    const auto new_fields = log_scalar_fields(change);
    for (std::size_t i = 0; i < new_fields.size(); ++i) {
      if (!new_fields[i].value) continue;
      if (old_fields[i].value) {
        if (!replace) {
          outcome.conflicts.push_back(
              {change.date, new_fields[i].name, *old_fields[i].value, *new_fields[i].value});
          continue;
        }
        note_change(new_fields[i].name, old_fields[i].value, new_fields[i].value);
      }
      copy_scalar(merged, change, new_fields[i].name);
    }
    for (const auto& [key, value] : change.answers) {
      auto it = merged.answers.find(key);
      if (it != merged.answers.end()) {
        if (!replace) {
          outcome.conflicts.push_back({change.date, "answers." + key, it->second, value});
          continue;
        }
        note_change("answers." + key, it->second, value);
      }
      merged.answers[key] = value;
    }
    if (!change.red_flags.empty()) {
      if (replace) {
        const std::string old_flags = join_red_flags(merged.red_flags);
        const std::string new_flags = join_red_flags(change.red_flags);
        if (!merged.red_flags.empty()) note_change("red_flags", old_flags, new_flags);
        merged.red_flags = change.red_flags;
      } else {
        for (const auto& flag : change.red_flags) {
          if (std::find(merged.red_flags.begin(), merged.red_flags.end(), flag) ==
              merged.red_flags.end()) {
            merged.red_flags.push_back(flag);
          }
        }
      }
    }
    merged_rows.push_back(std::move(merged));
  }
  if (!outcome.conflicts.empty()) {
    outcome.replaced.clear();
    return outcome;  // the transaction rolls back: nothing written
  }

  auto upsert = Statement::prepare(
      db_,
      "INSERT OR REPLACE INTO day_log (runner_id, date, session, pain_during, pain_after, "
      "pain_next_morning, stiffness_minutes, swelling, limp, red_flags, answers, note) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  if (!upsert) return Error{upsert.error()};
  for (const LogRow& row : merged_rows) {
    upsert->bind(1, runner_id).bind(2, format_date(row.date));
    if (row.session)
      upsert->bind(3, session_outcome_name(*row.session));
    else
      upsert->bind_null(3);
    upsert->bind(4, row.pain_during)
        .bind(5, row.pain_after)
        .bind(6, row.pain_next_morning)
        .bind(7, row.stiffness_minutes);
    if (row.swelling)
      upsert->bind(8, int(*row.swelling));
    else
      upsert->bind_null(8);
    if (row.limp)
      upsert->bind(9, int(*row.limp));
    else
      upsert->bind_null(9);
    upsert->bind(10, join_red_flags(row.red_flags))
        .bind(11, answers_to_json(row.answers))
        .bind(12, row.note.value_or(""));
    if (auto done = upsert->run(); !done) return Error{done.error()};
  }
  auto audit_insert = Statement::prepare(
      db_,
      "INSERT INTO audit (runner_id, subject, date, field, old_value, new_value, changed_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!audit_insert) return Error{audit_insert.error()};
  for (const AuditEntry& entry : outcome.replaced) {
    audit_insert->bind(1, runner_id).bind(2, entry.subject).bind(3, format_date(*entry.date));
    audit_insert->bind(4, entry.field);
    if (entry.old_value)
      audit_insert->bind(5, *entry.old_value);
    else
      audit_insert->bind_null(5);
    if (entry.new_value)
      audit_insert->bind(6, *entry.new_value);
    else
      audit_insert->bind_null(6);
    audit_insert->bind(7, entry.changed_at);
    if (auto done = audit_insert->run(); !done) return Error{done.error()};
  }
  if (auto done = transaction->commit(); !done) return Error{done.error()};
  return outcome;
}

Status Store::record_clearance(std::int64_t runner_id, const Clearance& clearance) {
  auto transaction = Transaction::begin(db_);
  if (!transaction) return Error{transaction.error()};
  auto insert = Statement::prepare(
      db_,
      "INSERT INTO clearance (runner_id, date, cleared_by, note, recorded_at) VALUES (?1, ?2, "
      "?3, ?4, ?5)");
  if (!insert) return Error{insert.error()};
  insert->bind(1, runner_id)
      .bind(2, format_date(clearance.date))
      .bind(3, clearance.by)
      .bind(4, clearance.note)
      .bind(5, now());
  if (auto done = insert->run(); !done) return done;
  return transaction->commit();
}

Status Store::upgrade_programme(std::int64_t runner_id, const std::string& protocol_version,
                                const std::string& protocol_snapshot,
                                const std::string& plugin_name, const std::string& plugin_version,
                                int starting_stage) {
  auto transaction = Transaction::begin(db_);
  if (!transaction) return Error{transaction.error()};
  auto current = active_programme(runner_id);
  if (!current) return Error{current.error()};
  if (!*current) return Error{"there is no programme running to upgrade"};
  const std::string now_text = now();
  auto audit_insert = Statement::prepare(
      db_,
      "INSERT INTO audit (runner_id, subject, date, field, old_value, new_value, changed_at) "
      "VALUES (?1, 'programme', NULL, ?2, ?3, ?4, ?5)");
  if (!audit_insert) return Error{audit_insert.error()};
  const std::vector<std::array<std::string, 3>> changes = {
      {"protocol_version", (*current)->protocol_version, protocol_version},
      {"protocol_snapshot", (*current)->protocol_snapshot, protocol_snapshot},
      {"plugin_name", (*current)->plugin_name, plugin_name},
      {"plugin_version", (*current)->plugin_version, plugin_version},
      {"starting_stage", std::to_string((*current)->starting_stage),
       std::to_string(starting_stage)}};
  for (const auto& [field, old_value, new_value] : changes) {
    if (old_value == new_value) continue;
    audit_insert->bind(1, runner_id).bind(2, field).bind(3, old_value).bind(4, new_value);
    audit_insert->bind(5, now_text);
    if (auto done = audit_insert->run(); !done) return done;
  }
  auto snapshot_id = intern_snapshot(db_, protocol_snapshot);
  if (!snapshot_id) return Error{snapshot_id.error()};
  auto update = Statement::prepare(
      db_,
      "UPDATE programme SET protocol_version = ?2, snapshot_id = ?3, plugin_name = ?4, "
      "plugin_version = ?5, starting_stage = ?6 WHERE id = ?1");
  if (!update) return Error{update.error()};
  update->bind(1, (*current)->id)
      .bind(2, protocol_version)
      .bind(3, *snapshot_id)
      .bind(4, plugin_name)
      .bind(5, plugin_version)
      .bind(6, std::int64_t(starting_stage));
  if (auto done = update->run(); !done) return done;
  return transaction->commit();
}

std::string params_to_json(const std::map<std::string, std::string>& params) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [key, value] : params) object[key] = value;
  return object.dump();
}

Result<std::map<std::string, std::string>> params_from_json(std::string_view text) {
  std::map<std::string, std::string> params;
  if (text.empty()) return params;
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return Error{"not a JSON object"};
  for (const auto& [key, value] : parsed.items()) {
    if (!value.is_string()) return Error{"the parameter '" + key + "' is not text"};
    params[key] = value.get<std::string>();
  }
  return params;
}

Statement& bind_programme_fields(Statement& insert, const Programme& programme,
                                 std::int64_t snapshot_id) {
  return insert.bind(2, programme.protocol_id)
      .bind(3, programme.protocol_version)
      .bind(4, snapshot_id)
      .bind(5, programme.plugin_name)
      .bind(6, programme.plugin_version)
      .bind(7, format_date(programme.start_date))
      .bind(8, programme.starting_stage)
      .bind(9, params_to_json(programme.params))
      .bind(10, run_days_schedule_text(programme))
      .bind(13, programme.usual_pain)
      .bind(14, programme.usual_stiffness_minutes);
}

std::string run_days_schedule_text(const Programme& programme) {
  std::string text = run_days_text(programme.run_days);
  for (const RunDaysChange& change : programme.run_days_changes) {
    text += ";" + format_date(change.from) + "=" + run_days_text(change.days);
  }
  return text;
}

Status parse_run_days_schedule(std::string_view text, Programme& programme) {
  std::vector<RunDaysChange> changes;
  const auto first_end = text.find(';');
  auto first = parse_run_days(text.substr(0, first_end));
  if (!first) return Error{first.error()};
  while (first_end != std::string_view::npos && !text.empty()) {
    text.remove_prefix(text.find(';') + 1);
    const auto end = text.find(';');
    const std::string_view part = text.substr(0, end);
    const auto eq = part.find('=');
    if (eq == std::string_view::npos) return Error{"'" + std::string(part) + "' is not DATE=DAYS"};
    auto from = parse_date(part.substr(0, eq));
    if (!from) return Error{from.error()};
    auto days = parse_run_days(part.substr(eq + 1));
    if (!days) return Error{days.error()};
    if (!changes.empty() && *from <= changes.back().from) {
      return Error{"run-day changes are not in date order"};
    }
    changes.push_back({*from, std::move(*days)});
    if (end == std::string_view::npos) break;
  }
  programme.run_days = std::move(*first);
  programme.run_days_changes = std::move(changes);
  return ok_status();
}

std::string run_days_text(const std::vector<std::chrono::weekday>& days) {
  std::string text;
  for (auto day : days) text += (text.empty() ? "" : ",") + weekday_short(day);
  return text;
}

Result<std::vector<std::chrono::weekday>> parse_run_days(std::string_view text) {
  std::vector<std::chrono::weekday> days;
  for (const auto& part : split_red_flags(text)) {
    auto day = parse_weekday(part);
    if (!day)
      return Error{"'" + part + "' is not a weekday; use mon, tue, wed, thu, fri, sat, sun"};
    if (std::find(days.begin(), days.end(), *day) != days.end()) {
      return Error{"'" + part + "' is given twice"};
    }
    days.push_back(*day);
  }
  return days;
}

}  // namespace runback
