// `runback start` records a programme with a snapshot of the protocol as it is today, and
// `runback program upgrade` moves a running programme to the protocol's current text (or a
// file's), showing what changes first.

#include <CLI/CLI.hpp>
#include <charconv>
#include <filesystem>

#include <unistd.h>

#include <iostream>

#include "add_command.hpp"
#include "log_prompt.hpp"
#include "plan/checkpoint.hpp"
#include "plan_source.hpp"
#include "plugin_host_for.hpp"
#include "protocol/catalog.hpp"
#include "protocol/describe.hpp"
#include "protocol/loader.hpp"
#include "protocol/protocol_diff.hpp"
#include "record_commands.hpp"
#include "record_output.hpp"
#include "report/plan_json.hpp"
#include "report/run_day_warnings.hpp"
#include "report/standing_text.hpp"

namespace runback::cli {

namespace {

// The name a runner gets when they do not give one and the database has none yet.
constexpr const char* kDefaultRunnerName = "me";

void print_diagnostics(Context& context, const LoadResult& result) {
  for (const auto& d : result.diagnostics) {
    if (d.where.file.empty()) {
      context.err << "runback: " << severity_name(d.severity) << ": " << d.message << "\n";
    } else {
      context.err << format_diagnostic(d) << "\n";
    }
  }
}

std::optional<Protocol> load_by_id(Context& context, const std::string& id, const char* flag) {
  const auto dirs =
      protocol_search_dirs(context.fs, context.env, context.protocol_dirs, context.executable_path);
  LoadResult result = find_protocol(context.fs, dirs, id);
  print_diagnostics(context, result);
  if (!result.protocol) {
    fail(context, kExitBadInput,
         std::string(flag) + ": cannot use '" + id +
             "' (see above; `runback protocol list` "
             "shows the protocols)");
    return std::nullopt;
  }
  return std::move(*result.protocol);
}

struct StartOptions {
  std::string protocol, start, stage, entry_test, days, format = "table";
  std::string usual_pain, usual_stiffness;
  std::vector<std::string> params;
  bool replace = false;
};

Result<int> choose_stage(const Protocol& protocol, const StartOptions& o) {
  const int count = int(protocol.stages.size());
  if (!o.stage.empty()) {
    int n = 0;
    const auto [end, ec] = std::from_chars(o.stage.data(), o.stage.data() + o.stage.size(), n);
    if (ec != std::errc() || end != o.stage.data() + o.stage.size() || n < 1 || n > count) {
      return Error{"--stage: '" + o.stage + "' is not a stage of " + protocol.id +
                   "; give a number from 1 to " + std::to_string(count)};
    }
    return n - 1;
  }
  if (!o.entry_test.empty()) {
    if (!protocol.start.entry_test) {
      return Error{"--entry-test: " + protocol.id + " has no entry test; give --stage N (1 to " +
                   std::to_string(count) + ") or leave both out to start at its first stage"};
    }
    const EntryTest& test = *protocol.start.entry_test;
    double value = 0;
    const auto [end, ec] =
        std::from_chars(o.entry_test.data(), o.entry_test.data() + o.entry_test.size(), value);
    if (ec != std::errc() || end != o.entry_test.data() + o.entry_test.size() || value < 0) {
      return Error{"--entry-test: '" + o.entry_test + "' is not a number from 0 (" + test.question +
                   ", in " + test.unit + ")"};
    }
    int index = -1;
    for (const auto& band : test.bands) {
      if (value >= band.at_least) index = protocol.stage_index(band.stage);
    }
    if (index < 0)
      return Error{"--entry-test: no band of " + protocol.id + " covers " + o.entry_test};
    return index;
  }
  if (!protocol.start.default_stage.empty()) {
    const int index = protocol.stage_index(protocol.start.default_stage);
    if (index >= 0) return index;
  }
  return 0;
}

// The runner's usual pain (and morning stiffness, when the protocol's rules use it): the
// baseline a rise is measured from. Given by flag, or asked on a terminal; never assumed.
Status usual_values(Context& context, const Protocol& protocol, const StartOptions& o,
                    Programme& programme) {
  struct Value {
    const char* flag;
    const std::string& text;
    std::optional<int>& out;
    int max;
    const char* question;
    const char* scale;
  };
  const bool stiffness = needed_logs(protocol).stiffness;
  std::vector<Value> values = {
      {"--usual-pain", o.usual_pain, programme.usual_pain, 10,
       "Your usual pain on an ordinary day at the moment, before any running (0 = none, 10 = "
       "worst imaginable)?",
       "a whole number from 0 (no pain) to 10 (worst imaginable); 0 if you have none. A rise in "
       "pain is measured from it"}};
  if (stiffness || !o.usual_stiffness.empty()) {
    values.push_back({"--usual-stiffness", o.usual_stiffness, programme.usual_stiffness_minutes,
                      1440, "Your usual morning stiffness at the moment, in minutes (0 if none)?",
                      "a whole number of minutes from 0 to 1440; 0 if you have none"});
  }
  const bool terminal = isatty(STDIN_FILENO);
  for (Value& v : values) {
    if (!v.text.empty()) {
      v.out = parse_score(v.text, v.max);
      if (!v.out) return Error{std::string(v.flag) + ": '" + v.text + "' is not " + v.scale};
      continue;
    }
    while (terminal && !v.out) {
      context.err << v.question << " " << std::flush;
      std::string line;
      if (!std::getline(std::cin, line)) break;
      v.out = parse_score(line, v.max);
      if (!v.out) context.err << "  Please give " << v.scale << ".\n";
    }
    if (!v.out) {
      return Error{std::string(v.flag) + ": give your usual " +
                   (v.max == 10 ? "pain" : "morning stiffness") + " before starting, " + v.scale +
                   " (e.g. " + v.flag + " 1)"};
    }
  }
  return ok_status();
}

void run_start(Context& context, const StartOptions& o) {
  std::vector<std::string> errors;
  Programme programme;
  programme.start_date = context.clock.today();
  if (!o.start.empty()) {
    auto date = parse_date(o.start);
    if (!date) {
      errors.push_back("--start: " + date.error());
    } else {
      programme.start_date = *date;
    }
  }
  for (const auto& param : o.params) {
    const auto eq = param.find('=');
    const std::string key = param.substr(0, eq);
    if (eq == std::string::npos || !is_valid_id(key)) {
      errors.push_back("--param: '" + param +
                       "' is not KEY=VALUE with a KEY of a-z, 0-9, - and _ (e.g. "
                       "--param baseline_cadence=168)");
    } else if (programme.params.count(key)) {
      errors.push_back("--param: '" + key + "' is given twice");
    } else {
      programme.params[key] = param.substr(eq + 1);
    }
  }
  if (!o.days.empty()) {
    auto days = parse_run_days(o.days);
    if (!days) {
      errors.push_back("--days: " + days.error() + " (e.g. --days mon,wed,fri)");
    } else {
      programme.run_days = std::move(*days);
    }
  }
  if (!errors.empty()) {
    for (const auto& e : errors) context.err << "runback: " << e << "\n";
    context.exit_code = kExitBadInput;
    return;
  }
  auto protocol = load_by_id(context, o.protocol, "--protocol");
  if (!protocol) return;
  auto stage = choose_stage(*protocol, o);
  if (!stage) return fail(context, kExitBadInput, stage.error());
  if (auto usual = usual_values(context, *protocol, o, programme); !usual) {
    return fail(context, kExitBadInput, usual.error());
  }
  const std::vector<std::string> day_warnings = run_day_warnings(*protocol, programme.run_days);

  programme.protocol_id = protocol->id;
  programme.protocol_version = protocol->version;
  programme.protocol_snapshot = protocol->source_text;
  auto plugin = protocol_plugin(context, *protocol);
  if (!plugin) return fail(context, kExitFailure, plugin.error());
  if (*plugin) {
    programme.plugin_name = (*plugin)->name();
    programme.plugin_version = (*plugin)->version();
    const auto problems = (*plugin)->check_programme_params(programme.params);
    for (const auto& problem : problems) context.err << "runback: " << problem << "\n";
    if (!problems.empty()) {
      context.exit_code = kExitBadInput;
      return;
    }
  } else if (!programme.params.empty()) {
    return fail(context, kExitBadInput,
                "--param: " + protocol->id +
                    " uses no plugin, so it takes no programme parameters (got '" +
                    programme.params.begin()->first + "')");
  }
  programme.starting_stage = *stage;

  auto store = open_store(context, OpenMode::create_if_missing);
  if (!store) return;
  std::string runner_name = context.runner;
  if (runner_name.empty()) {
    auto runners = store->runners();
    if (!runners) return fail(context, kExitFailure, runners.error());
    if (runners->size() > 1) {
      return fail(context, kExitBadInput,
                  "this database holds several runners: say whose programme this is with "
                  "--runner NAME");
    }
    runner_name = runners->empty() ? kDefaultRunnerName : runners->front().name;
  }
  auto started = store->start_programme(runner_name, programme, o.replace);
  if (!started) {
    const bool conflict = started.error().find("already follows") != std::string::npos;
    return fail(context, conflict ? kExitBadInput : kExitFailure, started.error());
  }
  const Stage& first = protocol->stages[std::size_t(*stage)];
  auto records = store->records_for(runner_name);
  if (!records) return fail(context, kExitFailure, records.error());
  PlanSource source(context, &*store);
  std::string problem;
  auto planned =
      plan_for(source, *records, std::max(context.clock.today(), programme.start_date), &problem);
  if (!planned) return fail(context, kExitFailure, planned.error());
  if (o.format == "json") {
    nlohmann::ordered_json doc;
    doc["schema"] = "runback.start/1";
    doc["runner"] = runner_name;
    doc["database"] = store->path();
    doc["programme"] = programme_json(*started, false);
    doc["stage"] = {{"number", *stage + 1}, {"id", first.id}, {"name", first.name}};
    doc["entry_criteria"] = nlohmann::ordered_json::array();
    for (const auto& c : protocol->entry_criteria) {
      doc["entry_criteria"].push_back({{"id", c.id}, {"text", c.text}});
    }
    doc["red_flags"] = red_flags_json(*protocol);
    doc["warnings"] = day_warnings;
    doc["status"] = standing_json(*protocol, planned->plan);
    context.out << doc.dump(2) << "\n";
    return;
  }
  for (const auto& warning : day_warnings) context.out << "Note: " << warning << "\n";
  context.out << "Started " << protocol->title << " (" << protocol->id << " " << protocol->version
              << ") for " << runner_name << ", from "
              << weekday_long(std::chrono::weekday{programme.start_date}) << " "
              << format_date(programme.start_date) << ".\n";
  context.out << "Your usual pain: " << *programme.usual_pain
              << "/10. A rise in pain is measured from it until you log a next-morning value.\n";
  context.out << standing_text(*protocol, planned->plan, context.clock.today());
  context.out << "First session: " << describe_session(first.session) << ".\n";
  if (!protocol->entry_criteria.empty()) {
    context.out << "\nBefore your first run, check that you can say yes to each of these:\n";
    for (const auto& c : protocol->entry_criteria) context.out << "  - " << c.text << "\n";
    context.out << "If not, wait, keep up your exercises, and ask your physiotherapist.\n";
  }
  context.out << "\n" << red_flags_text(*protocol);
  context.out << "\n`runback week` shows your week, with the exact `runback log` command for "
                 "each run and each next morning.\n";
}

struct UpgradeOptions {
  bool yes = false;
  std::string protocol;  // a file or an id; empty: the programme's protocol id
  std::string format = "table";
};

// The changes in words. `old` is the text the programme started with, loaded now (null when it
// no longer loads: then only what the programme itself records can be compared).
std::vector<std::string> changes_from(const Programme& current, const Protocol* old,
                                      const Protocol& next) {
  if (old) return protocol_changes(*old, next);
  std::vector<std::string> changes;
  if (current.protocol_version != next.version) {
    changes.push_back("version " + current.protocol_version + " -> " + next.version);
  }
  const std::string next_plugin = next.plugin ? next.plugin->name : "none";
  const std::string old_plugin = current.plugin_name.empty() ? "none" : current.plugin_name;
  if (old_plugin != next_plugin) changes.push_back("plugin: " + old_plugin + " -> " + next_plugin);
  changes.push_back("(the version you started no longer loads, so only the text diff is shown)");
  return changes;
}

void run_upgrade(Context& context, const UpgradeOptions& o) {
  auto store = open_store(context, OpenMode::existing_only);
  if (!store) return;
  auto runner = resolve_runner(context, *store);
  if (!runner) return;
  auto current = store->active_programme(runner->id);
  if (!current) return fail(context, kExitFailure, current.error());
  if (!*current) {
    return fail(context, kExitBadInput,
                runner->name +
                    " has no programme running: start one with `runback start "
                    "--protocol ID`");
  }
  const Programme& programme = **current;
  auto next = o.protocol.empty() ? load_by_id(context, programme.protocol_id, "program upgrade")
                                 : load_by_id(context, o.protocol, "--protocol");
  if (!next) return;
  if (next->id != programme.protocol_id) {
    return fail(context, kExitBadInput,
                "--protocol: " + o.protocol + " is the protocol '" + next->id + "', but " +
                    runner->name + "'s programme follows '" + programme.protocol_id +
                    "'; an upgrade keeps to the same protocol (to change protocols, start again "
                    "with `runback start --replace`)");
  }
  const bool same = next->source_text == programme.protocol_snapshot;
  std::vector<std::string> changes, diff, warnings;
  StartingStage start{programme.starting_stage, ""};
  if (!same) {
    const LoadResult as_started = load_protocol_text(programme.protocol_snapshot, "as started");
    const Protocol* old = as_started.protocol ? &*as_started.protocol : nullptr;
    changes = changes_from(programme, old, *next);
    warnings =
        protocol_change_warnings(programme.protocol_snapshot, programme.protocol_version, *next);
    diff = line_diff(programme.protocol_snapshot, next->source_text);
    auto mapped = starting_stage_in(programme.starting_stage, old, *next);
    if (!mapped) return fail(context, kExitBadInput, mapped.error());
    start = *mapped;
    if (!start.note.empty()) changes.push_back(start.note);
  }
  const bool switched = !same && o.yes;
  if (switched) {
    Status done = store->upgrade_programme(runner->id, next->version, next->source_text,
                                           next->plugin ? next->plugin->name : "",
                                           /*plugin_version=*/"", start.index);
    if (!done) return fail(context, kExitFailure, done.error());
  }
  // Where the runner stands now, under the text they follow after this command.
  std::optional<RunnerPlan> standing;  // its protocol lives in `source`
  PlanSource source(context, &*store);
  if (auto records = store->records_for(runner->name); records) {
    std::string problem;
    if (auto planned = plan_for(source, *records, context.clock.today(), &problem)) {
      standing = std::move(*planned);
    }
  }
  if (o.format == "json") {
    nlohmann::ordered_json doc;
    doc["schema"] = "runback.program-upgrade/1";
    doc["runner"] = runner->name;
    doc["protocol_id"] = next->id;
    doc["from_version"] = programme.protocol_version;
    doc["to_version"] = next->version;
    doc["up_to_date"] = same;
    doc["switched"] = switched;
    doc["starting_stage"] = {{"from", programme.starting_stage + 1}, {"to", start.index + 1}};
    doc["changes"] = changes;
    doc["warnings"] = warnings;
    doc["diff"] = diff;
    doc["status"] = standing ? standing_json(*standing->protocol, standing->plan) : nullptr;
    context.out << doc.dump(2) << "\n";
    return;
  }
  if (same) {
    context.out << runner->name << " already follows this text of " << next->id << " ("
                << next->version << "); nothing to upgrade.\n";
    return;
  }
  context.out << "Changes from the " << next->id << " " << runner->name << " started with to its "
              << "text in " << next->source_path << ":\n";
  for (const auto& c : changes) context.out << "  - " << c << "\n";
  if (changes.empty()) {
    context.out << "  - none to the rules, stages or limits; the lines below show what changed\n";
  }
  for (const auto& w : warnings) context.out << "\nWarning: " << w << ".\n";
  context.out << "\nLine by line (- as started, + now):\n";
  for (const auto& line : diff) context.out << "  " << line << "\n";
  if (switched) {
    context.out << "\nSwitched " << runner->name << " to " << next->id << " " << next->version
                << ". The old text is kept in the audit trail.\n";
    if (standing) {
      context.out << standing_text(*standing->protocol, standing->plan, context.clock.today());
    }
  } else {
    context.out << "\nNothing was changed. To switch, run `runback program upgrade "
                << (o.protocol.empty() ? "" : "--protocol " + o.protocol + " ") << "--yes`.\n";
  }
}

struct DaysOptions {
  std::string days, from, format = "table";
};

void run_days_change(Context& context, const DaysOptions& o) {
  std::vector<std::string> errors;
  auto days = parse_run_days(o.days);
  if (!days) errors.push_back("DAYS: " + days.error() + " (e.g. mon,wed,fri)");
  std::optional<Date> from;
  if (!o.from.empty()) {
    auto parsed = parse_date(o.from);
    if (!parsed) {
      errors.push_back("--from: " + parsed.error());
    } else {
      from = *parsed;
    }
  }
  if (!errors.empty()) {
    for (const auto& e : errors) context.err << "runback: " << e << "\n";
    context.exit_code = kExitBadInput;
    return;
  }
  auto store = open_store(context, OpenMode::existing_only);
  if (!store) return;
  auto runner = resolve_runner(context, *store);
  if (!runner) return;
  auto records = store->records_for(runner->name);
  if (!records) return fail(context, kExitBadInput, records.error());
  PlanSource source(context, &*store);
  auto protocol = source.protocol_for(records->programme);
  if (!protocol) return fail(context, kExitFailure, protocol.error());
  const Date on = from.value_or(context.clock.today());
  auto changed = store->change_run_days(runner->id, on, *days);
  if (!changed) return fail(context, kExitFailure, changed.error());
  records->programme = *changed;
  std::string problem;
  auto planned = plan_for(source, *records, context.clock.today(), &problem);
  if (!planned) return fail(context, kExitFailure, planned.error());
  const auto warnings = run_day_warnings(**protocol, *days);
  if (o.format == "json") {
    nlohmann::ordered_json doc;
    doc["schema"] = "runback.program-days/1";
    doc["runner"] = runner->name;
    doc["from"] = format_date(std::max(on, changed->start_date));
    doc["programme"] = programme_json(*changed, false);
    doc["warnings"] = warnings;
    doc["status"] = standing_json(**protocol, planned->plan);
    context.out << doc.dump(2) << "\n";
    return;
  }
  for (const auto& warning : warnings) context.out << "Note: " << warning << "\n";
  context.out << runner->name << "'s run days from "
              << format_date(std::max(on, changed->start_date)) << ": "
              << (o.days.empty() ? "spread out by the protocol" : run_days_text(*days))
              << ". Days before that keep the days they were planned with.\n";
  context.out << standing_text(**protocol, planned->plan, context.clock.today());
}

void declare_start(CLI::App& command, Context& context) {
  auto start_options = std::make_shared<StartOptions>();
  CLI::App* start = &command;
  start->add_option("--protocol", start_options->protocol, "The protocol's id (or file)")
      ->type_name("ID")
      ->required();
  start->add_option("--start", start_options->start, "The first day (YYYY-MM-DD; default: today)")
      ->type_name("DATE");
  auto* stage =
      start->add_option("--stage", start_options->stage, "Start at this stage (1 = the first)")
          ->type_name("N");
  start
      ->add_option("--entry-test", start_options->entry_test,
                   "Your result in the protocol's entry test; picks the starting stage")
      ->type_name("VALUE")
      ->excludes(stage);
  start
      ->add_option("--param", start_options->params,
                   "A programme parameter, e.g. baseline_cadence=168 (repeatable)")
      ->type_name("KEY=VALUE");
  start->add_option("--days", start_options->days, "Preferred run days, e.g. mon,wed,fri")
      ->type_name("DAYS");
  start
      ->add_option("--usual-pain", start_options->usual_pain,
                   "Your usual pain before starting, 0-10 (asked on a terminal when left out)")
      ->type_name("N");
  start
      ->add_option("--usual-stiffness", start_options->usual_stiffness,
                   "Your usual morning stiffness in minutes (asked when the protocol uses it)")
      ->type_name("MIN");
  start->add_flag("--replace", start_options->replace,
                  "Replace the runner's current programme (it is kept as history)");
  start->add_option("--format", start_options->format, "Output format")
      ->check(CLI::IsMember({"table", "json"}));
  start->callback([&context, start_options] { run_start(context, *start_options); });
}

void declare_upgrade(CLI::App& command, Context& context) {
  auto upgrade_options = std::make_shared<UpgradeOptions>();
  CLI::App* upgrade = &command;
  upgrade->add_flag("--yes", upgrade_options->yes, "Switch to the protocol's current text");
  upgrade
      ->add_option("--protocol", upgrade_options->protocol,
                   "The new text: a file, or an id looked up as `runback start` does (default: "
                   "the programme's protocol id)")
      ->type_name("FILE_OR_ID");
  upgrade->add_option("--format", upgrade_options->format, "Output format")
      ->check(CLI::IsMember({"table", "json"}));
  upgrade->callback([&context, upgrade_options] { run_upgrade(context, *upgrade_options); });
}

}  // namespace

void register_programme_commands(CLI::App& app, Context& context) {
  add_command(app, "start", "Start a programme from a protocol",
              [&context](CLI::App& start) { declare_start(start, context); });
  add_command(app, "program", "Manage the running programme", [&context](CLI::App& program) {
    program.require_subcommand(1);
    add_command(program, "days",
                "Change your run days from a date on (the programme goes on where it is)",
                [&context](CLI::App& days) {
                  auto options = std::make_shared<DaysOptions>();
                  days.add_option("DAYS", options->days, "Preferred run days, e.g. mon,wed,fri")
                      ->required();
                  days.add_option("--from", options->from,
                                  "The first day with the new run days (YYYY-MM-DD; default: "
                                  "today)")
                      ->type_name("DATE");
                  days.add_option("--format", options->format, "Output format")
                      ->check(CLI::IsMember({"table", "json"}));
                  days.callback([&context, options] { run_days_change(context, *options); });
                });
    add_command(program, "upgrade",
                "Show how the protocol changed since the programme started; --yes to switch",
                [&context](CLI::App& upgrade) { declare_upgrade(upgrade, context); });
  });
}

}  // namespace runback::cli
