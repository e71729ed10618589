// `runback runners [--date DATE] [--sort attention|name]`: a physiotherapist's caseload, whoever
// needs attention first (report/caseload_summary.hpp says who and why).

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <map>

#include "add_command.hpp"
#include "context.hpp"
#include "date_range.hpp"
#include "exit_status.hpp"
#include "plan/planner.hpp"
#include "plan_source.hpp"
#include "plugin_failure_report.hpp"
#include "record_commands.hpp"
#include "record_output.hpp"
#include "report/caseload_json.hpp"
#include "report/caseload_text.hpp"
#include "report/plan_json.hpp"
#include "report/plan_words.hpp"
#include "runback_syntax.hpp"

namespace runback::cli {
namespace {

struct RunnersOptions {
  std::string format, date, sort;
};

constexpr const char* kSorts[] = {"attention", "name"};

// Where a runner stands on the date, from the same plan `status` and `week` print.
struct Standing {
  std::string stage;  // "3 of 13", "complete", "3 of 13, stopped"
  nlohmann::ordered_json status;
  RunnerAttention attention;
};

// `refused`: the runners not planned because their plugin is not the one their programme
// recorded, with what to say in their row.
std::map<std::string, Standing> standings_on(Context& context, Store& store, Date today,
                                             std::map<std::string, std::string>& refused) {
  std::map<std::string, Standing> standings;
  PlanSource source(context, &store);
  PluginFailureReport failures;
  // Runners in groups: a caseload need not sit in memory to be listed, and a plugin in a host
  // process answers a group's plans in a few round trips (make_plans).
  struct ToPlan {
    RunnerRecords records;
    const Protocol* protocol;
    const PlanExtension* extension;
    std::string problem;
  };
  constexpr std::size_t kGroup = 64;
  std::vector<ToPlan> group;
  group.reserve(kGroup);  // the requests refer to the records in place
  auto plan_group = [&] {
    std::vector<PlanRequest> requests;
    requests.reserve(group.size());
    for (const ToPlan& runner : group) {
      requests.push_back({*runner.protocol, runner.extension, runner.records.programme,
                          runner.records.logs, runner.records.clearances, today, today, 0, 730, 1,
                          false});
    }
    const std::vector<Plan> plans = make_plans(requests);
    for (std::size_t i = 0; i < group.size(); ++i) {
      const ToPlan& runner = group[i];
      const RunnerRecords& records = runner.records;
      const Plan& plan = plans[i];
      // A missing or failing plugin leaves the standing without its answers: the list is
      // shown, but the command does not report success (as `week --all`).
      if (!runner.problem.empty()) {
        failures.add(context.err, runner.problem, "", "", records.runner.name);
      } else if (!plan.plugin_failures.empty()) {
        failures.add(
            context.err, plugin_failure_problem(*runner.protocol, records.runner.name, plan),
            records.programme.plugin_name, plan.plugin_failures.front(), records.runner.name);
      }
      if (!runner.problem.empty() || !plan.plugin_failures.empty()) {
        context.exit_code = exit_status(source.plugin_problem_kind());
      }
      const PlanStatus& s = plan.status;
      std::string text = std::to_string(s.stage_index + 1) + " of " + std::to_string(s.stage_count);
      if (s.complete) text = "complete";
      if (s.stopped) text += ", stopped";
      if (s.waiting_for) text += ", waiting";
      standings[records.runner.name] = {
          text, standing_json(*runner.protocol, plan, runback_syntax()),
          attention_of(records.runner.name, records.programme, records.logs, plan, today)};
    }
    group.clear();
  };
  // A runner left unplanned is listed with the reason, but the command does not report success,
  // as `week --all` does not.
  auto status = store.for_each_active_records([&](RunnerRecords&& records) {
    auto protocol = source.protocol_for(records.programme);
    if (!protocol) {
      context.err << "runback: " << records.runner.name << ": " << protocol.error() << "\n";
      context.exit_code = exit_status(ErrorKind::io);
      return;
    }
    std::string problem;
    auto extension =
        source.extension_for(**protocol, records.runner.name, records.programme, &problem);
    if (!extension) {
      refused[records.runner.name] = "not planned: the plugin '" + records.programme.plugin_name +
                                     "' found is not the one the programme started with "
                                     "(`runback status --runner " +
                                     records.runner.name + "` says more)";
      context.err << "runback: " << records.runner.name << ": " << extension.error() << "\n";
      context.exit_code = exit_status(ErrorKind::plugin);
      return;
    }
    group.push_back({std::move(records), *protocol, *extension, std::move(problem)});
    if (group.size() == kGroup) plan_group();
  });
  plan_group();
  failures.finish(context.err);
  if (!status) return {};
  return standings;
}

struct CaseloadRow {
  RunnerSummary summary;
  const Standing* standing = nullptr;  // none: no programme, or its protocol cannot be read
  RunnerAttention attention;
};

void print_runners_json(Context& context, const std::vector<CaseloadRow>& rows, Date today,
                        const std::string& sort) {
  nlohmann::ordered_json doc;
  doc["schema"] = "runback.runners/1";
  doc["date"] = format_date(today);
  doc["sort"] = sort;
  doc["runners"] = nlohmann::ordered_json::array();
  for (const CaseloadRow& row : rows) {
    const RunnerSummary& s = row.summary;
    nlohmann::ordered_json j;
    j["name"] = s.runner.name;
    j["programme"] = s.programme ? programme_json(*s.programme, false) : nullptr;
    j["stage"] = row.standing ? nlohmann::ordered_json(row.standing->stage) : nullptr;
    j["status"] = row.standing ? row.standing->status : nullptr;
    j["last_log"] = s.last_log ? nlohmann::ordered_json(format_date(*s.last_log)) : nullptr;
    j["log_count"] = s.log_count;
    j["attention"] = attention_json(row.attention);
    doc["runners"].push_back(j);
  }
  context.out << doc.dump(2) << "\n";
}

void run_runners(Context& context, const RunnersOptions& o) {
  const auto chosen_date = date_or_today(context, o.date);
  if (!chosen_date) return;
  const Date today = *chosen_date;
  auto path = resolve_db_path(context.env, context.db_path);
  if (!path) return fail(context, ErrorKind::bad_input, path.error());
  std::vector<RunnerSummary> caseload;
  std::map<std::string, Standing> standings;
  std::map<std::string, std::string> refused;
  auto store = Store::open(*path, OpenMode::existing_only);
  if (store) {
    auto loaded = store->caseload();
    if (!loaded) return fail(context, ErrorKind::io, loaded.error());
    caseload = std::move(*loaded);
    standings = standings_on(context, *store, today, refused);
  } else if (store.error_kind() != ErrorKind::not_found) {  // no database yet: no runners
    return fail(context, store.failure());
  }
  std::vector<CaseloadRow> rows;
  for (RunnerSummary& s : caseload) {
    const auto found = standings.find(s.runner.name);
    const Standing* standing = found == standings.end() ? nullptr : &found->second;
    const auto why_refused = refused.find(s.runner.name);
    const bool running = s.programme.has_value();
    RunnerAttention attention =
        standing ? standing->attention
        : why_refused != refused.end()
            ? attention_without_plan(s.runner.name, why_refused->second, running)
            : attention_without_plan(s.runner.name,
                                     running ? "protocol cannot be read: `runback status "
                                               "--runner " +
                                                   s.runner.name + "` says why"
                                             : std::string("no programme running"),
                                     running);
    rows.push_back({std::move(s), standing, std::move(attention)});
  }
  const bool by_name = o.sort == "name";
  std::stable_sort(rows.begin(), rows.end(), [by_name](const CaseloadRow& a, const CaseloadRow& b) {
    return by_name ? name_before(a.attention, b.attention)
                   : needs_attention_before(a.attention, b.attention);
  });

  if (o.format == "json") return print_runners_json(context, rows, today, o.sort);
  if (rows.empty()) {
    context.out << "No runners yet: start a programme with `runback start --protocol ID --runner "
                   "NAME`.\n";
    return;
  }
  std::vector<RunnerAttention> attention;
  for (const CaseloadRow& row : rows) attention.push_back(row.attention);
  context.out << "Runners on " << short_day(today) << " "
              << int(std::chrono::year_month_day{today}.year())
              << (by_name ? ", by name" : ", whoever needs attention first") << ":\n\n"
              << caseload_table(attention, today);
}

}  // namespace

void register_runners_command(CLI::App& app, Context& context) {
  add_command(
      app, "runners",
      "The caseload: each runner's stage, last log, pain, setbacks, next run and what needs "
      "attention, whoever needs it most first",
      [&context](CLI::App& runners) {
        auto options = std::make_shared<RunnersOptions>();
        add_format_option(runners, options->format, {Format::text, Format::json});
        runners.add_option("--date", options->date, "As of this day (default: today)")
            ->type_name("DATE");
        options->sort = kSorts[0];
        runners
            .add_option("--sort", options->sort,
                        "attention: stopped, then silent, then setbacks, then the rest; name: A "
                        "to Z (default: attention)")
            ->type_name("ORDER")
            ->check(CLI::Validator(
                [](std::string& value) -> std::string {
                  for (const char* sort : kSorts) {
                    if (value == sort) return {};
                  }
                  return value + " not in {attention,name}";
                },
                "{attention,name}", "ORDER"));
        runners.callback([&context, options] { run_runners(context, *options); });
      });
}

}  // namespace runback::cli
