// `runback week [--date DATE] [--all]` and `runback status [--date DATE]`.
#include <CLI/CLI.hpp>
#include <ostream>
#include <set>

#include "add_command.hpp"
#include "context.hpp"
#include "map_in_order.hpp"
#include "plan/plan_json.hpp"
#include "plan/plan_text.hpp"
#include "plan/planner.hpp"
#include "plan/week_json_writer.hpp"
#include "plan_commands.hpp"
#include "plan_source.hpp"
#include "read_ahead.hpp"
#include "record_output.hpp"

namespace runback::cli {
namespace {

struct WeekOptions {
  std::string date;
  bool all = false;
  std::string format = "text";
};

std::optional<Date> plan_date(Context& context, const std::string& text) {
  if (text.empty()) return context.clock.today();
  auto date = parse_date(text);
  if (!date) {
    fail(context, kExitBadInput, "--date: " + date.error());
    return std::nullopt;
  }
  return *date;
}

struct RunnerPlan {
  const Protocol* protocol = nullptr;
  Plan plan;
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
                                      const RunnerRecords& records,
                                      const Result<const Protocol*>& protocol, Date today,
                                      Date from, int days, int explain_last) {
  if (!protocol) {
    context.err << "runback: " << records.runner.name << ": " << protocol.error() << "\n";
    context.exit_code = kExitFailure;
    return std::nullopt;
  }
  std::string problem;
  const PlanExtension* extension = source.extension_for(**protocol, &problem);
  if (!problem.empty()) context.err << "runback: warning: " << problem << "\n";
  return RunnerPlan{*protocol, make_plan(plan_request(records, **protocol, extension, today, from,
                                                      days, explain_last, true))};
}

// One runner of a caseload, as the reading thread hands it over: protocol and plugin resolved
// there, since both may touch the store or load a library.
struct CaseloadEntry {
  RunnerRecords records;
  Result<const Protocol*> protocol;
  const PlanExtension* extension = nullptr;
  std::string extension_problem;
};

// What the writer prints for one runner: their week, or why there is none.
struct CaseloadOutput {
  bool planned = false;
  std::string text;  // the week (JSON or text) when planned, else the error
  std::string warning;
};

void run_week(Context& context, const WeekOptions& o) {
  const auto today = plan_date(context, o.date);
  if (!today) return;
  const Date from = monday_of(*today);
  auto store = open_store(context, OpenMode::existing_only);
  if (!store) return;
  PlanSource source(context, &*store);

  if (!o.all) {
    auto records = store->records_for(context.runner);
    if (!records) return fail(context, kExitBadInput, records.error());
    auto planned = plan_runner(context, source, *records, source.protocol_for(records->programme),
                               *today, from, 7, 5);
    if (!planned) return;
    if (o.format == "json") {
      context.out << week_json(*planned->protocol, planned->plan, records->runner.name).dump(2)
                  << "\n";
    } else {
      context.out << week_text(*planned->protocol, planned->plan, records->runner.name, *today);
    }
    return;
  }

  const bool json = o.format == "json";
  // A caseload overview: each runner's status, last decision and run days, without each day's
  // exercises and recovery (`runback --runner NAME week` shows them). JSON is written runner by
  // runner, one line each, so ten thousand runners never sit in memory as one document.
  if (json) {
    context.out << "{\"schema\":\"runback.weeks/1\",\"from\":\"" << format_date(from)
                << "\",\"date\":\"" << format_date(*today) << "\",\"runners\":[";
  }
  // The store is read on one thread, runners are planned on one per core, and this thread
  // writes their weeks in the store's order. The protocols and plugins `source` holds outlive
  // all three, as the JSON caches require.
  const unsigned workers = worker_count();
  std::vector<WeekJsonCache> json_caches(workers);
  std::set<std::string> warned;
  bool first = true;
  Status status = ok_status();
  {
    ReadAhead<CaseloadEntry> ahead([&](const ReadAhead<CaseloadEntry>::Emit& emit) {
      status = store->for_each_active_records([&](RunnerRecords&& records) {
        auto protocol = source.protocol_for(records.programme);
        CaseloadEntry entry{std::move(records), std::move(protocol), nullptr, {}};
        if (entry.protocol) {
          entry.extension = source.extension_for(**entry.protocol, &entry.extension_problem);
        }
        emit(std::move(entry));
      });
    });
    auto plan_batch = [&](std::vector<CaseloadEntry>& batch, unsigned worker) {
      std::vector<CaseloadOutput> outputs(batch.size());
      for (std::size_t i = 0; i < batch.size(); ++i) {
        const CaseloadEntry& entry = batch[i];
        CaseloadOutput& output = outputs[i];
        output.warning = entry.extension_problem;
        if (!entry.protocol) {
          output.text = entry.records.runner.name + ": " + entry.protocol.error();
          continue;
        }
        const Protocol& protocol = **entry.protocol;
        const Plan plan = make_plan(plan_request(entry.records, protocol, entry.extension, *today,
                                                 from, 7, 1, /*day_details=*/!json));
        output.planned = true;
        if (json) {
          append_week_body_json(output.text, protocol, plan, entry.records.runner.name,
                                json_caches[worker]);
        } else {
          output.text = week_text(protocol, plan, entry.records.runner.name, *today);
        }
      }
      return outputs;
    };
    auto write_batch = [&](std::vector<CaseloadOutput>& outputs) {
      for (const CaseloadOutput& output : outputs) {
        if (!output.warning.empty() && warned.insert(output.warning).second) {
          context.err << "runback: warning: " << output.warning << "\n";
        }
        if (!output.planned) {
          context.err << "runback: " << output.text << "\n";
          context.exit_code = kExitFailure;
          continue;
        }
        if (json) {
          context.out << (first ? "\n" : ",\n") << output.text;
        } else {
          if (!first) context.out << "\n" << std::string(78, '-') << "\n\n";
          context.out << output.text;
        }
        first = false;
      }
    };
    map_in_order(
        workers, 4 * workers, [&] { return ahead.next(); }, plan_batch, write_batch);
    ahead.wait_until_done();
  }
  if (!status) return fail(context, kExitFailure, status.error());
  if (json) {
    context.out << "\n]}\n";
  } else if (first) {
    context.out << "No runner has an active programme. Start one with `runback start`.\n";
  }
}

void run_status(Context& context, const WeekOptions& o) {
  const auto today = plan_date(context, o.date);
  if (!today) return;
  auto store = open_store(context, OpenMode::existing_only);
  if (!store) return;
  auto records = store->records_for(context.runner);
  if (!records) return fail(context, kExitBadInput, records.error());
  PlanSource source(context, &*store);
  auto planned = plan_runner(context, source, *records, source.protocol_for(records->programme),
                             *today, *today, 1, 5);
  if (!planned) return;
  if (o.format == "json") {
    context.out << status_json(*planned->protocol, planned->plan, records->runner.name).dump(2)
                << "\n";
  } else {
    context.out << status_text(*planned->protocol, planned->plan, records->runner.name, *today);
  }
}

CLI::Option* add_format(CLI::App& command, std::string& format) {
  return command.add_option("--format", format, "Output format: text or json (default: text)")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT");
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
                week.add_flag("--all", options->all, "Every runner with an active programme");
                add_format(week, options->format);
                week.callback([&context, options] { run_week(context, *options); });
              });

  add_command(app, "status",
              "Where you stand: stage, the last decisions with reasons, the next checkpoint and "
              "the projected completion",
              [&context](CLI::App& status) {
                auto options = std::make_shared<WeekOptions>();
                status.add_option("--date", options->date, "As of this day (default: today)")
                    ->type_name("DATE");
                add_format(status, options->format);
                status.callback([&context, options] { run_status(context, *options); });
              });
}

}  // namespace runback::cli
