// `runback week [--date DATE] [--all]` and `runback status [--date DATE]`.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <mutex>
#include <ostream>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "add_command.hpp"
#include "context.hpp"
#include "date_range.hpp"
#include "extension/programme_plugin.hpp"
#include "layout_options.hpp"
#include "map_in_order.hpp"
#include "plan/planner.hpp"
#include "plan_commands.hpp"
#include "plan_source.hpp"
#include "plugin_failure_report.hpp"
#include "record_output.hpp"
#include "report/caseload_summary.hpp"
#include "report/caseload_text.hpp"
#include "report/plan_json.hpp"
#include "report/plan_text.hpp"
#include "report/week_json_writer.hpp"
#include "runback_syntax.hpp"

namespace runback::cli {
namespace {

struct WeekOptions {
  std::string date;
  bool all = false;
  bool summary = false;
  std::string format;
  LayoutOptions layout;
};

PlanRequest plan_request(const RunnerRecords& records, const Protocol& protocol,
                         const PlanExtension* extension, Date today, Date from, int days,
                         int explain_last, bool day_details) {
  return PlanRequest{
      protocol, extension, records.programme, records.logs, records.clearances, today, from,
      days,     730,       explain_last,      day_details};
}

// The plan of one runner's records, or nothing (reported) when their protocol cannot be read.
std::optional<RunnerPlan> plan_runner(Context& context, PlanSource& source,
                                      const RunnerRecords& records, Date today) {
  std::string problem;
  auto planned = plan_for(source, records, today, &problem);
  // A plan without its plugin holds every session: shown, but not a success.
  if (!problem.empty()) {
    context.err << "runback: " << problem << "\n";
    context.exit_code = exit_status(source.plugin_problem_kind());
  }
  if (!planned) {
    context.err << "runback: " << records.runner.name << ": " << planned.error() << "\n";
    context.exit_code = exit_status(ErrorKind::io);
    return std::nullopt;
  }
  return std::move(*planned);
}

// What the writer prints for one runner: their week, or why there is none.
struct CaseloadOutput {
  bool planned = false;
  std::string text;  // the week (JSON or text) when planned, else the error
  std::string warning;
  // A plugin that failed while planning the runner: its name and first error
  // (PluginFailureReport).
  std::string failed_plugin;
  std::string failure;
  std::string runner;
};

// A plugin that failed while planning the runner is said as one that is missing is.
void note_plugin_failure(CaseloadOutput& output, const Protocol& protocol,
                         const std::string& runner, const Plan& plan) {
  if (!output.warning.empty() || plan.plugin_failures.empty() || !protocol.plugin) return;
  output.warning = plugin_failure_problem(protocol, runner, plan);
  output.failed_plugin = protocol.plugin->name;
  output.failure = plan.plugin_failures.front();
  output.runner = runner;
}

struct CaseloadBatch {
  Status read = ok_status();
  std::vector<CaseloadOutput> outputs;
};

// `week --all`: every runner's week, in name order. The caseload is shared out in batches of
// runners between one thread per core, each reading its runners through a connection of its
// own and planning them; this thread writes their weeks in order. JSON is written runner by
// runner, one line each, so ten thousand runners never sit in memory as one document.
// `summary`: one line per runner instead of their week (report/caseload_text.hpp).
void run_caseload_week(Context& context, Store& store, PlanSource& source, Date today, Date from,
                       bool json, bool summary, const TextLayout& layout) {
  auto runners = store.runners_with_active_programme();
  if (!runners) return fail(context, ErrorKind::io, runners.error());
  std::size_t name_width = 0;
  for (const Runner& runner : *runners) name_width = std::max(name_width, text_width(runner.name));
  if (json) {
    context.out << "{\"schema\":\"runback.weeks/1\",\"from\":\"" << format_date(from)
                << "\",\"date\":\"" << format_date(today) << "\",\"runners\":[";
  }
  constexpr std::size_t kBatch = 64;
  const unsigned workers = std::max<unsigned>(
      1, std::min<std::size_t>(worker_count(), (runners->size() + kBatch - 1) / kBatch));
  std::vector<std::optional<Store>> stores(workers);
  // The protocols and plugins `source` holds outlive the workers, as the JSON caches require;
  // `source` and `store` (which it reads snapshots from) serve one thread at a time.
  std::vector<WeekJsonCache> json_caches(workers);
  std::mutex source_mutex;

  std::size_t next_runner = 0;
  auto next_batch = [&]() -> std::optional<std::span<const Runner>> {
    if (next_runner == runners->size()) return std::nullopt;
    const std::size_t count = std::min(kBatch, runners->size() - next_runner);
    std::span<const Runner> batch(runners->data() + next_runner, count);
    next_runner += count;
    return batch;
  };

  auto plan_batch = [&](std::span<const Runner>& batch, unsigned worker) {
    CaseloadBatch out;
    if (!stores[worker]) {
      auto opened = Store::open(store.path(), OpenMode::existing_only);
      if (!opened) {
        out.read = Error{opened.error()};
        return out;
      }
      stores[worker] = std::move(*opened);
    }
    // The batch's runners are read first and planned together, so that a plugin in a host
    // process answers all of them in a few round trips (make_plans).
    struct ToPlan {
      RunnerRecords records;
      const Protocol* protocol;
      const PlanExtension* extension;
      std::size_t output;
    };
    std::vector<ToPlan> to_plan;
    to_plan.reserve(batch.size());  // the requests below refer to the records in place
    out.read = stores[worker]->for_each_active_records(batch, [&](RunnerRecords&& records) {
      CaseloadOutput& output = out.outputs.emplace_back();
      std::optional<Result<const Protocol*>> protocol;
      std::optional<Result<const PlanExtension*>> extension;
      {
        const std::lock_guard lock(source_mutex);
        protocol = source.protocol_for(records.programme);
        if (*protocol) {
          extension = source.extension_for(***protocol, records.runner.name, records.programme,
                                           &output.warning);
        }
      }
      if (!*protocol) {
        output.text = records.runner.name + ": " + protocol->error();
        return;
      }
      if (!*extension) {  // another plugin under the name: this runner only is not planned
        output.text = records.runner.name + ": " + extension->error();
        return;
      }
      to_plan.push_back({std::move(records), &***protocol, **extension, out.outputs.size() - 1});
    });
    std::vector<PlanRequest> requests;
    requests.reserve(to_plan.size());
    for (const ToPlan& runner : to_plan) {
      requests.push_back(
          summary
              ? plan_request(runner.records, *runner.protocol, runner.extension, today, today, 0, 1,
                             /*day_details=*/false)
              : plan_request(runner.records, *runner.protocol, runner.extension, today, from, 7, 1,
                             /*day_details=*/!json));
    }
    const std::vector<Plan> plans = make_plans(requests);
    for (std::size_t i = 0; i < to_plan.size(); ++i) {
      const ToPlan& runner = to_plan[i];
      const Plan& plan = plans[i];
      const std::string& name = runner.records.runner.name;
      CaseloadOutput& output = out.outputs[runner.output];
      note_plugin_failure(output, *runner.protocol, name, plan);
      output.planned = true;
      if (summary) {
        output.text = caseload_summary_line(
            attention_of(name, runner.records.programme, runner.records.logs, plan, today), today,
            name_width);
      } else if (json) {
        append_week_body_json(output.text, *runner.protocol, plan, name, runback_syntax(),
                              json_caches[worker]);
      } else {
        output.text = week_text(*runner.protocol, plan, name, today, runback_syntax(), layout);
      }
    }
    return out;
  };

  Status read = ok_status();
  PluginFailureReport failures;
  bool first = true;
  auto write_batch = [&](CaseloadBatch& batch) {
    if (!read) return;  // the command has failed: the rest is not shown
    for (const CaseloadOutput& output : batch.outputs) {
      if (!output.warning.empty()) {
        failures.add(context.err, output.warning, output.failed_plugin, output.failure,
                     output.runner);
        context.exit_code = exit_status(source.plugin_problem_kind());
      }
      if (!output.planned) {
        context.err << "runback: " << output.text << "\n";
        context.exit_code = exit_status(ErrorKind::io);
        continue;
      }
      if (json) {
        context.out << (first ? "\n" : ",\n") << output.text;
      } else if (summary) {
        context.out << output.text;
      } else {
        if (!first) context.out << "\n" << std::string(78, '-') << "\n\n";
        context.out << output.text;
      }
      first = false;
    }
    read = batch.read;
  };
  map_in_order(workers, 4 * workers, next_batch, plan_batch, write_batch);
  failures.finish(context.err);

  if (!read) return fail(context, ErrorKind::io, read.error());
  if (json) {
    context.out << "\n]}\n";
  } else if (first) {
    context.out << "No runner has an active programme. Start one with `runback start`.\n";
  }
}

void run_week(Context& context, const WeekOptions& o) {
  if (o.all && !context.runner.empty()) {
    // Planning everyone while a name was given would show the wrong thing either way.
    return fail(context, ErrorKind::bad_input,
                "--all plans every runner, so --runner " + context.runner +
                    " does not fit with it: leave out --all for " + context.runner +
                    "'s week, or --runner for everyone's");
  }
  const auto today = date_or_today(context, o.date);
  if (!today) return;
  const Date from = monday_of(*today);
  auto store = open_store(context, OpenMode::existing_only);
  if (!store) return;
  PlanSource source(context, &*store);

  if (!o.all) {
    auto records = store->records_for(context.runner);
    if (!records) return fail(context, ErrorKind::bad_input, records.error());
    auto planned = plan_runner(context, source, *records, *today);
    if (!planned) return;
    if (o.format == "json") {
      context.out << week_json(*planned->protocol, planned->plan, records->runner.name,
                               runback_syntax())
                         .dump(2)
                  << "\n";
    } else {
      context.out << week_text(*planned->protocol, planned->plan, records->runner.name, *today,
                               runback_syntax(), text_layout(context, o.layout));
    }
    return;
  }

  if (o.summary && o.format == "json") {
    return fail(context, ErrorKind::bad_input,
                "--summary prints text; for JSON, `runback runners --format json` gives the same "
                "facts");
  }
  run_caseload_week(context, *store, source, *today, from, o.format == "json", o.summary,
                    text_layout(context, o.layout));
}

void run_status(Context& context, const WeekOptions& o) {
  const auto today = date_or_today(context, o.date);
  if (!today) return;
  auto store = open_store(context, OpenMode::existing_only);
  if (!store) return;
  auto records = store->records_for(context.runner);
  if (!records) return fail(context, ErrorKind::bad_input, records.error());
  PlanSource source(context, &*store);
  auto planned = plan_runner(context, source, *records, *today);
  if (!planned) return;
  // Which plugin library the programme follows (extension/programme_plugin.hpp): a clinician
  // checking a runner sees what gives the plugin's cues and verdicts.
  const Programme& programme = records->programme;
  if (o.format == "json") {
    auto doc =
        status_json(*planned->protocol, planned->plan, records->runner.name, runback_syntax());
    doc["plugin"] = programme.plugin_name.empty()
                        ? nlohmann::ordered_json(nullptr)
                        : nlohmann::ordered_json{{"name", programme.plugin_name},
                                                 {"version", programme.plugin_version},
                                                 {"digest", programme.plugin_digest},
                                                 {"path", programme.plugin_path}};
    context.out << doc.dump(2) << "\n";
  } else {
    context.out << status_text(*planned->protocol, planned->plan, records->runner.name, *today,
                               runback_syntax());
    if (!programme.plugin_name.empty()) {
      context.out << "\nPlugin: " << describe_plugin(recorded_plugin(programme))
                  << (programme.plugin_digest.empty()
                          ? ", as recorded before runback kept the library's digest; `runback "
                            "program upgrade` records it"
                          : ", as recorded when the programme started or was last upgraded")
                  << ".\n";
    }
  }
}

}  // namespace

void register_week_commands(CLI::App& app, Context& context) {
  add_command(app, "week",
              "This week's plan: run days with their intervals, exercises, recovery and what to "
              "log, and the last decision with its reason",
              [&context](CLI::App& week) {
                auto options = std::make_shared<WeekOptions>();
                week.add_option("--date", options->date,
                                "Plan the week (Monday to Sunday) of this day (default: today)")
                    ->type_name("DATE");
                auto* all =
                    week.add_flag("--all", options->all, "Every runner with an active programme");
                week.add_flag("--summary", options->summary,
                              "With --all: one line per runner (stage, next run, what is awaited, "
                              "a stop)")
                    ->needs(all);
                add_format_option(week, options->format, {Format::text, Format::json});
                add_layout_options(week, options->layout);
                week.callback([&context, options] { run_week(context, *options); });
              });

  add_command(app, "status",
              "Where you stand: stage, the last decisions with reasons, the next checkpoint and "
              "the projected completion",
              [&context](CLI::App& status) {
                auto options = std::make_shared<WeekOptions>();
                status.add_option("--date", options->date, "As of this day (default: today)")
                    ->type_name("DATE");
                add_format_option(status, options->format, {Format::text, Format::json});
                status.callback([&context, options] { run_status(context, *options); });
              });
}

}  // namespace runback::cli
