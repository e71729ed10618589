// `runback program days` changes the run days from a date on, and `runback program upgrade`
// (upgrade_command.cpp) moves the programme to its protocol's current text: the programme goes
// on where it is.

#include <CLI/CLI.hpp>

#include "add_command.hpp"
#include "plan_source.hpp"
#include "record_commands.hpp"
#include "record_output.hpp"
#include "report/plan_json.hpp"
#include "report/run_day_warnings.hpp"
#include "report/standing_text.hpp"
#include "runback_syntax.hpp"

namespace runback::cli {

namespace {

struct DaysOptions {
  std::string days, from, format;
};

void run_days_change(Context& context, const DaysOptions& o) {
  std::vector<std::string> errors;
  auto days = parse_run_days(o.days);
  if (!days) errors.push_back("DAYS: " + days.error() + " (e.g. mon,wed,fri)");
  std::optional<Date> from;
  if (!o.from.empty()) {
    auto parsed = parse_date(o.from);
    if (!parsed) {
      errors.push_back("--from: " + parsed.error());
    } else {
      from = *parsed;
    }
  }
  if (!errors.empty()) {
    for (const auto& e : errors) context.err << "runback: " << e << "\n";
    context.exit_code = exit_status(ErrorKind::bad_input);
    return;
  }
  auto store = open_store(context, OpenMode::existing_only);
  if (!store) return;
  auto runner = resolve_runner(context, *store);
  if (!runner) return;
  auto records = store->records_for(runner->name);
  if (!records) return fail(context, ErrorKind::bad_input, records.error());
  PlanSource source(context, &*store);
  auto protocol = source.protocol_for(records->programme);
  if (!protocol) return fail(context, ErrorKind::io, protocol.error());
  const Date on = from.value_or(context.clock.today());
  auto changed = store->change_run_days(runner->id, on, *days);
  if (!changed) return fail(context, ErrorKind::io, changed.error());
  records->programme = *changed;
  std::string problem;
  auto planned = plan_for(source, *records, context.clock.today(), &problem);
  if (!planned) return fail(context, ErrorKind::io, planned.error());
  const auto warnings = run_day_warnings(**protocol, *days);
  if (o.format == "json") {
    nlohmann::ordered_json doc;
    doc["schema"] = "runback.program-days/1";
    doc["runner"] = runner->name;
    doc["from"] = format_date(std::max(on, changed->start_date));
    doc["programme"] = programme_json(*changed, false);
    doc["warnings"] = warnings;
    doc["status"] = standing_json(**protocol, planned->plan, runback_syntax());
    context.out << doc.dump(2) << "\n";
    return;
  }
  for (const auto& warning : warnings) context.out << "Note: " << warning << "\n";
  context.out << runner->name << "'s run days from "
              << format_date(std::max(on, changed->start_date)) << ": "
              << (o.days.empty() ? "spread out by the protocol" : run_days_text(*days))
              << ". Days before that keep the days they were planned with.\n";
  context.out << standing_text(**protocol, planned->plan, context.clock.today(), runback_syntax());
}

void declare_days_command(CLI::App& days, Context& context) {
  auto o = std::make_shared<DaysOptions>();
  days.add_option("DAYS", o->days, "Preferred run days, e.g. mon,wed,fri")->required();
  days.add_option("--from", o->from,
                  "The first day with the new run days (YYYY-MM-DD; default: today)")
      ->type_name("DATE");
  add_format_option(days, o->format, {Format::text, Format::json});
  days.callback([&context, o] { run_days_change(context, *o); });
}

}  // namespace

void register_programme_commands(CLI::App& app, Context& context) {
  add_command(app, "program", "Manage the running programme", [&context](CLI::App& program) {
    program.require_subcommand(1);
    add_command(program, "days",
                "Change your run days from a date on (the programme goes on where it is)",
                [&context](CLI::App& days) { declare_days_command(days, context); });
    add_command(program, "upgrade",
                "Show how the protocol changed since the programme started; --yes to switch",
                [&context](CLI::App& upgrade) { declare_upgrade_command(upgrade, context); });
  });
}

}  // namespace runback::cli
