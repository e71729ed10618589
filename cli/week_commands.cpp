// `runback week [--date DATE] [--all]` and `runback status [--date DATE]`.
#include <CLI/CLI.hpp>
#include <ostream>

#include "context.hpp"
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

struct CaseloadEntry {
  RunnerRecords records;
  Result<const Protocol*> protocol;
};

struct RunnerPlan {
  const Protocol* protocol = nullptr;
  Plan plan;
};

// The plan of one runner's records, or nothing (reported) when their protocol cannot be read.
std::optional<RunnerPlan> plan_runner(Context& context, PlanSource& source,
                                      const RunnerRecords& records,
                                      const Result<const Protocol*>& protocol, Date today,
                                      Date from, int days, int explain_last, bool warn,
                                      bool day_details = true) {
  if (!protocol) {
    context.err << "runback: " << records.runner.name << ": " << protocol.error() << "\n";
    context.exit_code = kExitFailure;
    return std::nullopt;
  }
  std::string problem;
  const PlanExtension* extension = source.extension_for(**protocol, &problem);
  if (!problem.empty() && warn) context.err << "runback: warning: " << problem << "\n";
  const PlanRequest request{
      **protocol, extension, records.programme, records.logs, records.clearances, today, from,
      days,       730,       explain_last,      day_details};
  return RunnerPlan{*protocol, make_plan(request)};
}

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
                               *today, from, 7, 5, true);
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
  // The protocols `source` parsed outlive the loop, as the cache requires.
  WeekJsonCache json_cache;
  std::string runner_json;
  bool first = true;
  // The store is read on a second thread while this one plans (about a third and two thirds of
  // the time). Protocols are resolved there too, as that may read the store; plugins load here.
  Status status = ok_status();
  {
    ReadAhead<CaseloadEntry> ahead([&](const ReadAhead<CaseloadEntry>::Emit& emit) {
      status = store->for_each_active_records([&](RunnerRecords&& records) {
        auto protocol = source.protocol_for(records.programme);
        emit(CaseloadEntry{std::move(records), std::move(protocol)});
      });
    });
    while (auto batch = ahead.next()) {
      for (const CaseloadEntry& entry : *batch) {
        const RunnerRecords& records = entry.records;
        auto planned = plan_runner(context, source, records, entry.protocol, *today, from, 7, 1,
                                   first, /*day_details=*/!json);
        if (!planned) continue;
        if (json) {
          runner_json.assign(first ? "\n" : ",\n");
          append_week_body_json(runner_json, *planned->protocol, planned->plan, records.runner.name,
                                json_cache);
          context.out << runner_json;
        } else {
          if (!first) context.out << "\n" << std::string(78, '-') << "\n\n";
          context.out << week_text(*planned->protocol, planned->plan, records.runner.name, *today);
        }
        first = false;
      }
    }
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
                             *today, *today, 1, 5, true);
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
  auto week_options = std::make_shared<WeekOptions>();
  CLI::App* week = app.add_subcommand(
      "week",
      "This week's plan: run days with their intervals, exercises, recovery and what to "
      "log, and the last decision with its reason");
  week->add_option("--date", week_options->date,
                   "Plan the week (Monday to Sunday) of this day (default: today)")
      ->type_name("DATE");
  week->add_flag("--all", week_options->all, "Every runner with an active programme");
  add_format(*week, week_options->format);
  week->callback([&context, week_options] { run_week(context, *week_options); });

  auto status_options = std::make_shared<WeekOptions>();
  CLI::App* status = app.add_subcommand(
      "status",
      "Where you stand: stage, the last decisions with reasons, the next checkpoint and "
      "the projected completion");
  status->add_option("--date", status_options->date, "As of this day (default: today)")
      ->type_name("DATE");
  add_format(*status, status_options->format);
  status->callback([&context, status_options] { run_status(context, *status_options); });
}

}  // namespace runback::cli
