// The record commands: log, clear, withdraw, history, runners, decisions, start, program
// upgrade, export, import.
// This file holds the small ones and registers the rest from their own files.

#include "record_commands.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iomanip>
#include <map>
#include <sstream>

#include "add_command.hpp"
#include "context.hpp"
#include "date_range.hpp"
#include "decision_history.hpp"
#include "plan/planner.hpp"
#include "plan_source.hpp"
#include "protocol/describe.hpp"
#include "record_output.hpp"
#include "report/decision_list.hpp"
#include "report/decision_words.hpp"
#include "report/plan_json.hpp"
#include "runback_syntax.hpp"
#include "util/csv.hpp"

namespace runback::cli {

namespace {

struct HistoryOptions {
  std::string from, to, format;
  bool decisions = false;
};

std::string cell(const std::optional<int>& v) {
  return v ? std::to_string(*v) : "-";
}
std::string cell(const std::optional<bool>& v) {
  return v ? (*v ? "yes" : "no") : "-";
}

// `history --decisions`: the plan of the runner's whole history, and each logged day's stage and
// decisions (decision_history.hpp).
struct HistoryDecisions {
  RunnerPlan planned;
  std::map<Date, DayDecisions> by_day;

  const DayDecisions* on(Date date) const {
    auto it = by_day.find(date);
    return it == by_day.end() ? nullptr : &it->second;
  }
  std::string stage(Date date) const {
    const DayDecisions* day = on(date);
    return day && day->stage ? std::to_string(*day->stage + 1) : "-";
  }
  std::string summary(Date date) const {
    std::string out;
    if (const DayDecisions* day = on(date)) {
      for (const Decision* d : day->decided) {
        out += (out.empty() ? "" : "; ") + decision_summary(*planned.protocol, *d);
      }
    }
    return out;
  }
  std::string reasons(Date date) const {
    std::string out;
    if (const DayDecisions* day = on(date)) {
      for (const Decision* d : day->decided) {
        out += (out.empty() ? "" : " ") + explanation_text(*d, runback_syntax());
      }
    }
    return out;
  }
};

// `source` holds the protocol the plan points at: it outlives the answer.
std::optional<HistoryDecisions> history_decisions(Context& context, Store& store,
                                                  PlanSource& source) {
  auto records = store.records_for(context.runner);
  if (!records) {
    fail(context, ErrorKind::bad_input, "--decisions: " + records.error());
    return std::nullopt;
  }
  std::string problem;
  auto planned = plan_every_decision(source, *records, context.clock.today(), &problem);
  if (!problem.empty()) context.err << "runback: warning: " << problem << "\n";
  if (!planned) {
    fail(context, ErrorKind::io, planned.error());
    return std::nullopt;
  }
  HistoryDecisions out{std::move(*planned), {}};
  out.by_day = decisions_by_log(out.planned.plan, records->programme, records->logs);
  return out;
}

void run_history(Context& context, const HistoryOptions& o) {
  const auto range = parse_date_range(context, o.from, o.to);
  if (!range) return;
  const std::optional<Date> from = range->from, to = range->to;
  auto store = open_store(context, OpenMode::existing_only);
  if (!store) return;
  auto runner = resolve_runner(context, *store);
  if (!runner) return;
  auto clearances = store->clearances(runner->id, from, to);
  if (!clearances) return fail(context, ErrorKind::io, clearances.error());
  std::optional<PlanSource> source;
  std::optional<HistoryDecisions> decided;
  if (o.decisions) {
    source.emplace(context, &*store);
    decided = history_decisions(context, *store, *source);
    if (!decided) return;
  }

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
      if (decided) {
        out.pop_back();  // the log's closing brace: its stage and decisions go inside
        out += ",\"stage\":";
        const std::string stage = decided->stage(row.date);
        out += stage == "-" ? "null" : stage;
        out += ",\"decisions\":[";
        if (const DayDecisions* day = decided->on(row.date)) {
          for (std::size_t i = 0; i < day->decided.size(); ++i) {
            nlohmann::ordered_json j = decision_json(*day->decided[i], runback_syntax());
            j["summary"] = decision_summary(*decided->planned.protocol, *day->decided[i]);
            out += (i == 0 ? "" : ",") + j.dump();
          }
        }
        out += "]}";
      }
    });
    out += first ? "],\n" : "\n  ],\n";
    nlohmann::ordered_json cleared = nlohmann::ordered_json::array();
    for (const auto& c : *clearances) cleared.push_back(clearance_json(c));
    out += "  \"clearances\": " + cleared.dump() + "\n}\n";
  } else if (o.format == "csv") {
    std::vector<std::string_view> header = {"date",
                                            "session",
                                            "pain_during",
                                            "pain_after",
                                            "pain_next_morning",
                                            "stiffness_minutes",
                                            "swelling",
                                            "limp",
                                            "red_flags",
                                            "answers",
                                            "note",
                                            "pain_warmup"};
    if (decided) header.insert(header.end(), {"stage", "decision", "reason"});
    append_csv_record(out, header);
    status = store->for_each_log(runner->id, from, to, [&](const std::string&, const LogRow& row) {
      auto number = [](const std::optional<int>& v) { return v ? std::to_string(*v) : ""; };
      auto flag = [](const std::optional<bool>& v) { return v ? (*v ? "1" : "0") : ""; };
      const std::string date = format_date(row.date);
      const std::string session = row.session ? session_outcome_name(*row.session) : "";
      const std::string d = number(row.pain_during), a = number(row.pain_after),
                        m = number(row.pain_next_morning), s = number(row.stiffness_minutes);
      const std::string flags = join_red_flags(row.red_flags),
                        answers = answers_to_json(row.answers);
      const std::string swelling = flag(row.swelling), limp = flag(row.limp),
                        warmup = number(row.pain_warmup), note = row.note.value_or("");
      std::vector<std::string_view> fields = {date,     session, d,     a,       m,    s,
                                              swelling, limp,    flags, answers, note, warmup};
      std::string stage, summary, reasons;
      if (decided) {
        stage = decided->stage(row.date);
        if (stage == "-") stage.clear();
        summary = decided->summary(row.date);
        reasons = decided->reasons(row.date);
        fields.insert(fields.end(), {stage, summary, reasons});
      }
      append_csv_record(out, fields);
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
        table << "Date        Day  " << (decided ? "Stage  " : "")
              << "Session  During  After  Morning  Stiffness  Swelling  Limp  "
              << (decided ? "Decision; details" : "Details") << "\n";
      }
      std::string details;
      auto add = [&](const std::string& part) { details += (details.empty() ? "" : "; ") + part; };
      if (row.pain_warmup) add("warm-up " + std::to_string(*row.pain_warmup) + "/10");
      for (const auto& flag : row.red_flags) add("RED FLAG " + flag);
      for (const auto& [key, value] : row.answers) add(key + "=" + value);
      if (row.note) add(*row.note);
      if (decided) {
        const std::string summary = decided->summary(row.date);
        if (!summary.empty()) details = summary + (details.empty() ? "" : "; " + details);
      }
      table << format_date(row.date) << "  " << std::left << std::setw(5)
            << weekday_short(std::chrono::weekday{row.date}) << std::setw(decided ? 7 : 0)
            << (decided ? decided->stage(row.date) : "") << std::setw(9)
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

}  // namespace

void register_record_commands(CLI::App& app, Context& context) {
  register_log_command(app, context);

  register_clear_command(app, context);
  register_withdraw_command(app, context);

  add_command(app, "history", "Show what you logged", [&context](CLI::App& history) {
    auto options = std::make_shared<HistoryOptions>();
    history.add_option("--from", options->from, "First day (YYYY-MM-DD)")->type_name("DATE");
    history.add_option("--to", options->to, "Last day (YYYY-MM-DD)")->type_name("DATE");
    history.add_flag("--decisions", options->decisions,
                     "Beside each log, the stage the runner was at and what was decided that day "
                     "(the reasons: `runback decisions`)");
    add_format_option(history, options->format, {Format::text, Format::csv, Format::json});
    history.callback([&context, options] { run_history(context, *options); });
  });

  register_runners_command(app, context);
  register_decisions_command(app, context);

  register_start_command(app, context);
  register_programme_commands(app, context);
  register_transfer_commands(app, context);
}

}  // namespace runback::cli
