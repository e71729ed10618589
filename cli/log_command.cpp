// `runback log`: what the runner felt, for a day. Everything is checked before the database is
// touched; a value already logged changes only with --replace, and the old one is audited.

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "add_command.hpp"
#include "log_prompt.hpp"
#include "plan/log_fields.hpp"
#include "plan_source.hpp"
#include "protocol/loader.hpp"
#include "protocol/safety.hpp"
#include "record_commands.hpp"
#include "record_output.hpp"
#include "report/plan_json.hpp"
#include "report/plan_text.hpp"
#include "util/suggest.hpp"

namespace runback::cli {

namespace {

struct LogOptions {
  std::string date;
  std::string session;
  std::string pain_during, pain_after, pain_morning, stiffness;
  bool swelling = false, limp = false;
  std::vector<std::string> red_flags;
  std::vector<std::string> answers;
  std::string note;
  bool replace = false;
  std::string format = "table";
  CLI::Option* swelling_option = nullptr;
  CLI::Option* limp_option = nullptr;
  CLI::Option* note_option = nullptr;
};

const char* const kPainScale = "a whole number from 0 (no pain) to 10 (worst imaginable)";

Result<std::optional<int>> parse_pain_flag(const std::string& flag, const std::string& text,
                                           int max, const char* scale) {
  if (text.empty()) return std::optional<int>();
  if (auto value = parse_score(text, max)) return std::optional<int>(*value);
  const bool numeric = text.find_first_not_of("-+0123456789") == std::string::npos;
  return Error{flag + ": '" + text + "' is " + (numeric ? "outside the scale" : "not a number") +
               "; give " + scale};
}

// The core's red flags, then the programme's own, from the protocol as it was started.
std::vector<KnownRedFlag> known_red_flags(const Protocol* protocol) {
  std::vector<KnownRedFlag> flags;
  for (const auto& flag : safety::kBuiltInRedFlags) {
    flags.push_back({std::string(flag.id), std::string(flag.text)});
  }
  if (!protocol) return flags;
  for (const auto& flag : protocol->red_flags) {
    if (flag.built_in) continue;
    flags.push_back({flag.id, flag.text});
  }
  return flags;
}

bool has_flag(const std::vector<KnownRedFlag>& flags, const std::string& id) {
  return std::any_of(flags.begin(), flags.end(), [&](const KnownRedFlag& f) { return f.id == id; });
}

// The plugin's questions as the checkpoint asks them, after the run and the next morning.
struct Questions {
  std::vector<LogField> session, morning;
  bool known = false;  // false: the protocol's plugin is not available, answers are unchecked
};

Questions plugin_questions(const Protocol& protocol, const PlanExtension* extension,
                           const Programme& programme, Date date, bool everything) {
  Questions out;
  const NeededLogs needed = everything ? NeededLogs{true, true, true, true} : needed_logs(protocol);
  std::vector<CheckpointQuestion> asked;
  out.known = !everything && (!protocol.plugin || extension);
  if (extension) {
    const std::vector<DayLog> no_logs;
    const std::vector<CheckpointSummary> no_checkpoints;
    auto questions = extension->questions(
        ExtensionContext{protocol, programme, date, 0, 0, no_logs, no_checkpoints, 0});
    if (questions.ok()) {
      asked = std::move(*questions);
    } else {
      out.known = false;
    }
  }
  out.session = checkpoint_fields(protocol, needed, asked, TimePoint::during);
  out.morning = checkpoint_fields(protocol, needed, asked, TimePoint::next_morning);
  return out;
}

const LogField* find_answer(const Questions& questions, const std::string& key, bool* morning) {
  for (const auto* list : {&questions.session, &questions.morning}) {
    for (const LogField& field : *list) {
      if (field.value == LogValue::answer && field.answer_key == key) {
        *morning = list == &questions.morning;
        return &field;
      }
    }
  }
  return nullptr;
}

std::string day_name(Date date, Date today) {
  if (date == today) return "today (" + format_date(date) + ")";
  if (date == today - std::chrono::days{1}) return "yesterday (" + format_date(date) + ")";
  return weekday_long(std::chrono::weekday{date}) + " " + format_date(date);
}

const char* const kRedFlagAdvice =
    "You logged a red flag: please stop running and see a physiotherapist or doctor. Once they "
    "clear you, record it with `runback clear --by \"NAME\" --date DATE` (the day they saw you).";

// What a log means for the checkpoint of a session it touched.
struct CheckpointNews {
  Date date;
  std::optional<Decision> decision;    // the decision of that session (may be `waiting`)
  std::vector<Reminder> still_to_log;  // what the checkpoint still waits for
  bool unplanned = false;              // a run logged on a day the plan had none
};

std::vector<CheckpointNews> checkpoint_news(const Plan& plan, const std::vector<LogRow>& rows,
                                            Date today) {
  std::vector<CheckpointNews> news;
  for (const LogRow& row : rows) {
    CheckpointNews n{row.date, {}, {}, false};
    for (const Decision& d : plan.decisions) {
      if (d.date == row.date && is_checkpoint(d.kind)) n.decision = d;
    }
    if (!n.decision) continue;
    for (const PlannedDay& day : plan.days) {
      if (day.date == row.date && day.run) n.unplanned = day.run->unplanned;
      if (day.date != today) continue;
      for (const Reminder& r : day.reminders) {
        if (r.session_date == row.date) n.still_to_log.push_back(r);
      }
    }
    if (n.decision->kind == DecisionKind::waiting && row.date == today) {
      // Tomorrow's reminder is on tomorrow's day in the plan.
      for (const PlannedDay& day : plan.days) {
        if (day.date != today + std::chrono::days{1}) continue;
        for (const Reminder& r : day.reminders) {
          if (r.session_date == row.date) n.still_to_log.push_back(r);
        }
      }
    }
    if (n.decision->kind != DecisionKind::waiting) n.still_to_log.clear();
    news.push_back(std::move(n));
  }
  return news;
}

void run_log(Context& context, LogOptions& o) {
  const Date today = context.clock.today();
  std::vector<std::string> errors;
  auto check = [&](auto result) {
    if (!result) errors.push_back(result.error());
    return result;
  };

  // 1. Everything the command line says, checked before the database is opened for writing.
  std::optional<Date> date;
  if (!o.date.empty()) {
    auto parsed = parse_date(o.date);
    if (!parsed) {
      errors.push_back("DATE: " + parsed.error());
    } else if (*parsed > today) {
      errors.push_back("DATE: " + o.date + " is in the future (today is " + format_date(today) +
                       "); a log is for a day that has happened");
    } else {
      date = *parsed;
    }
  }
  LogRow session_row{}, morning_row{};
  std::map<std::string, std::string> raw_answers;
  if (!o.session.empty()) {
    session_row.session = parse_session(o.session);
    if (!session_row.session) {
      errors.push_back("--session: '" + o.session + "' is not one of: done, partial, skipped");
    }
  }
  if (auto v = check(parse_pain_flag("--pain-during", o.pain_during, 10, kPainScale))) {
    session_row.pain_during = *v;
  }
  if (auto v = check(parse_pain_flag("--pain-after", o.pain_after, 10, kPainScale))) {
    session_row.pain_after = *v;
  }
  if (auto v = check(parse_pain_flag("--pain-morning", o.pain_morning, 10, kPainScale))) {
    morning_row.pain_next_morning = *v;
  }
  if (auto v = check(parse_pain_flag("--stiffness-min", o.stiffness, kMaxStiffnessMinutes,
                                     "a whole number of minutes from 0 to 1440"))) {
    morning_row.stiffness_minutes = *v;
  }
  if (o.swelling_option->count() > 0) session_row.swelling = o.swelling;
  if (o.limp_option->count() > 0) session_row.limp = o.limp;
  for (const auto& answer : o.answers) {
    const auto eq = answer.find('=');
    const std::string key = answer.substr(0, eq);
    if (eq == std::string::npos || !is_valid_id(key)) {
      errors.push_back("--answer: '" + answer +
                       "' is not KEY=VALUE with a KEY of a-z, 0-9, - and _ (e.g. "
                       "--answer hop_test=pain-free)");
      continue;
    }
    if (raw_answers.count(key)) {
      errors.push_back("--answer: '" + key + "' is given twice");
      continue;
    }
    raw_answers[key] = answer.substr(eq + 1);
  }
  if (o.note_option->count() > 0 && !o.note.empty()) session_row.note = o.note;

  auto store = open_store(context, OpenMode::existing_only);
  if (!store) {
    for (const auto& e : errors) context.err << "runback: " << e << "\n";
    return;
  }
  auto runner = resolve_runner(context, *store);
  if (!runner) return;
  auto programme = store->active_programme(runner->id);
  if (!programme) return fail(context, kExitFailure, programme.error());
  if (!*programme) {
    return fail(context, kExitBadInput,
                runner->name +
                    " has no programme running: start one with `runback start "
                    "--protocol ID` before logging");
  }
  PlanSource source(context, &*store);
  auto protocol = source.protocol_for(**programme);
  std::string plugin_problem;
  const PlanExtension* extension =
      protocol ? source.extension_for(**protocol, &plugin_problem) : nullptr;
  // A protocol that can no longer be read: ask for every value the core knows.
  const Protocol fallback;
  const Questions questions = plugin_questions(protocol ? **protocol : fallback, extension,
                                               **programme, date.value_or(today), !protocol);
  const auto flags = known_red_flags(protocol ? *protocol : nullptr);
  std::vector<std::string> flag_ids;
  for (const auto& f : flags) flag_ids.push_back(f.id);
  for (const auto& flag : o.red_flags) {
    if (std::find(flag_ids.begin(), flag_ids.end(), flag) == flag_ids.end()) {
      std::string list;
      for (const auto& id : flag_ids) list += (list.empty() ? "" : ", ") + id;
      errors.push_back("--red-flag: '" + flag + "' is not a red flag of this programme" +
                       did_you_mean(flag, flag_ids) + ". Known red flags: " + list);
    } else if (std::find(session_row.red_flags.begin(), session_row.red_flags.end(), flag) ==
               session_row.red_flags.end()) {
      session_row.red_flags.push_back(flag);
    }
  }
  // Answers are checked against the plugin's questions: the key, and a value of the right kind
  // in range. A morning question's answer belongs to the session it follows.
  std::vector<std::pair<std::string, std::string>> morning_answers;
  for (const auto& [key, value] : raw_answers) {
    if (!questions.known) {
      session_row.answers[key] = value;
      continue;
    }
    bool morning = false;
    const LogField* field = find_answer(questions, key, &morning);
    if (!field) {
      std::vector<std::string> keys;
      for (const auto* list : {&questions.session, &questions.morning}) {
        for (const LogField& f : *list) {
          if (f.value == LogValue::answer) keys.push_back(f.answer_key);
        }
      }
      std::string list;
      for (const auto& k : keys) list += (list.empty() ? "" : ", ") + k;
      errors.push_back(
          "--answer: '" + key + "' is not a question of this programme" + did_you_mean(key, keys) +
          (keys.empty() ? std::string(" (its protocol asks none)") : ". Its questions: " + list));
      continue;
    }
    auto parsed = parse_answer(*field, value);
    if (!parsed) {
      errors.push_back("--answer: " + key + "='" + value + "' is not " + answer_scale(*field) +
                       " (" + field->what + ")");
      continue;
    }
    if (morning) {
      morning_answers.emplace_back(key, *parsed);
    } else {
      session_row.answers[key] = *parsed;
    }
  }
  // A limp or swelling that this protocol lists as a red flag is that red flag.
  for (const auto& [given, id] : {std::pair{session_row.limp, std::string("limp")},
                                  std::pair{session_row.swelling, std::string("swelling")}}) {
    if (given == true && has_flag(flags, id) &&
        std::find(session_row.red_flags.begin(), session_row.red_flags.end(), id) ==
            session_row.red_flags.end()) {
      session_row.red_flags.push_back(id);
    }
  }

  // 2. Which day each value belongs to. The next-morning values are about the morning after a
  // session: without a DATE they are this morning's, for yesterday's session.
  const Date session_date = date.value_or(today);
  const Date morning_date = date.value_or(today - std::chrono::days{1});
  if (date && *date == today && (morning_row.pain_next_morning || morning_row.stiffness_minutes)) {
    errors.push_back(
        std::string(morning_row.pain_next_morning ? "--pain-morning" : "--stiffness-min") +
        ": the morning after " + format_date(today) +
        " has not come yet; log it tomorrow (without a DATE it goes to the day "
        "before)");
  }
  if (!errors.empty()) {
    for (const auto& e : errors) context.err << "runback: " << e << "\n";
    context.err << "runback: nothing was logged (see `runback log --help`)\n";
    context.exit_code = kExitBadInput;
    return;
  }

  for (auto& [key, value] : morning_answers) morning_row.answers[key] = value;

  // 3. Ask for what is missing when a person is at the keyboard.
  const bool given = !session_row.empty() || !morning_row.empty();
  if (isatty(STDIN_FILENO)) {
    auto recorded_session = store->log_for(runner->id, session_date);
    auto recorded_morning = store->log_for(runner->id, morning_date);
    if (!recorded_session) return fail(context, kExitFailure, recorded_session.error());
    if (!recorded_morning) return fail(context, kExitFailure, recorded_morning.error());
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
    plan.session_fields = questions.session;
    plan.morning_fields = questions.morning;
    // A limp and swelling are asked as questions of their own, never twice.
    for (const auto& flag : flags) {
      if (flag.id != "limp" && flag.id != "swelling") plan.red_flags.push_back(flag);
    }
    ask_missing_values(std::cin, context.err, plan);
    for (const auto& [given_value, id] :
         {std::pair{session_row.limp, std::string("limp")},
          std::pair{session_row.swelling, std::string("swelling")}}) {
      if (given_value == true && has_flag(flags, id) &&
          std::find(session_row.red_flags.begin(), session_row.red_flags.end(), id) ==
              session_row.red_flags.end()) {
        session_row.red_flags.push_back(id);
      }
    }
  } else if (!given) {
    return fail(context, kExitBadInput,
                "nothing to log: give at least one value, e.g. `runback log --session done "
                "--pain-during 2` (see `runback log --help`)");
  }

  std::vector<LogRow> rows;
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
  if (!session_row.session && (session_row.pain_during || session_row.pain_after)) {
    auto recorded = store->log_for(runner->id, session_date);
    if (!recorded) return fail(context, kExitFailure, recorded.error());
    if (!recorded->has_value() || !(*recorded)->session) {
      session_row.session = SessionOutcome::done;
    }
  }
  if (!morning_row.empty()) rows.push_back(morning_row);
  if (!session_row.empty()) rows.push_back(session_row);
  if (rows.empty()) {
    context.err << "Nothing to log; nothing was changed.\n";
    return;
  }

  // 4. One transaction for every value.
  auto outcome = store->record_logs(runner->id, rows, o.replace);
  if (!outcome) return fail(context, kExitFailure, outcome.error());
  if (!outcome->conflicts.empty()) {
    for (const auto& c : outcome->conflicts) {
      context.err << "runback: " << c.field << " for " << format_date(c.date)
                  << " is already logged as '" << c.recorded << "' (you gave '" << c.given
                  << "')\n";
    }
    context.err << "runback: nothing was logged. To correct a value, run the command again with "
                   "--replace (the old value is kept in the audit trail)\n";
    context.exit_code = kExitBadInput;
    return;
  }

  // 5. What the values mean against this protocol, at once: the checkpoint's decision (or what
  // it still waits for, with the command that logs it), from the same plan every view shows.
  std::vector<CheckpointNews> news;
  if (protocol) {
    auto records = store->records_for(runner->name);
    if (!records) return fail(context, kExitFailure, records.error());
    std::string problem;
    // The days logged (to say whether a run was planned) up to tomorrow (its morning's values).
    Date from = today - std::chrono::days{1};
    for (const LogRow& row : rows) from = std::min(from, row.date);
    const int days = int((today - from).count()) + 2;
    auto planned = plan_for(source, *records, today, &problem, -1, from, days);
    if (planned) news = checkpoint_news(planned->plan, rows, today);
  }

  if (o.format == "json") {
    nlohmann::ordered_json doc;
    doc["schema"] = "runback.log/1";
    doc["runner"] = runner->name;
    doc["logged"] = nlohmann::ordered_json::array();
    for (const auto& row : rows) doc["logged"].push_back(log_row_json(row));
    doc["replaced"] = nlohmann::ordered_json::array();
    for (const auto& entry : outcome->replaced) doc["replaced"].push_back(audit_json(entry));
    const bool flagged =
        std::any_of(rows.begin(), rows.end(), [](const LogRow& r) { return !r.red_flags.empty(); });
    doc["advice"] = flagged ? nlohmann::ordered_json(kRedFlagAdvice) : nullptr;
    doc["checkpoints"] = nlohmann::ordered_json::array();
    for (const CheckpointNews& n : news) {
      nlohmann::ordered_json c;
      c["date"] = format_date(n.date);
      c["decision"] = n.decision ? decision_json(*n.decision) : nullptr;
      c["unplanned"] = n.unplanned;
      c["still_to_log"] = nlohmann::ordered_json::array();
      for (const Reminder& r : n.still_to_log) {
        c["still_to_log"].push_back(
            {{"when", time_point_name(r.when)}, {"command", log_command(r)}});
      }
      doc["checkpoints"].push_back(c);
    }
    context.out << doc.dump(2) << "\n";
    return;
  }
  for (const auto& row : rows) {
    context.out << "Logged for " << runner->name << ", " << day_name(row.date, today) << ": "
                << describe_log(row) << ".\n";
  }
  for (const auto& entry : outcome->replaced) {
    context.out << "Replaced " << entry.field << " for " << format_date(*entry.date) << ": '"
                << entry.old_value.value_or("") << "' -> '" << entry.new_value.value_or("")
                << "' (kept in the audit trail).\n";
  }
  bool stop_said = false;
  for (const CheckpointNews& n : news) {
    if (n.unplanned) {
      context.out << "No run was planned on " << format_date(n.date)
                  << "; it counts as a run all the same, and your rest days count from it.\n";
    }
    if (n.decision) context.out << n.decision->explanation << "\n";
    if (n.decision && n.decision->kind == DecisionKind::stop) stop_said = true;
    for (const Reminder& r : n.still_to_log) {
      context.out << (r.when == TimePoint::next_morning ? "Tomorrow morning" : "Still to log")
                  << ", for " << format_date(n.date) << ": " << log_command(r) << "\n";
    }
  }
  const bool flagged =
      std::any_of(rows.begin(), rows.end(), [](const LogRow& r) { return !r.red_flags.empty(); });
  if (flagged && !stop_said) {  // no plan to speak for it (its protocol cannot be read)
    context.out << kRedFlagAdvice << "\n";
  }
}

void declare_log_command(CLI::App& command, Context& context) {
  auto options = std::make_shared<LogOptions>();
  CLI::App* log = &command;
  log->add_option("DATE", options->date,
                  "The day (YYYY-MM-DD; default: today, and yesterday for the next-morning "
                  "values)");
  log->add_option("--session", options->session, "How the session went: done, partial or skipped")
      ->type_name("OUTCOME");
  log->add_option("--pain-during", options->pain_during, "Pain during the run, 0-10")
      ->type_name("N");
  log->add_option("--pain-after", options->pain_after, "Pain after the run, 0-10")->type_name("N");
  log->add_option("--pain-morning", options->pain_morning,
                  "Pain the next morning, 0-10 (without DATE: this morning, for yesterday)")
      ->type_name("N");
  log->add_option("--stiffness-min", options->stiffness,
                  "Morning stiffness in minutes (without DATE: this morning, for yesterday)")
      ->type_name("N");
  options->swelling_option =
      log->add_flag("--swelling,!--no-swelling", options->swelling, "Swelling (or none)");
  options->limp_option = log->add_flag("--limp,!--no-limp", options->limp, "A limp (or none)");
  log->add_option("--red-flag", options->red_flags, "A red flag (repeatable)")->type_name("NAME");
  log->add_option("--answer", options->answers,
                  "An answer to a plugin's checkpoint question (repeatable)")
      ->type_name("KEY=VALUE");
  options->note_option =
      log->add_option("--note", options->note, "A note, kept as typed")->type_name("TEXT");
  log->add_flag("--replace", options->replace,
                "Replace values already logged (the old ones are kept in the audit trail)");
  log->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"table", "json"}));
  log->callback([&context, options] { run_log(context, *options); });
}

}  // namespace

void register_log_command(CLI::App& app, Context& context) {
  add_command(app, "log", "Log how a session went and how you feel",
              [&context](CLI::App& command) { declare_log_command(command, context); });
}

}  // namespace runback::cli
