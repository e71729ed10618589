// `runback clear --by NAME [--date DATE]`: a clinician cleared the runner to run again after a
// red flag or a stop rule. A clearance is recorded only when it lifts a stop: the planner, as
// `runback week` would, says whether running is on hold on that day, so a clearance typed for the
// wrong runner or the wrong day cannot sit in the records looking as if it meant something.

#include <CLI/CLI.hpp>
#include <algorithm>

#include "add_command.hpp"
#include "plan/planner.hpp"
#include "plan_source.hpp"
#include "record_commands.hpp"
#include "record_output.hpp"

namespace runback::cli {

namespace {

struct ClearOptions {
  std::string by, date, note, format;
};

// Where the runner stands on `day` with these clearances, as `runback status` would say.
PlanStatus status_on(const Protocol& protocol, const PlanExtension* extension,
                     const RunnerRecords& records, const std::vector<Clearance>& clearances,
                     Date day) {
  const PlanRequest request{.protocol = protocol,
                            .extension = extension,
                            .programme = records.programme,
                            .logs = records.logs,
                            .clearances = clearances,
                            .today = day,
                            .from = day,
                            .days = 0,
                            .projection_days = 0,
                            .explain_last = 0,
                            .day_details = false};
  return make_plan(request).status;
}

void run_clear(Context& context, const ClearOptions& o) {
  if (o.by.find_first_not_of(" \t") == std::string::npos) {
    return fail(context, ErrorKind::bad_input,
                "--by: give the name of the clinician who cleared you");
  }
  const Date today = context.clock.today();
  Date date = today;
  if (!o.date.empty()) {
    auto parsed = parse_date(o.date);
    if (!parsed) return fail(context, ErrorKind::bad_input, "--date: " + parsed.error());
    if (*parsed > today) {
      return fail(context, ErrorKind::bad_input,
                  "--date: " + o.date + " is in the future (today is " + format_date(today) +
                      "); give the day the clinician saw you");
    }
    date = *parsed;
  }
  auto store = open_store(context, OpenMode::existing_only);
  if (!store) return;
  auto records = store->records_for(context.runner);
  if (!records) return fail(context, ErrorKind::bad_input, records.error());
  // From the programme's text, without the store: a refused clearance must leave the database
  // exactly as it was, not even with a compiled copy of the protocol cached.
  PlanSource source(context, nullptr);
  auto protocol = source.protocol_for(records->programme);
  if (!protocol)
    return fail(context, ErrorKind::io, records->runner.name + ": " + protocol.error());
  std::string problem;  // a missing plugin holds checkpoints; it cannot lift or cause a stop
  auto found = source.extension_for(**protocol, records->runner.name, records->programme, &problem);
  if (!found) return fail(context, found.failure());
  const PlanExtension* extension = *found;
  const std::string& name = records->runner.name;

  const PlanStatus before = status_on(**protocol, extension, *records, records->clearances, date);
  if (!before.stopped) {
    return fail(context, ErrorKind::conflict,
                "clear: " + name + " is not on hold on " + format_date(date) +
                    ": there is nothing to clear (running stops only after a red flag or a "
                    "stop rule)");
  }
  const Clearance clearance{date, o.by, o.note};
  std::vector<Clearance> with_it = records->clearances;
  with_it.insert(std::upper_bound(with_it.begin(), with_it.end(), date,
                                  [](Date d, const Clearance& c) { return d < c.date; }),
                 clearance);
  if (status_on(**protocol, extension, *records, with_it, date).stopped) {
    // The planner reads a day's clearance before that day's logs, so a stop that began on `date`
    // itself can only be lifted by a clearance from the next day.
    const Date stopped_on = before.stopped_on.value_or(date);
    return fail(context, ErrorKind::bad_input,
                "clear: " + name + "'s running was put on hold on " + format_date(stopped_on) +
                    "; a clearance counts from the day after that: give --date " +
                    format_date(stopped_on + std::chrono::days{1}) + " or later");
  }

  if (auto done = store->record_clearance(records->runner.id, clearance); !done) {
    return fail(context, ErrorKind::io, done.error());
  }
  if (o.format == "json") {
    nlohmann::ordered_json doc;
    doc["schema"] = "runback.clear/1";
    doc["runner"] = name;
    doc["clearance"] = clearance_json(clearance);
    doc["resumes_on"] = format_date(date + std::chrono::days{1});
    context.out << doc.dump(2) << "\n";
    return;
  }
  context.out << "Recorded: " << o.by << " cleared " << name << " to run on " << format_date(date)
              << ". Running resumes from " << format_date(date + std::chrono::days{1})
              << " in the plan.\n";
}

}  // namespace

void register_clear_command(CLI::App& app, Context& context) {
  add_command(
      app, "clear", "Record that a clinician cleared you to run after a red flag",
      [&context](CLI::App& clear) {
        auto options = std::make_shared<ClearOptions>();
        clear.add_option("--by", options->by, "Who cleared you (a physiotherapist or doctor)")
            ->type_name("NAME")
            ->required();
        clear
            .add_option("--date", options->date,
                        "The day they cleared you (YYYY-MM-DD; default: today); running resumes "
                        "the day after")
            ->type_name("DATE");
        clear.add_option("--note", options->note, "A note, kept as typed")->type_name("TEXT");
        add_format_option(clear, options->format, {Format::text, Format::json});
        clear.callback([&context, options] { run_clear(context, *options); });
      });
}

}  // namespace runback::cli
