// `runback report [--from DATE] [--to DATE] [--output FILE]`: the visit report, one HTML file
// with the runner's charts, decisions and plan (report/visit_html.hpp).
#include <CLI/CLI.hpp>
#include <ostream>

#include "add_command.hpp"
#include "context.hpp"
#include "file_output.hpp"
#include "plan_commands.hpp"
#include "plan_source.hpp"
#include "record_output.hpp"
#include "report/visit_html.hpp"
#include "report/visit_report.hpp"
#include "runback_syntax.hpp"

namespace runback::cli {
namespace {

struct ReportOptions {
  std::string from;
  std::string to;
  std::string output;
};

std::optional<Date> date_option(Context& context, const std::string& flag, const std::string& text,
                                Date otherwise) {
  if (text.empty()) return otherwise;
  auto date = parse_date(text);
  if (!date) {
    fail(context, ErrorKind::bad_input, flag + ": " + date.error());
    return std::nullopt;
  }
  return *date;
}

// The plugin's checkpoint questions, for the words of the charts of their answers; none when
// it has none or cannot say (the charts then use the answers' keys).
std::vector<CheckpointQuestion> plugin_questions(PlanSource& source, const Protocol& protocol,
                                                 const RunnerRecords& records, Date to) {
  auto found = source.extension_for(protocol, records.runner.name, records.programme, nullptr);
  if (!found || *found == nullptr) return {};
  const PlanExtension* extension = *found;
  const std::vector<DayLog> no_logs;
  const std::vector<CheckpointSummary> no_checkpoints;
  auto asked = extension->questions(
      ExtensionContext{protocol, records.programme, to, 0, 0, no_logs, no_checkpoints});
  return asked.ok() ? std::move(*asked) : std::vector<CheckpointQuestion>{};
}

// Ten years of days: a programme is a few months, and a chart of more is a smear.
constexpr int kMostDays = 3660;

void run_report(Context& context, const ReportOptions& o) {
  const auto to = date_option(context, "--to", o.to, context.clock.today());
  if (!to) return;
  // Checked before the records are read; its default needs them.
  const auto given_from = date_option(context, "--from", o.from, *to);
  if (!given_from) return;
  auto store = open_store(context, OpenMode::existing_only);
  if (!store) return;
  auto records = store->records_for(context.runner);
  if (!records) return fail(context, ErrorKind::bad_input, records.error());
  // From the programme's start, or from --to when the report ends before it.
  const Date from = o.from.empty() ? std::min(records->programme.start_date, *to) : *given_from;
  if (from > *to) {
    return fail(context, ErrorKind::bad_input,
                "--from: " + format_date(from) + " is after --to " + format_date(*to) +
                    "; the report needs --from on or before --to");
  }
  if ((*to - from).count() >= kMostDays) {
    return fail(context, ErrorKind::bad_input,
                "--from: " + format_date(from) + " is more than " + std::to_string(kMostDays) +
                    " days before --to " + format_date(*to) +
                    "; a report covers at most about ten years");
  }

  PlanSource source(context, &*store);
  std::string problem;
  const int shown = int((*to - from).count()) + 1;
  auto planned = plan_for(source, *records, *to, &problem, -1, from, shown);
  if (!problem.empty()) context.err << "runback: warning: " << problem << "\n";
  if (!planned) return fail(context, ErrorKind::io, planned.error());
  auto week = plan_for(source, *records, *to, nullptr);
  if (!week) return fail(context, ErrorKind::io, week.error());

  const VisitReport report = make_visit_report(
      *planned->protocol, *records, planned->plan, week->plan,
      plugin_questions(source, *planned->protocol, *records, *to), from, *to, runback_syntax());
  const std::string html = visit_html(report);
  if (o.output.empty() || o.output == "-") {
    context.out << html;
    return;
  }
  if (auto written = write_file_atomically(o.output, html, "--output"); !written) {
    return fail(context, ErrorKind::io, written.error());
  }
  context.out << "Wrote " << records->runner.name << "'s visit report ("
              << format_day_range(from, *to) << ") to " << o.output << ".\n";
}

}  // namespace

void register_report_command(CLI::App& app, Context& context) {
  add_command(app, "report",
              "A visit report: one HTML file with charts of pain, stage and weekly running, "
              "every decision with its reason, red flags, clearances and this week's plan",
              [&context](CLI::App& report) {
                auto options = std::make_shared<ReportOptions>();
                report
                    .add_option("--from", options->from,
                                "The first day shown (default: the programme's start)")
                    ->type_name("DATE");
                report.add_option("--to", options->to, "The last day shown (default: today)")
                    ->type_name("DATE");
                report
                    .add_option("--output", options->output,
                                "Write the report to FILE (default: standard output)")
                    ->type_name("FILE");
                report.callback([&context, options] { run_report(context, *options); });
              });
}

}  // namespace runback::cli
