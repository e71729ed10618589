// `runback decisions [--from DATE] [--to DATE]`: every decision the runner's logs have led to,
// with its reason, however old: a flare-up three weeks ago stays in view.

#include <CLI/CLI.hpp>

#include "add_command.hpp"
#include "context.hpp"
#include "date_range.hpp"
#include "decision_history.hpp"
#include "record_commands.hpp"
#include "record_output.hpp"
#include "report/decision_list.hpp"
#include "report/plan_json.hpp"
#include "runback_syntax.hpp"

namespace runback::cli {
namespace {

struct DecisionsOptions {
  std::string from, to, format;
};

void run_decisions(Context& context, const DecisionsOptions& o) {
  auto range = parse_date_range(context, o.from, o.to);
  if (!range) return;
  auto store = open_store(context, OpenMode::existing_only);
  if (!store) return;
  auto records = store->records_for(context.runner);
  if (!records) return fail(context, ErrorKind::bad_input, records.error());
  PlanSource source(context, &*store);
  std::string problem;
  auto planned = plan_every_decision(source, *records, context.clock.today(), &problem);
  if (!problem.empty()) context.err << "runback: warning: " << problem << "\n";
  if (!planned) return fail(context, ErrorKind::io, planned.error());

  std::vector<Decision> shown;
  for (const Decision& d : planned->plan.decisions) {
    if ((!range->from || d.date >= *range->from) && (!range->to || d.date <= *range->to)) {
      shown.push_back(d);
    }
  }
  const Protocol& protocol = *planned->protocol;
  const std::string& runner = records->runner.name;
  if (o.format == "json") {
    nlohmann::ordered_json doc;
    doc["schema"] = "runback.decisions/1";
    doc["runner"] = runner;
    doc["from"] = range->from ? nlohmann::ordered_json(format_date(*range->from)) : nullptr;
    doc["to"] = range->to ? nlohmann::ordered_json(format_date(*range->to)) : nullptr;
    doc["decisions"] = nlohmann::ordered_json::array();
    for (const Decision& d : shown) {
      nlohmann::ordered_json j = decision_json(d, runback_syntax());
      j["summary"] = decision_summary(protocol, d);
      doc["decisions"].push_back(std::move(j));
    }
    context.out << doc.dump(2) << "\n";
  } else if (o.format == "csv") {
    context.out << decisions_csv(protocol, shown, runback_syntax());
  } else {
    context.out << decisions_text(protocol, shown, runner, range->from, range->to,
                                  runback_syntax());
  }
}

}  // namespace

void register_decisions_command(CLI::App& app, Context& context) {
  add_command(
      app, "decisions",
      "Every decision your logs led to (move up, repeat, step back, stop...), with its "
      "reason",
      [&context](CLI::App& decisions) {
        auto options = std::make_shared<DecisionsOptions>();
        decisions.add_option("--from", options->from, "First day (YYYY-MM-DD)")->type_name("DATE");
        decisions.add_option("--to", options->to, "Last day (YYYY-MM-DD)")->type_name("DATE");
        add_format_option(decisions, options->format, {Format::text, Format::csv, Format::json});
        decisions.callback([&context, options] { run_decisions(context, *options); });
      });
}

}  // namespace runback::cli
