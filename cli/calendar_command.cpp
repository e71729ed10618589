// `runback calendar [--weeks N] [--output FILE] [--date DATE]`: the plan as an iCalendar file
// (core/report/plan_icalendar.hpp says what goes in it, core/ical writes it).
#include <CLI/CLI.hpp>
#include <cctype>
#include <chrono>
#include <memory>
#include <ostream>

#include "add_command.hpp"
#include "context.hpp"
#include "date_range.hpp"
#include "file_output.hpp"
#include "ical/icalendar_writer.hpp"
#include "number_option.hpp"
#include "plan_commands.hpp"
#include "plan_source.hpp"
#include "record_output.hpp"
#include "report/plan_icalendar.hpp"
#include "report/plan_words.hpp"
#include "runback_syntax.hpp"
#include "time_zone.hpp"

namespace runback::cli {
namespace {

constexpr int kMinWeeks = 1;
constexpr int kMaxWeeks = 26;

struct CalendarOptions {
  std::string date;
  int weeks = 4;
  std::string output = "-";
};

// A word as the shell reads it back: itself when plain, else in single quotes.
std::string shell_word(const std::string& word) {
  bool plain = !word.empty();
  for (const char c : word) {
    plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ||
                      c == '.' || c == '@');
  }
  if (plain) return word;
  std::string out = "'";
  for (const char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The log commands of a calendar read away from the terminal the runner was chosen at: when
// --runner chose them, each command names them too.
class CalendarSyntax final : public CommandSyntax {
 public:
  explicit CalendarSyntax(std::string runner) : runner_(std::move(runner)) {}
  std::string log_reminder(const Reminder& reminder) const override {
    return with_runner(runback_syntax().log_reminder(reminder));
  }
  std::string log_run() const override { return with_runner(runback_syntax().log_run()); }
  std::string log_red_flag() const override { return with_runner(runback_syntax().log_red_flag()); }
  std::string log_option(LogOption option) const override {
    return runback_syntax().log_option(option);
  }
  std::string record_clearance() const override {
    return with_runner(runback_syntax().record_clearance());
  }
  std::string json_option() const override { return runback_syntax().json_option(); }
  std::string show_status() const override { return with_runner(runback_syntax().show_status()); }
  std::string show_today() const override { return with_runner(runback_syntax().show_today()); }

 private:
  std::string with_runner(std::string command) const {
    return runner_.empty() ? command : command + " --runner " + shell_word(runner_);
  }
  std::string runner_;
};

void run_calendar(Context& context, const CalendarOptions& o) {
  const auto chosen_date = date_or_today(context, o.date);
  if (!chosen_date) return;
  const Date today = *chosen_date;
  auto store = open_store(context, OpenMode::existing_only);
  if (!store) return;
  auto records = store->records_for(context.runner);
  if (!records) return fail(context, ErrorKind::bad_input, records.error());
  PlanSource source(context, &*store);
  std::string problem;
  auto planned =
      plan_for(source, *records, today, &problem, /*explain_last=*/0, today, o.weeks * 7);
  if (!problem.empty()) context.err << "runback: warning: " << problem << "\n";
  if (!planned) {
    return fail(context, ErrorKind::io, records->runner.name + ": " + planned.error());
  }

  CalendarRequest request;
  request.runner = records->runner.name;
  request.product = std::string("-//runback//runback ") + RUNBACK_VERSION + "//EN";
  request.time_zone = runner_time_zone(context);
  request.today = today;
  for (const DayLog& log : records->logs) request.sequence += log.date <= today ? 1 : 0;
  const CalendarDocument document =
      plan_calendar(*planned->protocol, planned->plan, request, CalendarSyntax(context.runner));
  auto text = icalendar_text(document);
  if (!text) return fail(context, text.failure());

  int runs = 0;
  for (const CalendarEvent& event : document.events) runs += event.category != "Log" ? 1 : 0;
  const Date until = today + std::chrono::days{o.weeks * 7 - 1};
  if (runs == 0) {
    context.err << "runback: no "
                << (planned->plan.status.stopped ? "running is planned" : "run is planned")
                << " from " << format_day_range(today, until)
                << (planned->plan.status.complete ? ": the programme is finished" : "")
                << (planned->plan.status.stopped ? ": please see your physiotherapist first" : "")
                << ".\n";
  }
  if (o.output == "-") {
    context.out << *text;
    return;
  }
  if (auto written = write_file_atomically(o.output, *text, "--output"); !written) {
    return fail(context, ErrorKind::io, written.error());
  }
  context.out << "Wrote " << o.output << ": " << runs << (runs == 1 ? " run" : " runs") << " and "
              << document.events.size() - std::size_t(runs) << " log reminder"
              << (document.events.size() - std::size_t(runs) == 1 ? "" : "s") << ", "
              << format_day_range(today, until)
              << ".\nImport it into your calendar; importing a newer one updates the same days.\n";
}

}  // namespace

void register_calendar_command(CLI::App& app, Context& context) {
  add_command(app, "calendar",
              "Write your plan as a calendar file (iCalendar) to import: each run with its "
              "intervals, and a reminder each day something needs logging",
              [&context](CLI::App& calendar) {
                auto options = std::make_shared<CalendarOptions>();
                calendar
                    .add_option("--weeks", options->weeks,
                                "How many weeks from the date, 1 to 26 (default: 4)")
                    ->check(whole_number_in(kMinWeeks, kMaxWeeks, "a number of weeks"))
                    ->type_name("N");
                calendar
                    .add_option("--output", options->output,
                                "Write the calendar to FILE (default: -, the standard output)")
                    ->type_name("FILE");
                calendar.add_option("--date", options->date, "Start on this day (default: today)")
                    ->type_name("DATE");
                calendar.callback([&context, options] { run_calendar(context, *options); });
              });
}

}  // namespace runback::cli
