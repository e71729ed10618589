// `runback protocol simulate ID|FILE`: the protocol under a scripted or generated symptom
// sequence, with the same planner as a runner's week and no database.
#include <CLI/CLI.hpp>

#include "add_command.hpp"
#include "context.hpp"
#include "number_option.hpp"
#include "plan/simulate.hpp"
#include "plan/symptom_script.hpp"
#include "plan_commands.hpp"
#include "plugin_host_for.hpp"
#include "protocol/catalog.hpp"
#include "protocol/personalise.hpp"
#include "protocol_lookup.hpp"
#include "record_output.hpp"
#include "report/plan_json.hpp"
#include "report/simulation_text.hpp"
#include "runback_syntax.hpp"
#include "store/store.hpp"

namespace runback::cli {
namespace {

struct SimulateOptions {
  std::string protocol;
  std::string symptoms;
  std::string profile;
  std::uint64_t seed = 1;
  std::string start;
  int stage = 1;
  int days = 365;
  std::string format;
  std::vector<std::string> params;
  int usual_pain = 0;
  std::string run_days;
};

void run_simulate(Context& context, const SimulateOptions& o) {
  Date start = context.clock.today();
  if (!o.start.empty()) {
    auto parsed = parse_date(o.start);
    if (!parsed) {
      context.err << "runback: --start: " << parsed.error() << "\n";
      context.exit_code = exit_status(ErrorKind::bad_input);
      return;
    }
    start = *parsed;
  }
  LoadResult loaded = find_protocol(context.fs, protocol_dirs_for(context), o.protocol);
  for (const auto& d : loaded.diagnostics) {
    if (d.severity == Severity::error || !loaded.protocol) print_diagnostic(context.err, d);
  }
  if (!loaded.protocol) {
    context.exit_code = exit_status(ErrorKind::bad_input);
    return;
  }
  // Format 2: the protocol as a runner with the default goal and the first option follows it.
  const Protocol protocol = personalise(*loaded.protocol, std::nullopt, "");
  if (o.stage < 1 || o.stage > int(protocol.stages.size())) {
    context.err << "runback: --stage: " << protocol.id << " has stages 1 to "
                << protocol.stages.size() << ", not " << o.stage << "\n";
    context.exit_code = exit_status(ErrorKind::bad_input);
    return;
  }

  std::vector<DayLog> script;
  if (!o.symptoms.empty()) {
    auto text = context.fs.read_file(o.symptoms, 1024 * 1024);
    if (!text) {
      context.err << "runback: --symptoms: " << text.error() << "\n";
      context.exit_code = exit_status(ErrorKind::bad_input);
      return;
    }
    SymptomScript parsed = parse_symptom_script(*text, o.symptoms);
    if (!parsed.diagnostics.empty()) {
      for (const auto& d : parsed.diagnostics) context.err << format_diagnostic(d) << "\n";
      context.exit_code = exit_status(ErrorKind::bad_input);
      return;
    }
    script = std::move(parsed.sessions);
  }

  auto plugin = protocol_plugin(context, protocol);
  if (!plugin) return fail(context, plugin.failure());
  const std::shared_ptr<const PlanExtension> extension = *plugin;

  std::map<std::string, std::string> params;
  for (const std::string& param : o.params) {
    const auto equals = param.find('=');
    if (equals == std::string::npos || equals == 0) {
      context.err << "runback: --param: expected KEY=VALUE, e.g. baseline_cadence=164, not '"
                  << param << "'\n";
      context.exit_code = exit_status(ErrorKind::bad_input);
      return;
    }
    params[param.substr(0, equals)] = param.substr(equals + 1);
  }
  if (extension) {
    const auto problems = extension->check_programme_params(params);
    for (const auto& problem : problems) context.err << "runback: " << problem << "\n";
    if (!problems.empty()) {
      context.exit_code = exit_status(ErrorKind::bad_input);
      return;
    }
  }

  // --profile is checked against the same names.
  const SymptomProfile profile =
      value_named(o.profile, kSymptomProfileNames).value_or(SymptomProfile::steady);
  std::vector<std::chrono::weekday> run_days;
  if (!o.run_days.empty()) {
    auto parsed = parse_run_days(o.run_days);
    if (!parsed) {
      return fail(context, ErrorKind::bad_input,
                  "--run-days: " + parsed.error() + " (e.g. --run-days mon,wed,fri)");
    }
    run_days = std::move(*parsed);
  }
  SimulationRequest request{protocol, extension.get(), start,  o.stage - 1, script,      profile,
                            o.seed,   o.days,          params, run_days,    o.usual_pain};
  const Simulation simulation = simulate(request);

  std::string symptoms = profile_name(profile) + " symptoms (seed " + std::to_string(o.seed) + ")";
  if (!script.empty()) {
    symptoms =
        std::to_string(script.size()) + " scripted runs from " + o.symptoms + ", then " + symptoms;
  }
  if (o.format == "json") {
    auto doc =
        simulation_json(protocol, simulation, profile_name(profile), o.seed, runback_syntax());
    doc["scripted_runs"] = script.size();
    context.out << doc.dump(2) << "\n";
    return;
  }
  context.out << simulation_text(protocol, simulation, symptoms, runback_syntax());
}

void declare_simulate(CLI::App& command, Context& context) {
  auto o = std::make_shared<SimulateOptions>();
  CLI::App* simulate = &command;
  simulate->add_option("protocol", o->protocol, "A protocol id, or the path of a YAML file")
      ->required()
      ->type_name("ID|FILE");
  simulate
      ->add_option("--symptoms", o->symptoms,
                   "A file with one line per run, e.g. 'during=2 after=1 morning=0'; the profile "
                   "takes over when it ends")
      ->type_name("FILE");
  simulate
      ->add_option("--profile", o->profile, "Generated symptoms: steady (default), flare or stall")
      ->check(CLI::IsMember(names_in(kSymptomProfileNames)))
      ->type_name("PROFILE");
  simulate->add_option("--seed", o->seed, "Seed for the generated symptoms (default: 1)")
      ->type_name("N");
  simulate->add_option("--start", o->start, "First day (default: today)")->type_name("DATE");
  simulate->add_option("--stage", o->stage, "Starting stage, from 1 (default: 1)")->type_name("N");
  simulate
      ->add_option("--days", o->days, "How many days to simulate at most, 1 to 3650 (default: 365)")
      ->check(whole_number_in(1, 3650, "a number of days"))
      ->type_name("N");
  simulate
      ->add_option("--param", o->params,
                   "A plugin parameter for the simulated runner, as `runback start` takes it, "
                   "e.g. baseline_cadence=164 (repeatable)")
      ->type_name("KEY=VALUE");
  simulate
      ->add_option("--usual-pain", o->usual_pain,
                   "The simulated runner's usual pain, 0-10, the baseline a rise is measured from "
                   "(default: 0)")
      ->check(whole_number_in(0, 10, "a pain score"))
      ->type_name("N");
  simulate->add_option("--run-days", o->run_days, "Preferred run days, as `runback start --days`")
      ->type_name("DAYS");
  add_format_option(*simulate, o->format, {Format::text, Format::json});
  simulate->callback([&context, o] { run_simulate(context, *o); });
}

}  // namespace

void register_simulate_command(CLI::App& protocol, Context& context) {
  add_command(protocol, "simulate",
              "Run a protocol against scripted or generated symptoms and show its stage-by-stage "
              "timeline (no records are read or written)",
              [&context](CLI::App& simulate) { declare_simulate(simulate, context); });
}

}  // namespace runback::cli
