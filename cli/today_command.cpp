// `runback today [--date DATE]`: the one day a runner is living, all of it, and what to log.
#include <CLI/CLI.hpp>

#include "add_command.hpp"
#include "date_range.hpp"
#include "format_option.hpp"
#include "layout_options.hpp"
#include "plan/planner.hpp"
#include "plan_commands.hpp"
#include "plan_source.hpp"
#include "record_output.hpp"
#include "report/plan_json.hpp"
#include "report/plan_text.hpp"
#include "runback_syntax.hpp"

namespace runback::cli {
namespace {

struct TodayOptions {
  std::string date;
  std::string format;
  LayoutOptions layout;
};

void run_today(Context& context, const TodayOptions& o) {
  const auto chosen_date = date_or_today(context, o.date);
  if (!chosen_date) return;
  const Date today = *chosen_date;
  auto store = open_store(context, OpenMode::existing_only);
  if (!store) return;
  auto records = store->records_for(context.runner);
  if (!records) return fail(context, ErrorKind::bad_input, records.error());
  PlanSource source(context, &*store);
  std::string problem;
  auto planned = plan_for(source, *records, today, &problem, 5, today, 1);
  if (!problem.empty()) context.err << "runback: warning: " << problem << "\n";
  if (!planned) return fail(context, ErrorKind::io, planned.error());
  if (o.format == "json") {
    context.out << week_json(*planned->protocol, planned->plan, records->runner.name,
                             runback_syntax())
                       .dump(2)
                << "\n";
    return;
  }
  context.out << today_text(*planned->protocol, planned->plan, records->runner.name, today,
                            runback_syntax(), text_layout(context, o.layout));
}

}  // namespace

void register_today_command(CLI::App& app, Context& context) {
  add_command(app, "today", "Today only: the run or rest, its intervals, and what to log today",
              [&context](CLI::App& today) {
                auto options = std::make_shared<TodayOptions>();
                today.add_option("--date", options->date, "The day to show (default: today)")
                    ->type_name("DATE");
                add_format_option(today, options->format, {Format::text, Format::json});
                add_layout_options(today, options->layout);
                today.callback([&context, options] { run_today(context, *options); });
              });
}

}  // namespace runback::cli
