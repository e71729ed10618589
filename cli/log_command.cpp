// `runback log`: what the runner felt, for a day. Everything is checked before the database is
// touched; a value already logged changes only with --replace, and the old one is audited.

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "add_command.hpp"
#include "log_prompt.hpp"
#include "protocol/loader.hpp"
#include "protocol/safety.hpp"
#include "record_commands.hpp"
#include "record_output.hpp"
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
std::vector<KnownRedFlag> known_red_flags(const std::optional<Programme>& programme) {
  std::vector<KnownRedFlag> flags;
  for (const auto& flag : safety::kBuiltInRedFlags) {
    flags.push_back({std::string(flag.id), std::string(flag.text)});
  }
  if (!programme) return flags;
  const LoadResult loaded =
      load_protocol_text(programme->protocol_snapshot, programme->protocol_id + " (as started)");
  if (!loaded.protocol) return flags;
  for (const auto& flag : loaded.protocol->red_flags) {
    if (flag.built_in) continue;
    flags.push_back({flag.id, flag.text});
  }
  return flags;
}

std::string day_name(Date date, Date today) {
  if (date == today) return "today (" + format_date(date) + ")";
  if (date == today - std::chrono::days{1}) return "yesterday (" + format_date(date) + ")";
  return weekday_long(std::chrono::weekday{date}) + " " + format_date(date);
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
    if (session_row.answers.count(key)) {
      errors.push_back("--answer: '" + key + "' is given twice");
      continue;
    }
    session_row.answers[key] = answer.substr(eq + 1);
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
  const auto flags = known_red_flags(*programme);
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
      morning_row = LogRow{};
      if (session_date == today) plan.morning_row = nullptr;  // that morning has not come
    }
    plan.session_recorded = recorded_session->has_value() ? &**recorded_session : nullptr;
    plan.morning_recorded = recorded_morning->has_value() ? &**recorded_morning : nullptr;
    plan.session_day = day_name(session_date, today);
    plan.morning_day = (morning_date == today - std::chrono::days{1}
                            ? "yesterday's session"
                            : "the session of " + format_date(morning_date));
    plan.red_flags = flags;
    ask_missing_values(std::cin, context.err, plan);
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
    morning_row = LogRow{};
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

  if (o.format == "json") {
    nlohmann::ordered_json doc;
    doc["schema"] = "runback.log/1";
    doc["runner"] = runner->name;
    doc["logged"] = nlohmann::ordered_json::array();
    for (const auto& row : rows) doc["logged"].push_back(log_row_json(row));
    doc["replaced"] = nlohmann::ordered_json::array();
    for (const auto& entry : outcome->replaced) doc["replaced"].push_back(audit_json(entry));
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
  if (std::any_of(rows.begin(), rows.end(), [](const LogRow& r) { return !r.red_flags.empty(); })) {
    context.out << "You logged a red flag: please stop running and see a physiotherapist or "
                   "doctor. Once they clear you, record it with `runback clear --by NAME`.\n";
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
