#include "report/plan_icalendar.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>

#include "protocol/amount.hpp"
#include "protocol/describe.hpp"
#include "report/plan_words.hpp"
#include "util/text_hash.hpp"

namespace runback {
namespace {

bool calendar_walk(const Protocol& protocol, const PlannedRun& run) {
  return walk_only(session_for(stage_at(protocol, run.stage_index), run.session_index));
}

// Whether the session of `date` in the plan's days was a walk (format 2), for the words of a
// reminder about it; a day outside the plan's days reads as a run.
bool calendar_walk_on(const Protocol& protocol, const Plan& plan, Date date) {
  auto day = std::find_if(plan.days.begin(), plan.days.end(),
                          [date](const PlannedDay& d) { return d.date == date; });
  return day != plan.days.end() && day->run && calendar_walk(protocol, *day->run);
}

// "Run: stage 3 of 8, 2-minute runs (24 min)".
std::string calendar_run_summary(const Protocol& protocol, const PlannedRun& run) {
  const Stage& stage = stage_at(protocol, run.stage_index);
  const SessionTotals totals = session_totals(session_for(stage, run.session_index));
  std::string out = calendar_walk(protocol, run) ? "Walk: " : "Run: ";
  out += stage_title(protocol, run.stage_index);
  if (const int count = session_count(stage); count > 1) {
    out += ", session " + std::to_string(std::min(run.session_index, count - 1) + 1) + " of " +
           std::to_string(count);
  }
  const std::string total =
      describe_total(totals.run_seconds + totals.walk_seconds + totals.run_walk_seconds,
                     totals.run_metres + totals.walk_metres + totals.run_walk_metres);
  if (total != "none") out += " (" + total + ")";
  return out;
}

// "Effort 3-5 out of 10 (RPE); ... pace" without the trailing full stop describe_intensity may
// leave, so each line ends with exactly one.
std::string calendar_sentence(std::string text) {
  while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
  return text.empty() ? text : capitalise(std::move(text)) + ".";
}

// "yesterday's run", "the walk on Mon 9 Nov".
std::string calendar_session_words(const Protocol& protocol, const Plan& plan, Date session,
                                   Date day) {
  const std::string what = calendar_walk_on(protocol, plan, session) ? "walk" : "run";
  if (session == day) return "today's " + what;
  if (session + std::chrono::days{1} == day) return "yesterday's " + what;
  return "the " + what + " on " + short_day(session);
}

// What a reminder asks for (one value on the line, more as a list), then the command that logs
// it, indented on a line of its own so it can be copied whole. `walk`: the values are a walk's,
// so "pain during the run" is the pain during the walk.
void write_calendar_reminder(std::ostream& out, const Reminder& reminder, const std::string& lead,
                             const CommandSyntax& commands, bool walk = false) {
  out << lead;
  for (const LogField& field : reminder.fields) {
    std::string what = field.what;
    if (const auto at = what.find("the run"); walk && at != std::string::npos) {
      what.replace(at, 7, "the walk");
    }
    out << (reminder.fields.size() == 1 ? " " : "\n- ") << what;
    if (field.value == LogValue::answer && field.yes_no) out << " (yes or no)";
  }
  out << "\n    " << commands.log_reminder(reminder) << "\n";
}

void write_calendar_extras(std::ostream& out, const PlannedDay& day) {
  if (!day.exercises.empty()) {
    out << "\nExercises today:\n";
    for (const Exercise& exercise : day.exercises) {
      out << "- " << exercise.name << ": " << describe_exercise_dose(exercise) << "\n";
    }
  }
  if (!day.recovery.empty()) {
    out << "\nRecovery:\n";
    for (const RecoveryItem& item : day.recovery) {
      out << "- " << item.name;
      if (item.duration) out << ", " << format_amount(*item.duration);
      if (!item.details.empty()) out << ". " << item.details;
      out << "\n";
    }
  }
}

std::string calendar_run_description(const Protocol& protocol, const PlannedDay& day,
                                     const CommandSyntax& commands) {
  const PlannedRun& run = *day.run;
  const bool walk = calendar_walk(protocol, run);
  const Stage& stage = stage_at(protocol, run.stage_index);
  const Session& session = session_for(stage, run.session_index);
  std::ostringstream out;
  if (run.if_all_goes_well) {
    out << "Planned if the " << (walk ? "sessions" : "runs")
        << " before it go well: a checkpoint before it may change it. Write the calendar "
           "again after your next checkpoint to bring this day up to date.\n\n";
  }
  const std::string what = calendar_sentence(describe_session(session));
  const std::string totals = calendar_sentence(describe_totals(session_totals(session)));
  out << what << "\n";
  // A plain walk ("Walk 0.5 mi.") is its own total: saying it twice reads as a mistake.
  if (totals != what.substr(0, what.size() - 1) + " in all.") out << totals << "\n";
  if (const std::string intensity = calendar_sentence(describe_intensity(stage.intensity));
      !intensity.empty()) {
    out << intensity << "\n";
  }
  for (const SessionCue& cue : day.cues) out << "Cue: " << calendar_sentence(cue.text) << "\n";
  if (!stage.surface.empty()) out << "Surface: " << stage.surface << "\n";
  if (!stage.notes.empty()) out << "Note: " << stage.notes << "\n";
  write_calendar_extras(out, day);
  for (const Reminder& reminder : day.reminders) {
    if (reminder.session_date != day.date || reminder.when == TimePoint::next_morning) continue;
    out << "\n";
    write_calendar_reminder(
        out, reminder, std::string("After the ") + (walk ? "walk" : "run") + ", log:", commands,
        walk);
    out << "(add " << commands.log_option(LogOption::partial) << " if you did only part of it, "
        << commands.log_option(LogOption::skipped)
        << (walk ? " if you did not go)\n" : " if you did not run)\n");
  }
  std::string text = out.str();
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

// A run the calendar has an entry for: planned, not yet logged.
bool calendar_run_ahead(const PlannedDay& day) {
  return day.run && !day.run->logged && !day.run->missed && !day.run->unplanned;
}

// The reminders of `day` that its run's entry does not give: next-morning values, and values
// still missing for an earlier run or for today's, already logged in part.
std::vector<const Reminder*> calendar_log_reminders(const PlannedDay& day) {
  std::vector<const Reminder*> out;
  for (const Reminder& reminder : day.reminders) {
    const bool in_run_entry = calendar_run_ahead(day) && reminder.session_date == day.date &&
                              reminder.when != TimePoint::next_morning;
    if (!in_run_entry) out.push_back(&reminder);
  }
  return out;
}

CalendarEvent calendar_log_event(const Protocol& protocol, const Plan& plan, const PlannedDay& day,
                                 const std::vector<const Reminder*>& reminders,
                                 const CalendarRequest& request, const CommandSyntax& commands) {
  CalendarEvent event;
  event.uid = calendar_uid(request.runner, "log", day.date);
  event.date = day.date;
  event.category = "Log";
  std::ostringstream out;
  std::vector<std::string> sessions;
  for (const Reminder* reminder : reminders) {
    const std::string session =
        calendar_session_words(protocol, plan, reminder->session_date, day.date);
    if (std::find(sessions.begin(), sessions.end(), session) == sessions.end()) {
      sessions.push_back(session);
    }
    if (!out.str().empty()) out << "\n";
    write_calendar_reminder(out, *reminder,
                            (reminder->when == TimePoint::next_morning ? "This morning, log for "
                                                                       : "Still to log for ") +
                                session + ":",
                            commands);
  }
  out << "\nThe plan's next step waits for these values.";
  event.summary = "Log for " + join_with_and(sessions);
  event.description = out.str();
  event.alarm = CalendarAlarm{8, event.summary + ": " + commands.log_reminder(*reminders.front())};
  return event;
}

}  // namespace

std::string calendar_uid(const std::string& runner, const std::string& kind, Date date) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(text_hash("runback runner " + runner)));
  return kind + "-" + format_date(date) + "@" + hex + ".runback";
}

CalendarDocument plan_calendar(const Protocol& protocol, const Plan& plan,
                               const CalendarRequest& request, const CommandSyntax& commands) {
  CalendarDocument document;
  document.product = request.product;
  document.name = (request.runner.empty() ? std::string("Your") : request.runner + "'s") +
                  " runback plan: " + protocol.title;
  document.time_zone = request.time_zone;
  document.stamp = request.today;
  document.sequence = request.sequence;
  for (const PlannedDay& day : plan.days) {
    if (day.date < request.today) continue;
    if (calendar_run_ahead(day)) {
      CalendarEvent event;
      event.uid = calendar_uid(request.runner, "run", day.date);
      event.date = day.date;
      event.summary = calendar_run_summary(protocol, *day.run);
      event.description = calendar_run_description(protocol, day, commands);
      event.category = calendar_walk(protocol, *day.run) ? "Walk" : "Run";
      document.events.push_back(std::move(event));
    }
    if (const auto reminders = calendar_log_reminders(day); !reminders.empty()) {
      document.events.push_back(
          calendar_log_event(protocol, plan, day, reminders, request, commands));
    }
  }
  return document;
}

}  // namespace runback
