// `runback log`: what the runner felt, for a day. Everything is checked before the database is
// touched (log_values.hpp); a value already logged changes only with --replace, and the old one
// is audited.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include "add_command.hpp"
#include "checkpoint_news.hpp"
#include "layout_options.hpp"
#include "log_prompt.hpp"
#include "log_values.hpp"
#include "plan_source.hpp"
#include "protocol/describe.hpp"
#include "record_commands.hpp"
#include "record_output.hpp"
#include "report/decision_words.hpp"
#include "report/plan_json.hpp"
#include "report/plan_words.hpp"
#include "report/text_layout.hpp"
#include "runback_syntax.hpp"

namespace runback::cli {

namespace {

struct LogOptions {
  LogFlags flags;
  bool swelling = false, limp = false;
  bool replace = false;
  std::string format;
  CLI::Option* swelling_option = nullptr;
  CLI::Option* limp_option = nullptr;
};

std::string day_name(Date date, Date today) {
  if (date == today) return "today (" + format_date(date) + ")";
  if (date == today - std::chrono::days{1}) return "yesterday (" + format_date(date) + ")";
  return weekday_long(std::chrono::weekday{date}) + " " + format_date(date);
}

const char* const kRedFlagAdvice =
    "You logged a red flag: please stop running and see a physiotherapist or doctor. Once they "
    "clear you, record it with `runback clear --by \"NAME\" --date DATE` (the day they saw you).";

// With a person at the keyboard, asks for what the checkpoint needs and was not given.
Status ask_missing(Context& context, Store& store, std::int64_t runner_id, LogValues& values,
                   const LogVocabulary& vocabulary, Date session_date, Date morning_date,
                   Date today) {
  LogRow& session_row = values.session_row;
  LogRow& morning_row = values.morning_row;
  auto recorded_session = store.log_for(runner_id, session_date);
  auto recorded_morning = store.log_for(runner_id, morning_date);
  if (!recorded_session) return Error{recorded_session.error(), ErrorKind::io};
  if (!recorded_morning) return Error{recorded_morning.error(), ErrorKind::io};
  const bool same_day = session_date == morning_date;
  PromptPlan plan;
  plan.session_row = &session_row;
  plan.morning_row = same_day ? &session_row : &morning_row;
  if (same_day) {
    session_row.pain_next_morning = morning_row.pain_next_morning;
    session_row.stiffness_minutes = morning_row.stiffness_minutes;
    session_row.answers.insert(morning_row.answers.begin(), morning_row.answers.end());
    morning_row = LogRow{};
    if (session_date == today) plan.morning_row = nullptr;  // that morning has not come
  }
  plan.session_recorded = recorded_session->has_value() ? &**recorded_session : nullptr;
  plan.morning_recorded = recorded_morning->has_value() ? &**recorded_morning : nullptr;
  plan.session_day = day_name(session_date, today);
  plan.morning_day = (morning_date == today - std::chrono::days{1}
                          ? "yesterday's session"
                          : "the session of " + format_date(morning_date));
  plan.session_fields = vocabulary.questions.session;
  plan.morning_fields = vocabulary.questions.morning;
  // A limp and swelling are asked as questions of their own, never twice.
  for (const auto& flag : vocabulary.red_flags) {
    if (flag.id != "limp" && flag.id != "swelling") plan.red_flags.push_back(flag);
  }
  ask_missing_values(context.in, context.err, plan);
  add_symptom_red_flags(session_row, vocabulary.red_flags);
  return ok_status();
}

// The rows to record: the next morning's (when it is another day) and the session's.
Result<std::vector<LogRow>> rows_to_record(Store& store, std::int64_t runner_id, LogValues& values,
                                           Date session_date, Date morning_date) {
  LogRow& session_row = values.session_row;
  LogRow& morning_row = values.morning_row;
  session_row.date = session_date;
  morning_row.date = morning_date;
  if (session_date == morning_date) {
    if (morning_row.pain_next_morning)
      session_row.pain_next_morning = morning_row.pain_next_morning;
    if (morning_row.stiffness_minutes)
      session_row.stiffness_minutes = morning_row.stiffness_minutes;
    session_row.answers.insert(morning_row.answers.begin(), morning_row.answers.end());
    morning_row = LogRow{};
  }
  // Pain during or after a run means the run happened, unless the runner said otherwise now or
  // before (records.hpp: implied_session).
  if (!session_row.session && implied_session(session_row)) {
    auto recorded = store.log_for(runner_id, session_date);
    if (!recorded) return Error{recorded.error(), ErrorKind::io};
    if (!recorded->has_value() || !(*recorded)->session) {
      session_row.session = SessionOutcome::done;
    }
  }
  std::vector<LogRow> rows;
  if (!morning_row.empty()) rows.push_back(morning_row);
  if (!session_row.empty()) rows.push_back(session_row);
  return rows;
}

bool any_red_flag(const std::vector<LogRow>& rows) {
  return std::any_of(rows.begin(), rows.end(),
                     [](const LogRow& r) { return !r.red_flags.empty(); });
}

// Sessions logged before the programme's first day: kept, but no checkpoint is judged on them
// (day_walk.cpp), so a mistyped date would quietly count for nothing. A morning value there is
// the baseline a rise is measured from (this morning's, logged on the first day, is for the day
// before), and a red flag stops running whenever it was felt: neither is listed.
std::vector<Date> days_before_start(const std::vector<LogRow>& rows, Date start) {
  std::vector<Date> days;
  for (const LogRow& row : rows) {
    if (row.date < start && implied_session(row) && row.red_flags.empty()) {
      days.push_back(row.date);
    }
  }
  return days;
}

// A next-morning value logged for a day with no run, while an earlier run still waits for its
// own: most likely the morning after that run, logged under the day it was felt. It is kept (a
// morning's pain is worth having, and the next rise counts from it), and the runner is shown
// where the run's value goes.
struct MorningWithoutRun {
  Date day;             // the day it was logged for, with no run
  Date waiting_run;     // the run still waiting for its next-morning value
  std::string command;  // what logs that value
};

std::optional<MorningWithoutRun> morning_without_run(const Plan& plan,
                                                     const std::vector<LogRow>& rows,
                                                     const std::vector<CheckpointNews>& news) {
  const auto waiting = plan.status.waiting_for;
  if (!waiting) return std::nullopt;
  const bool morning_awaited =
      std::any_of(plan.status.missing.begin(), plan.status.missing.end(),
                  [](const std::string& m) { return m.find("morning") != std::string::npos; });
  if (!morning_awaited) return std::nullopt;
  for (const LogRow& row : rows) {
    if (!row.pain_next_morning && !row.stiffness_minutes) continue;
    if (row.date <= *waiting || implied_session(row)) continue;
    const bool a_session = std::any_of(news.begin(), news.end(),
                                       [&](const CheckpointNews& n) { return n.date == row.date; });
    if (a_session) continue;
    // The plan's own reminder for that morning when its days reach it (with the protocol's
    // questions), else the pain alone.
    LogField pain;
    pain.value = LogValue::pain_next_morning;
    Reminder morning{TimePoint::next_morning, *waiting, {pain}};
    for (const PlannedDay& day : plan.days) {
      for (const Reminder& r : day.reminders) {
        if (r.session_date == *waiting && r.when == TimePoint::next_morning) morning = r;
      }
    }
    return MorningWithoutRun{row.date, *waiting, runback_syntax().log_reminder(morning)};
  }
  return std::nullopt;
}

// A row of this command split into what it changed and what was already logged as given.
struct SplitRow {
  LogRow changed;
  LogRow unchanged;
};

SplitRow split_unchanged(const LogRow& row, const std::vector<LogConflict>& unchanged) {
  SplitRow out{row, LogRow{}};
  out.unchanged.date = row.date;
  const LogRow none{};
  const std::string answer_prefix = "answers.";
  for (const LogConflict& u : unchanged) {
    if (u.date != row.date) continue;
    if (u.field.starts_with(answer_prefix)) {
      const std::string key = u.field.substr(answer_prefix.size());
      out.unchanged.answers[key] = u.given;
      out.changed.answers.erase(key);
    } else {
      copy_scalar(out.unchanged, row, u.field);
      copy_scalar(out.changed, none, u.field);
    }
  }
  return out;
}

void print_json(Context& context, const std::string& runner_name, const std::vector<LogRow>& rows,
                const LogOutcome& outcome, const std::vector<CheckpointNews>& news,
                Date programme_start, const std::optional<MorningWithoutRun>& misplaced) {
  nlohmann::ordered_json doc;
  doc["schema"] = "runback.log/1";
  doc["runner"] = runner_name;
  doc["logged"] = nlohmann::ordered_json::array();
  for (const auto& row : rows) doc["logged"].push_back(log_row_json(row));
  doc["replaced"] = nlohmann::ordered_json::array();
  for (const auto& entry : outcome.replaced) doc["replaced"].push_back(audit_json(entry));
  doc["unchanged"] = nlohmann::ordered_json::array();
  for (const LogConflict& u : outcome.unchanged) {
    doc["unchanged"].push_back(
        {{"date", format_date(u.date)}, {"field", u.field}, {"value", u.recorded}});
  }
  doc["advice"] = any_red_flag(rows) ? nlohmann::ordered_json(kRedFlagAdvice) : nullptr;
  doc["before_start"] = nlohmann::ordered_json::array();
  for (Date d : days_before_start(rows, programme_start)) {
    doc["before_start"].push_back(format_date(d));
  }
  doc["morning_without_run"] = nullptr;
  if (misplaced) {
    doc["morning_without_run"] = {{"date", format_date(misplaced->day)},
                                  {"waiting_run", format_date(misplaced->waiting_run)},
                                  {"command", misplaced->command}};
  }
  doc["checkpoints"] = nlohmann::ordered_json::array();
  for (const CheckpointNews& n : news) {
    nlohmann::ordered_json c;
    c["date"] = format_date(n.date);
    c["decision"] = n.decision ? decision_json(*n.decision, runback_syntax()) : nullptr;
    c["unplanned"] = n.unplanned;
    c["still_to_log"] = nlohmann::ordered_json::array();
    for (const Reminder& r : n.still_to_log) {
      c["still_to_log"].push_back(
          {{"when", time_point_name(r.when)}, {"command", runback_syntax().log_reminder(r)}});
    }
    doc["checkpoints"].push_back(c);
  }
  context.out << doc.dump(2) << "\n";
}

// Fitted to the terminal as `week` and `today` are (a phone's is narrow); into a pipe or a file,
// one line a paragraph, as scripts read it.
TextLayout log_layout(const Context& context) {
  if (!context.out_is_terminal) return {};
  TextLayout layout = text_layout(context, LayoutOptions{});
  layout.colour = false;
  return layout;
}

void print_text(Context& context, const std::string& runner_name, const std::vector<LogRow>& rows,
                const LogOutcome& outcome, const std::vector<CheckpointNews>& news, Date today,
                Date programme_start, const std::optional<MorningWithoutRun>& misplaced) {
  TextWriter out(log_layout(context));
  for (const auto& row : rows) {
    const SplitRow split = split_unchanged(row, outcome.unchanged);
    if (!split.changed.empty()) {
      out.paragraph("Logged for " + runner_name + ", " + day_name(row.date, today) + ": " +
                    describe_log(split.changed) + ".");
    }
    if (!split.unchanged.empty()) {
      out.paragraph("Already logged for " + runner_name + ", " + day_name(row.date, today) + ": " +
                    describe_log(split.unchanged) + "; nothing changed.");
    }
  }
  for (Date d : days_before_start(rows, programme_start)) {
    out.paragraph("The session of " + format_date(d) + " is before this programme started (" +
                  weekday_long(std::chrono::weekday{programme_start}) + " " +
                  format_date(programme_start) +
                  "), so no checkpoint is judged on it; it stays in your history. If you meant a "
                  "day since the start, take it back with `runback withdraw " +
                  format_date(d) + "` and log it again.");
  }
  for (const auto& entry : outcome.replaced) {
    out.paragraph("Replaced " + entry.field + " for " + format_date(*entry.date) + ": '" +
                  entry.old_value.value_or("") + "' -> '" + entry.new_value.value_or("") +
                  "' (kept in the audit trail).");
  }
  if (misplaced) {
    out.paragraph(short_day(misplaced->day) +
                  " has no run logged, so a next-morning value for it judges no run (it is kept "
                  "in your history). The run of " +
                  short_day(misplaced->waiting_run) +
                  " still waits for its next-morning value; if this was the morning after that "
                  "run, log it there: `" +
                  misplaced->command + "`.");
  }
  bool stop_said = false;
  for (const CheckpointNews& n : news) {
    if (n.unplanned) {
      out.paragraph("No run was planned on " + format_date(n.date) +
                    "; it counts as a run all the same, and your rest days count from it.");
    }
    if (n.decision) out.paragraph(explanation_text(*n.decision, runback_syntax()));
    if (n.decision && n.decision->kind == DecisionKind::stop) stop_said = true;
    for (const Reminder& r : n.still_to_log) {
      const std::string when =
          std::string(r.when == TimePoint::next_morning ? "Tomorrow morning" : "Still to log") +
          ", for " + format_date(n.date) + ":";
      const std::string command = runback_syntax().log_reminder(r);
      if (out.layout().width > 0) {
        out.line_then_command(when, command, Tone::plain);
      } else {
        out.paragraph(when + " " + command);
      }
    }
  }
  if (any_red_flag(rows) && !stop_said) {  // no plan to speak for it (its protocol cannot be read)
    out.paragraph(kRedFlagAdvice);
  }
  context.out << out.str();
}

void run_log(Context& context, LogOptions& o) {
  const Date today = context.clock.today();
  // 1. Everything the command line says, checked before the database is opened for writing.
  if (o.swelling_option->count() > 0) o.flags.swelling = o.swelling;
  if (o.limp_option->count() > 0) o.flags.limp = o.limp;
  LogValues values = read_log_flags(o.flags, today);
  auto store = open_store(context, OpenMode::existing_only);
  if (!store) {
    for (const auto& e : values.errors) context.err << "runback: " << e << "\n";
    return;
  }
  auto runner = resolve_runner(context, *store);
  if (!runner) return;
  auto programme = store->active_programme(runner->id);
  if (!programme) return fail(context, ErrorKind::io, programme.error());
  if (!*programme) {
    return fail(context, ErrorKind::bad_input,
                runner->name +
                    " has no programme running: start one with `runback start "
                    "--protocol ID` before logging");
  }
  PlanSource source(context, &*store);
  auto protocol = source.protocol_for(**programme);
  std::string plugin_problem;
  const PlanExtension* extension = nullptr;
  if (protocol) {
    // Nothing is logged under a plugin other than the one the programme started with: its
    // questions and checks are not the ones the clinician chose.
    auto found = source.extension_for(**protocol, runner->name, **programme, &plugin_problem);
    if (!found) return fail(context, found.failure());
    extension = *found;
  }
  const LogVocabulary vocabulary = log_vocabulary(protocol ? *protocol : nullptr, extension,
                                                  **programme, values.date.value_or(today));
  // 2. Which day each value belongs to. The next-morning values are about the morning after a
  // session: without a DATE they are this morning's, for yesterday's session.
  check_log_values(values, o.flags, vocabulary, today);
  const Date session_date = values.date.value_or(today);
  const Date morning_date = values.date.value_or(today - std::chrono::days{1});
  if (!values.errors.empty()) {
    for (const auto& e : values.errors) context.err << "runback: " << e << "\n";
    context.err << "runback: nothing was logged (see `runback log --help`)\n";
    context.exit_code = exit_status(ErrorKind::bad_input);
    return;
  }

  // 3. Ask for what is missing when a person is at the keyboard.
  const bool given = !values.session_row.empty() || !values.morning_row.empty();
  if (context.in_is_terminal) {
    if (auto asked = ask_missing(context, *store, runner->id, values, vocabulary, session_date,
                                 morning_date, today);
        !asked) {
      return fail(context, asked.failure());
    }
  } else if (!given) {
    return fail(context, ErrorKind::bad_input,
                "nothing to log: give at least one value, e.g. `runback log --session done "
                "--pain-during 2` (see `runback log --help`)");
  }
  auto rows = rows_to_record(*store, runner->id, values, session_date, morning_date);
  if (!rows) return fail(context, rows.failure());
  if (rows->empty()) {
    context.err << "Nothing to log; nothing was changed.\n";
    return;
  }

  // 4. One transaction for every value.
  auto outcome = store->record_logs(runner->id, *rows, o.replace);
  if (!outcome) return fail(context, ErrorKind::io, outcome.error());
  if (!outcome->conflicts.empty()) {
    for (const auto& c : outcome->conflicts) {
      context.err << "runback: " << c.field << " for " << format_date(c.date)
                  << " is already logged as '" << c.recorded << "' (you gave '" << c.given
                  << "')\n";
    }
    context.err << "runback: nothing was logged. To correct a value, run the command again with "
                   "--replace (the old value is kept in the audit trail)\n";
    context.exit_code = exit_status(ErrorKind::conflict);
    return;
  }

  // 5. What the values mean against this protocol, at once: the checkpoint's decision (or what
  // it still waits for, with the command that logs it), from the same plan every view shows.
  std::vector<CheckpointNews> news;
  std::optional<MorningWithoutRun> misplaced;
  if (protocol) {
    auto records = store->records_for(runner->name);
    if (!records) return fail(context, ErrorKind::io, records.error());
    std::string problem;
    // The days logged (to say whether a run was planned) up to tomorrow (its morning's values).
    Date from = today - std::chrono::days{1};
    for (const LogRow& row : *rows) from = std::min(from, row.date);
    const int days = int((today - from).count()) + 2;
    auto planned = plan_for(source, *records, today, &problem, -1, from, days);
    if (planned) {
      news = checkpoint_news(planned->plan, *rows, today);
      misplaced = morning_without_run(planned->plan, *rows, news);
    }
    // What was logged is kept either way; the runner should know the checkpoint cannot be
    // judged yet.
    if (!problem.empty()) context.err << "runback: warning: " << problem << "\n";
  }
  if (o.format == "json") {
    print_json(context, runner->name, *rows, *outcome, news, (*programme)->start_date, misplaced);
  } else {
    print_text(context, runner->name, *rows, *outcome, news, today, (*programme)->start_date,
               misplaced);
  }
}

void declare_log_command(CLI::App& log, Context& context) {
  auto o = std::make_shared<LogOptions>();
  LogFlags& flags = o->flags;
  log.add_option("DATE", flags.date,
                 "The day (YYYY-MM-DD; default: today, and yesterday for the next-morning "
                 "values)");
  log.add_option("--session", flags.session, "How the session went: done, partial or skipped")
      ->type_name("OUTCOME");
  log.add_option("--pain-warmup", flags.pain_warmup,
                 "Pain in the warm-up, 0-10 (asked when the protocol uses it)")
      ->type_name("N");
  log.add_option("--pain-during", flags.pain_during, "Pain during the run, 0-10")->type_name("N");
  log.add_option("--pain-after", flags.pain_after, "Pain after the run, 0-10")->type_name("N");
  log.add_option("--pain-morning", flags.pain_morning,
                 "Pain the next morning, 0-10 (without DATE: this morning, for yesterday)")
      ->type_name("N");
  log.add_option("--stiffness-min", flags.stiffness,
                 "Morning stiffness in minutes (without DATE: this morning, for yesterday)")
      ->type_name("N");
  o->swelling_option = log.add_flag("--swelling,!--no-swelling", o->swelling, "Swelling (or none)");
  o->limp_option = log.add_flag("--limp,!--no-limp", o->limp, "A limp (or none)");
  log.add_option("--red-flag", flags.red_flags, "A red flag (repeatable)")->type_name("NAME");
  log.add_option("--answer", flags.answers,
                 "An answer to a plugin's checkpoint question (repeatable), checked before "
                 "anything is written: a number in the question's range, yes or no (also "
                 "y/n, true/false, 1/0), or one of the question's choices")
      ->type_name("KEY=VALUE");
  log.add_option("--note", flags.note, "A note, kept as typed")->type_name("TEXT");
  log.add_flag("--replace", o->replace,
               "Replace values already logged (the old ones are kept in the audit trail)");
  add_format_option(log, o->format, {Format::text, Format::json});
  log.callback([&context, o] { run_log(context, *o); });
}

}  // namespace

void register_log_command(CLI::App& app, Context& context) {
  add_command(app, "log", "Log how a session went and how you feel",
              [&context](CLI::App& command) { declare_log_command(command, context); });
}

}  // namespace runback::cli
