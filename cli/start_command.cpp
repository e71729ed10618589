// `runback start` records a programme with a snapshot of the protocol as it is today, at the
// stage the runner starts at (records/starting_stage.hpp), with their usual pain as the baseline.

#include <CLI/CLI.hpp>
#include <iostream>

#include "add_command.hpp"
#include "log_prompt.hpp"
#include "plan/checkpoint.hpp"
#include "plan_source.hpp"
#include "plugin_host_for.hpp"
#include "protocol/describe.hpp"
#include "protocol/personalise.hpp"
#include "protocol_lookup.hpp"
#include "record_commands.hpp"
#include "record_output.hpp"
#include "records/starting_stage.hpp"
#include "report/plan_json.hpp"
#include "report/run_day_warnings.hpp"
#include "report/standing_text.hpp"
#include "runback_syntax.hpp"
#include "start_choices.hpp"

namespace runback::cli {

namespace {

// The name a runner gets when they do not give one and the database has none yet.
constexpr const char* kDefaultRunnerName = "me";

struct StartOptions {
  std::string protocol, start, days, format;
  StartingStageRequest stage;
  std::string usual_pain, usual_stiffness;
  std::string goal, option;  // format 2: `--goal 3mi`, `--option treadmill`
  std::vector<std::string> params;
  bool replace = false;
};

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
  const bool terminal = context.in_is_terminal;
  for (Value& v : values) {
    if (!v.text.empty()) {
      v.out = parse_score(v.text, v.max);
      if (!v.out) return Error{std::string(v.flag) + ": '" + v.text + "' is not " + v.scale};
      continue;
    }
    while (terminal && !v.out) {
      context.err << v.question << " " << std::flush;
      std::string line;
      if (!std::getline(context.in, line)) break;
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

// The programme the flags describe, every problem with them listed.
std::vector<std::string> read_flags(const StartOptions& o, Programme& programme) {
  std::vector<std::string> errors;
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
  return errors;
}

// The runner from --runner, else the only one, else the default name for a first runner.
std::optional<std::string> runner_to_start(Context& context, Store& store) {
  if (!context.runner.empty()) return context.runner;
  auto runners = store.runners();
  if (!runners) {
    fail(context, ErrorKind::io, runners.error());
    return std::nullopt;
  }
  if (runners->size() > 1) {
    fail(context, ErrorKind::bad_input,
         "this database holds several runners: say whose programme this is with --runner NAME");
    return std::nullopt;
  }
  return runners->empty() ? kDefaultRunnerName : runners->front().name;
}

void print_json(Context& context, const Protocol& protocol, const Programme& started,
                const std::string& runner_name, const std::string& database,
                const std::vector<std::string>& day_warnings, const Plan& plan) {
  const Stage& first = protocol.stages[std::size_t(started.starting_stage)];
  nlohmann::ordered_json doc;
  doc["schema"] = "runback.start/1";
  doc["runner"] = runner_name;
  doc["database"] = database;
  doc["programme"] = programme_json(started, false);
  doc["stage"] = {{"number", started.starting_stage + 1}, {"id", first.id}, {"name", first.name}};
  doc["entry_criteria"] = nlohmann::ordered_json::array();
  for (const auto& c : protocol.entry_criteria) {
    doc["entry_criteria"].push_back({{"id", c.id}, {"text", c.text}});
  }
  doc["red_flags"] = red_flags_json(protocol);
  doc["warnings"] = day_warnings;
  doc["status"] = standing_json(protocol, plan, runback_syntax());
  context.out << doc.dump(2) << "\n";
}

void print_text(Context& context, const Protocol& protocol, const Programme& started,
                const std::string& runner_name, const std::vector<std::string>& day_warnings,
                const Plan& plan) {
  const Stage& first = protocol.stages[std::size_t(started.starting_stage)];
  for (const auto& warning : day_warnings) context.out << "Note: " << warning << "\n";
  context.out << "Started " << protocol.title << " (" << protocol.id << " " << protocol.version
              << ") for " << runner_name << ", from "
              << weekday_long(std::chrono::weekday{started.start_date}) << " "
              << format_date(started.start_date) << ".\n";
  context.out << "Your usual pain: " << *started.usual_pain
              << "/10. A rise in pain is measured from it until you log a next-morning value.\n";
  context.out << start_choices_text(protocol, started);
  context.out << standing_text(protocol, plan, context.clock.today(), runback_syntax());
  context.out << "First session: " << describe_session(first.session) << ".\n";
  if (!protocol.entry_criteria.empty()) {
    context.out << "\nBefore your first run, check that you can say yes to each of these:\n";
    for (const auto& c : protocol.entry_criteria) context.out << "  - " << c.text << "\n";
    context.out << "If not, wait, keep up your exercises, and ask your physiotherapist.\n";
  }
  context.out << "\n" << red_flags_text(protocol, runback_syntax());
  context.out << "\n`runback week` shows your week, with the exact `runback log` command for "
                 "each run and each next morning.\n";
}

void run_start(Context& context, const StartOptions& o) {
  Programme programme;
  programme.start_date = context.clock.today();
  if (const auto errors = read_flags(o, programme); !errors.empty()) {
    for (const auto& e : errors) context.err << "runback: " << e << "\n";
    context.exit_code = exit_status(ErrorKind::bad_input);
    return;
  }
  auto loaded = protocol_for_flag(context, o.protocol, "--protocol");
  if (!loaded) return;
  if (const auto errors = read_start_choices(*loaded, o.goal, o.option, programme);
      !errors.empty()) {
    for (const auto& e : errors) context.err << "runback: " << e << "\n";
    context.exit_code = exit_status(ErrorKind::bad_input);
    return;
  }
  // The stages this runner follows (their goal's ladder, their option): the starting stage is
  // one of these, as the plan's stage numbers are.
  const Protocol personal = personalise(*loaded, programme.goal, programme.option);
  const Protocol* protocol = &personal;
  auto stage = choose_starting_stage(*protocol, o.stage);
  if (!stage) {
    const std::string flag = o.stage.stage.empty() ? "--entry-test" : "--stage";
    return fail(context, stage.error_kind(), flag + ": " + stage.error());
  }
  if (auto usual = usual_values(context, *protocol, o, programme); !usual) {
    return fail(context, ErrorKind::bad_input, usual.error());
  }
  const std::vector<std::string> day_warnings = run_day_warnings(*protocol, programme.run_days);

  programme.protocol_id = protocol->id;
  programme.protocol_version = protocol->version;
  programme.protocol_snapshot = loaded->source_text;
  PluginIdentity identity;
  auto plugin = protocol_plugin(context, *protocol, &identity);
  if (!plugin) return fail(context, plugin.failure());
  if (*plugin) {
    // Which library, so that the runner is only ever planned with this one
    // (extension/programme_plugin.hpp).
    programme.plugin_name = identity.name;
    programme.plugin_version = identity.version;
    programme.plugin_digest = identity.digest;
    programme.plugin_path = identity.path;
    // The protocol's parameters exactly as `runback protocol lint` checks them: a programme
    // started on parameters the plugin refuses would fail at every plan.
    bool refused = false;
    for (const Diagnostic& d : (*plugin)->validate(*protocol->plugin)) {
      if (d.severity != Severity::error) continue;
      print_diagnostic(context.err, d);
      refused = true;
    }
    if (refused) {
      context.err << "runback: nothing was started; the protocol's plugin parameters must pass "
                     "`runback protocol lint` first\n";
      context.exit_code = exit_status(ErrorKind::bad_input);
      return;
    }
    const auto problems = (*plugin)->check_programme_params(programme.params);
    for (const auto& problem : problems) context.err << "runback: " << problem << "\n";
    if (!problems.empty()) {
      context.exit_code = exit_status(ErrorKind::bad_input);
      return;
    }
  } else if (!programme.params.empty()) {
    return fail(context, ErrorKind::bad_input,
                "--param: " + protocol->id +
                    " uses no plugin, so it takes no programme parameters (got '" +
                    programme.params.begin()->first + "')");
  }
  programme.starting_stage = *stage;

  auto store = open_store(context, OpenMode::create_if_missing);
  if (!store) return;
  const auto runner_name = runner_to_start(context, *store);
  if (!runner_name) return;
  auto started = store->start_programme(*runner_name, programme, o.replace);
  if (!started) {
    // A runner who already follows a programme is a conflict; any other failure is the store's.
    const bool conflict = started.error_kind() == ErrorKind::conflict;
    return fail(context, conflict ? ErrorKind::conflict : ErrorKind::io, started.error());
  }
  auto records = store->records_for(*runner_name);
  if (!records) return fail(context, ErrorKind::io, records.error());
  PlanSource source(context, &*store);
  std::string problem;
  auto planned =
      plan_for(source, *records, std::max(context.clock.today(), programme.start_date), &problem);
  if (!planned) return fail(context, ErrorKind::io, planned.error());
  if (o.format == "json") {
    print_json(context, *protocol, *started, *runner_name, store->path(), day_warnings,
               planned->plan);
  } else {
    print_text(context, *protocol, *started, *runner_name, day_warnings, planned->plan);
  }
}

}  // namespace

void register_start_command(CLI::App& app, Context& context) {
  add_command(app, "start", "Start a programme from a protocol", [&context](CLI::App& start) {
    auto o = std::make_shared<StartOptions>();
    start.add_option("--protocol", o->protocol, "The protocol's id (or file)")
        ->type_name("ID")
        ->required();
    start.add_option("--start", o->start, "The first day (YYYY-MM-DD; default: today)")
        ->type_name("DATE");
    auto* stage =
        start.add_option("--stage", o->stage.stage, "Start at this stage (1 = the first)")
            ->type_name("N");
    start
        .add_option("--entry-test", o->stage.entry_test,
                    "Your result in the protocol's entry test; picks the starting stage")
        ->type_name("VALUE")
        ->excludes(stage);
    start
        .add_option("--param", o->params,
                    "A programme parameter, e.g. baseline_cadence=168 (repeatable)")
        ->type_name("KEY=VALUE");
    start.add_option("--days", o->days, "Preferred run days, e.g. mon,wed,fri")->type_name("DAYS");
    start
        .add_option("--usual-pain", o->usual_pain,
                    "Your usual pain before starting, 0-10 (asked on a terminal when left out)")
        ->type_name("N");
    start
        .add_option("--usual-stiffness", o->usual_stiffness,
                    "Your usual morning stiffness in minutes (asked when the protocol uses it)")
        ->type_name("MIN");
    start
        .add_option("--goal", o->goal,
                    "Your goal, for a protocol that sets one (e.g. 3mi or 30min; default: the "
                    "protocol's)")
        ->type_name("AMOUNT");
    start
        .add_option("--option", o->option,
                    "The protocol's option you follow, e.g. treadmill (default: its first)")
        ->type_name("ID");
    start.add_flag("--replace", o->replace,
                   "Replace the runner's current programme (it is kept as history)");
    add_format_option(start, o->format, {Format::text, Format::json});
    start.callback([&context, o] { run_start(context, *o); });
  });
}

}  // namespace runback::cli
