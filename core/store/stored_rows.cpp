#include "store/stored_rows.hpp"

#include "protocol/describe.hpp"
#include "store/programme_text.hpp"

namespace runback {

namespace {
// The session and the four numbers of kLogColumns, which a LogRow and a DayLog hold alike.
template <class Log>
void read_session_and_numbers(const Statement& row, int first, Log& log) {
  if (!row.is_null(first + 1)) log.session = parse_session(row.column_view(first + 1));
  log.pain_during = row.column_optional_int(first + 2);
  log.pain_after = row.column_optional_int(first + 3);
  log.pain_next_morning = row.column_optional_int(first + 4);
  log.stiffness_minutes = row.column_optional_int(first + 5);
}
}  // namespace

Result<LogRow> read_log_row(const Statement& row, int first) {
  LogRow log;
  auto date = parse_date(row.column_view(first));
  if (!date) return Error{"a stored log has a damaged date: " + date.error()};
  log.date = *date;
  read_session_and_numbers(row, first, log);
  if (!row.is_null(first + 6)) log.swelling = row.column_int(first + 6) != 0;
  if (!row.is_null(first + 7)) log.limp = row.column_int(first + 7) != 0;
  log.red_flags = split_red_flags(row.column_view(first + 8));
  auto answers = answers_from_json(row.column_view(first + 9));
  if (!answers) return Error{"a stored log has damaged answers: " + answers.error()};
  log.answers = std::move(*answers);
  auto note = row.column_view(first + 10);
  if (!note.empty()) log.note = std::string(note);
  log.pain_warmup = row.column_optional_int(first + 11);
  return log;
}

Status read_day_log(const Statement& row, int first, DayLog& log) {
  auto date = parse_date(row.column_view(first));
  // The stored text itself: parse_date's sentence is for someone typing a date.
  if (!date) return Error{"a stored log has a damaged date: " + row.column_text(first)};
  log.date = *date;
  read_session_and_numbers(row, first, log);
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
  log.pain_warmup = row.column_optional_int(first + 11);
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
  auto goal = parse_goal_text(row.column_view(first + 15));
  if (!goal) return Error{"a stored programme has a damaged goal: " + goal.error()};
  programme.goal = *goal;
  programme.option = row.column_text(first + 16);
  programme.plugin_digest = row.column_text(first + 17);
  programme.plugin_path = row.column_text(first + 18);
  return programme;
}

Result<Clearance> read_clearance(const Statement& row, int first) {
  auto date = parse_date(row.column_view(first));
  if (!date) return Error{"a stored clearance has a damaged date: " + date.error()};
  return Clearance{*date, row.column_text(first + 1), row.column_text(first + 2)};
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
      .bind(14, programme.usual_stiffness_minutes)
      .bind(15, goal_text(programme.goal))
      .bind(16, programme.option)
      .bind(17, programme.plugin_digest)
      .bind(18, programme.plugin_path);
}

void bind_date_range(Statement& statement, int first, std::optional<Date> from,
                     std::optional<Date> to) {
  statement.bind(first, from ? format_date(*from) : std::string("0000-00-00"));
  statement.bind(first + 1, to ? format_date(*to) : std::string("9999-99-99"));
}

}  // namespace runback
