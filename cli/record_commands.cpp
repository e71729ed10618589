// The record commands: log, clear, withdraw, history, runners, start, program upgrade, export,
// import.
// This file holds the small ones and registers the rest from their own files.

#include "record_commands.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iomanip>
#include <map>
#include <sstream>

#include "add_command.hpp"
#include "context.hpp"
#include "plan/planner.hpp"
#include "plan_source.hpp"
#include "protocol/describe.hpp"
#include "record_output.hpp"
#include "report/plan_json.hpp"
#include "runback_syntax.hpp"
#include "util/csv.hpp"

namespace runback::cli {

namespace {

struct HistoryOptions {
  std::string from, to, format;
};

std::string cell(const std::optional<int>& v) {
  return v ? std::to_string(*v) : "-";
}
std::string cell(const std::optional<bool>& v) {
  return v ? (*v ? "yes" : "no") : "-";
}

void run_history(Context& context, const HistoryOptions& o) {
  std::optional<Date> from, to;
  std::vector<std::string> errors;
  for (auto [flag, text, out] :
       {std::tuple{"--from", &o.from, &from}, std::tuple{"--to", &o.to, &to}}) {
    if (text->empty()) continue;
    auto date = parse_date(*text);
    if (!date) {
      errors.push_back(std::string(flag) + ": " + date.error());
    } else {
      *out = *date;
    }
  }
  if (from && to && *from > *to) errors.push_back("--from: " + o.from + " is after --to " + o.to);
  if (!errors.empty()) {
    for (const auto& e : errors) context.err << "runback: " << e << "\n";
    context.exit_code = exit_status(ErrorKind::bad_input);
    return;
  }
  auto store = open_store(context, OpenMode::existing_only);
  if (!store) return;
  auto runner = resolve_runner(context, *store);
  if (!runner) return;
  auto clearances = store->clearances(runner->id, from, to);
  if (!clearances) return fail(context, ErrorKind::io, clearances.error());

  std::string out;
  Status status = ok_status();
  if (o.format == "json") {
    // Written directly rather than through a JSON tree: years of daily logs stay quick. One
    // log per line.
    nlohmann::ordered_json head;
    head["schema"] = "runback.history/1";
    head["runner"] = runner->name;
    head["from"] = from ? nlohmann::ordered_json(format_date(*from)) : nullptr;
    head["to"] = to ? nlohmann::ordered_json(format_date(*to)) : nullptr;
    out = head.dump(2);
    out.pop_back();  // the closing brace
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    out += ",\n  \"logs\": [";
    bool first = true;
    status = store->for_each_log(runner->id, from, to, [&](const std::string&, const LogRow& row) {
      out += first ? "\n    " : ",\n    ";
      first = false;
      append_log_row_json(out, row);
    });
    out += first ? "],\n" : "\n  ],\n";
    nlohmann::ordered_json cleared = nlohmann::ordered_json::array();
    for (const auto& c : *clearances) cleared.push_back(clearance_json(c));
    out += "  \"clearances\": " + cleared.dump() + "\n}\n";
  } else if (o.format == "csv") {
    append_csv_record(out, {"date", "session", "pain_during", "pain_after", "pain_next_morning",
                            "stiffness_minutes", "swelling", "limp", "red_flags", "answers", "note",
                            "pain_warmup"});
    status = store->for_each_log(runner->id, from, to, [&](const std::string&, const LogRow& row) {
      auto number = [](const std::optional<int>& v) { return v ? std::to_string(*v) : ""; };
      auto flag = [](const std::optional<bool>& v) { return v ? (*v ? "1" : "0") : ""; };
      const std::string date = format_date(row.date);
      const std::string session = row.session ? session_outcome_name(*row.session) : "";
      const std::string d = number(row.pain_during), a = number(row.pain_after),
                        m = number(row.pain_next_morning), s = number(row.stiffness_minutes);
      const std::string flags = join_red_flags(row.red_flags),
                        answers = answers_to_json(row.answers);
      append_csv_record(out, {date, session, d, a, m, s, flag(row.swelling), flag(row.limp), flags,
                              answers, row.note.value_or(""), number(row.pain_warmup)});
    });
  } else {
    std::ostringstream table;
    table << "History for " << runner->name;
    if (from || to) {
      table << " (" << (from ? format_date(*from) : "start") << " to "
            << (to ? format_date(*to) : "today") << ")";
    }
    table << "\n";
    std::size_t rows = 0;
    status = store->for_each_log(runner->id, from, to, [&](const std::string&, const LogRow& row) {
      if (rows++ == 0) {
        table << "Date        Day  Session  During  After  Morning  Stiffness  Swelling  Limp  "
                 "Details\n";
      }
      std::string details;
      if (row.pain_warmup) details += "warm-up " + std::to_string(*row.pain_warmup) + "/10; ";
      for (const auto& flag : row.red_flags) details += "RED FLAG " + flag + "; ";
      for (const auto& [key, value] : row.answers) details += key + "=" + value + "; ";
      if (row.note) details += *row.note;
      table << format_date(row.date) << "  " << std::left << std::setw(5)
            << weekday_short(std::chrono::weekday{row.date}) << std::setw(9)
            << (row.session ? session_outcome_name(*row.session) : "-") << std::setw(8)
            << cell(row.pain_during) << std::setw(7) << cell(row.pain_after) << std::setw(9)
            << cell(row.pain_next_morning) << std::setw(11) << cell(row.stiffness_minutes)
            << std::setw(10) << cell(row.swelling) << std::setw(6) << cell(row.limp) << details
            << "\n";
    });
    if (rows == 0) table << "Nothing logged" << (from || to ? " in that range" : " yet") << ".\n";
    for (const auto& c : *clearances) {
      table << "Cleared to run on " << format_date(c.date) << " by " << c.by
            << (c.note.empty() ? "" : ": " + c.note) << "\n";
    }
    out = table.str();
  }
  if (!status) return fail(context, ErrorKind::io, status.error());
  context.out << out;
}

// Where each runner stands today, by name, from the same plan `status` and `week` print: the
// stage ("3 of 13", "complete", "3 of 13, stopped") and the status as JSON.
struct Standing {
  std::string stage;
  nlohmann::ordered_json status;
  std::string next_run;
};

std::map<std::string, Standing> current_standings(Context& context, Store& store) {
  std::map<std::string, Standing> standings;
  PlanSource source(context, &store);
  const Date today = context.clock.today();
  // One runner at a time: a caseload need not sit in memory to be listed.
  auto status = store.for_each_active_records([&](RunnerRecords&& records) {
    auto protocol = source.protocol_for(records.programme);
    if (!protocol) return;
    std::string problem;
    const PlanExtension* extension = source.extension_for(**protocol, &problem);
    const PlanRequest request{**protocol,
                              extension,
                              records.programme,
                              records.logs,
                              records.clearances,
                              today,
                              today,
                              0,
                              730,
                              1,
                              false};
    const Plan plan = make_plan(request);
    const PlanStatus& s = plan.status;
    std::string text = std::to_string(s.stage_index + 1) + " of " + std::to_string(s.stage_count);
    if (s.complete) text = "complete";
    if (s.stopped) text += ", stopped";
    if (s.waiting_for) text += ", waiting";
    standings[records.runner.name] = {
        text, standing_json(**protocol, plan, runback_syntax()),
        plan.next_run ? format_date(*plan.next_run) : std::string("-")};
  });
  if (!status) return {};
  return standings;
}

void run_runners(Context& context, const std::string& format) {
  auto path = resolve_db_path(context.env, context.db_path);
  if (!path) return fail(context, ErrorKind::bad_input, path.error());
  std::vector<RunnerSummary> caseload;
  std::map<std::string, Standing> stages;
  auto store = Store::open(*path, OpenMode::existing_only);
  if (store) {
    auto loaded = store->caseload();
    if (!loaded) return fail(context, ErrorKind::io, loaded.error());
    caseload = std::move(*loaded);
    stages = current_standings(context, *store);
  } else if (store.error_kind() != ErrorKind::not_found) {  // no database yet: no runners
    return fail(context, store.failure());
  }
  if (format == "json") {
    nlohmann::ordered_json doc;
    doc["schema"] = "runback.runners/1";
    doc["runners"] = nlohmann::ordered_json::array();
    for (const auto& s : caseload) {
      nlohmann::ordered_json j;
      j["name"] = s.runner.name;
      j["programme"] = s.programme ? programme_json(*s.programme, false) : nullptr;
      const auto stage = stages.find(s.runner.name);
      j["stage"] = stage == stages.end() ? nullptr : nlohmann::ordered_json(stage->second.stage);
      j["status"] = stage == stages.end() ? nullptr : stage->second.status;
      j["last_log"] = s.last_log ? nlohmann::ordered_json(format_date(*s.last_log)) : nullptr;
      j["log_count"] = s.log_count;
      doc["runners"].push_back(j);
    }
    context.out << doc.dump(2) << "\n";
    return;
  }
  if (caseload.empty()) {
    context.out << "No runners yet: start a programme with `runback start --protocol ID --runner "
                   "NAME`.\n";
    return;
  }
  std::size_t width = 6;
  for (const auto& s : caseload) width = std::max(width, s.runner.name.size());
  context.out << std::left << std::setw(int(width + 2)) << "Runner" << std::setw(28) << "Protocol"
              << std::setw(12) << "Started" << std::setw(18) << "Stage" << std::setw(12)
              << "Last log" << std::setw(12) << "Next run"
              << "Logs\n";
  for (const auto& s : caseload) {
    context.out << std::setw(int(width + 2)) << s.runner.name;
    if (s.programme) {
      context.out << std::setw(28)
                  << (s.programme->protocol_id + " " + s.programme->protocol_version)
                  << std::setw(12) << format_date(s.programme->start_date) << std::setw(18)
                  << (stages.count(s.runner.name) ? stages.at(s.runner.name).stage : "?");
    } else {
      context.out << std::setw(58) << "(no programme)";
    }
    context.out << std::setw(12) << (s.last_log ? format_date(*s.last_log) : "-") << std::setw(12)
                << (stages.count(s.runner.name) ? stages.at(s.runner.name).next_run : "-")
                << s.log_count << "\n";
  }
}

}  // namespace

void register_record_commands(CLI::App& app, Context& context) {
  register_log_command(app, context);

  register_clear_command(app, context);
  register_withdraw_command(app, context);

  add_command(app, "history", "Show what you logged", [&context](CLI::App& history) {
    auto options = std::make_shared<HistoryOptions>();
    history.add_option("--from", options->from, "First day (YYYY-MM-DD)")->type_name("DATE");
    history.add_option("--to", options->to, "Last day (YYYY-MM-DD)")->type_name("DATE");
    add_format_option(history, options->format, {Format::text, Format::csv, Format::json});
    history.callback([&context, options] { run_history(context, *options); });
  });

  add_command(app, "runners",
              "List the runners in the database (a caseload): programme, start, last log",
              [&context](CLI::App& runners) {
                auto format = std::make_shared<std::string>();
                add_format_option(runners, *format, {Format::text, Format::json});
                runners.callback([&context, format] { run_runners(context, *format); });
              });

  register_start_command(app, context);
  register_programme_commands(app, context);
  register_transfer_commands(app, context);
}

}  // namespace runback::cli
