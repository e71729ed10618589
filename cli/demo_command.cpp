// `runback demo`: the weekly plan of a sample runner, end to end -- a protocol, its plugin, a
// programme and three weeks of logs in a temporary SQLite database, then the planner -- without
// touching the user's own records.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>

#include "add_command.hpp"
#include "context.hpp"
#include "layout_options.hpp"
#include "plan/planner.hpp"
#include "plan/simulate.hpp"
#include "plan/symptom_script.hpp"
#include "plan_commands.hpp"
#include "plan_source.hpp"
#include "protocol/catalog.hpp"
#include "protocol_lookup.hpp"
#include "report/plan_json.hpp"
#include "report/plan_text.hpp"
#include "runback_syntax.hpp"
#include "store/store.hpp"

namespace runback::cli {
namespace {

using Days = std::chrono::days;

struct DemoOptions {
  std::string date;
  std::string format;
  LayoutOptions layout;
};

constexpr const char* kRunner = "Sam";
constexpr const char* kProtocol = "achilles-midportion";
// Sam's runs so far: a good start, one run that left the tendon sorer the next morning (the
// planner steps back), then steady again.
constexpr const char* kScript =
    "during=1 morning=0\n"
    "during=2 morning=0\n"
    "during=1 morning=0\n"
    "during=2 morning=0\n"
    "during=3 after=2 morning=2\n"
    "during=1 morning=0\n"
    "during=1 morning=0\n";

// A directory of its own under the system's temporary directory, removed when done.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "runback-demo-XXXXXX").string();
    if (mkdtemp(pattern.data())) path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void run_demo(Context& context, const DemoOptions& o) {
  Date today = context.clock.today();
  if (!o.date.empty()) {
    auto parsed = parse_date(o.date);
    if (!parsed) {
      context.err << "runback: --date: " << parsed.error() << "\n";
      context.exit_code = exit_status(ErrorKind::bad_input);
      return;
    }
    today = *parsed;
  }
  auto fail_with = [&](const std::string& message) {
    context.err << "runback: demo: " << message << "\n";
    context.exit_code = exit_status(ErrorKind::io);
  };
  LoadResult loaded = find_protocol(context.fs, protocol_dirs_for(context), kProtocol);
  if (!loaded.protocol)
    return fail_with("the sample protocol " + std::string(kProtocol) +
                     " was not found; is runback installed completely?");
  const Protocol& protocol = *loaded.protocol;
  PlanSource source(context, nullptr);
  std::string problem;
  const PlanExtension* extension = source.extension_for(protocol, &problem);
  if (!problem.empty()) return fail_with(problem);

  // Three weeks of Sam's logs, made by the planner itself from the script above.
  const Date start = monday_of(today) - Days{21};
  const std::vector<std::chrono::weekday> run_days = {std::chrono::Monday, std::chrono::Wednesday,
                                                      std::chrono::Friday};
  const SymptomScript script = parse_symptom_script(kScript, "demo");
  SimulationRequest request{protocol,
                            extension,
                            start,
                            0,
                            script.sessions,
                            SymptomProfile::steady,
                            1,
                            int((today - start).count()),
                            {},
                            run_days};
  const Simulation history = simulate(request);

  ScratchDir scratch;
  if (scratch.path().empty()) return fail_with("could not make a temporary directory");
  auto store = Store::open(scratch.path() + "/demo.db", OpenMode::create_if_missing);
  if (!store) return fail_with(store.error());
  Programme programme;
  programme.protocol_id = protocol.id;
  programme.protocol_version = protocol.version;
  programme.protocol_snapshot = protocol.source_text;
  if (extension) {
    programme.plugin_name = extension->name();
    programme.plugin_version = extension->version();
  }
  programme.start_date = start;
  programme.run_days = run_days;
  programme.usual_pain = 1;  // most runners back from a tendon problem have a little
  auto started = store->start_programme(kRunner, programme, false);
  if (!started) return fail_with(started.error());
  std::vector<LogRow> rows;
  for (const DayLog& log : history.logs) {
    if (log.date < today) rows.push_back(to_log_row(log));
  }
  if (auto logged = store->record_logs(started->runner_id, rows, false); !logged) {
    return fail_with(logged.error());
  }

  auto records = store->records_for(kRunner);
  if (!records) return fail_with(records.error());
  auto snapshot = source.protocol_for(records->programme);
  if (!snapshot) return fail_with(snapshot.error());
  const PlanRequest plan_request{**snapshot,
                                 extension,
                                 records->programme,
                                 records->logs,
                                 records->clearances,
                                 today,
                                 monday_of(today),
                                 7,
                                 730,
                                 5};
  const Plan plan = make_plan(plan_request);
  if (o.format == "json") {
    auto doc = week_json(**snapshot, plan, kRunner, runback_syntax());
    doc["sample"] = true;
    context.out << doc.dump(2) << "\n";
    return;
  }
  context.out << "A sample runner, " << kRunner << ", three weeks into " << protocol.id
              << ", in a temporary database (your own records are not touched).\n\n"
              << week_text(**snapshot, plan, kRunner, today, runback_syntax(),
                           text_layout(context, o.layout));
}

}  // namespace

void register_demo_command(CLI::App& app, Context& context) {
  add_command(app, "demo",
              "Show the week of a sample runner three weeks into a programme (uses a temporary "
              "database; your own records are not touched)",
              [&context](CLI::App& demo) {
                auto o = std::make_shared<DemoOptions>();
                demo.add_option("--date", o->date, "Show the week of this day (default: today)")
                    ->type_name("DATE");
                add_format_option(demo, o->format, {Format::text, Format::json});
                add_layout_options(demo, o->layout);
                demo.callback([&context, o] { run_demo(context, *o); });
              });
}

}  // namespace runback::cli
