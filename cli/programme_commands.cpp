// `runback start` records a programme with a snapshot of the protocol as it is today, and
// `runback program upgrade` moves a running programme to the protocol's current text (or a
// file's), showing what changes first.

#include <CLI/CLI.hpp>
#include <charconv>
#include <filesystem>

#include "add_command.hpp"
#include "plugin_host_for.hpp"
#include "protocol/catalog.hpp"
#include "protocol/describe.hpp"
#include "protocol/loader.hpp"
#include "protocol/protocol_diff.hpp"
#include "record_commands.hpp"
#include "record_output.hpp"

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
    context.out << doc.dump(2) << "\n";
    return;
  }
  context.out << "Started " << protocol->title << " (" << protocol->id << " " << protocol->version
              << ") for " << runner_name << ", from "
              << weekday_long(std::chrono::weekday{programme.start_date}) << " "
              << format_date(programme.start_date) << ".\n";
  context.out << "First stage: " << *stage + 1 << " of " << protocol->stages.size() << ", "
              << first.name << ": " << describe_session(first.session) << ".\n";
  if (!protocol->entry_criteria.empty()) {
    context.out << "\nBefore your first run, check that you can say yes to each of these:\n";
    for (const auto& c : protocol->entry_criteria) context.out << "  - " << c.text << "\n";
    context.out << "If not, wait, keep up your exercises, and ask your physiotherapist.\n";
  }
  context.out << "\nAfter each run: `runback log --session done --pain-during N --pain-after N`;"
                 " the next morning: `runback log --pain-morning N`.\n";
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
  } else {
    context.out << "\nNothing was changed. To switch, run `runback program upgrade "
                << (o.protocol.empty() ? "" : "--protocol " + o.protocol + " ") << "--yes`.\n";
  }
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
    add_command(program, "upgrade",
                "Show how the protocol changed since the programme started; --yes to switch",
                [&context](CLI::App& upgrade) { declare_upgrade(upgrade, context); });
  });
}

}  // namespace runback::cli
