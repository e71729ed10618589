#include "report/plan_text.hpp"

#include <algorithm>
#include <chrono>
#include <sstream>

#include "protocol/amount.hpp"
#include "protocol/describe.hpp"
#include "report/decision_words.hpp"
#include "report/plan_words.hpp"
#include "report/standing_text.hpp"

namespace runback {
namespace {

// "run" or, for a walk-only session (format 2), "walk": the day says what the runner does.
bool walk_day(const Protocol& protocol, const PlannedRun& run) {
  return walk_only(session_for(stage_at(protocol, run.stage_index), run.session_index));
}

// ", session 2 of 3" for a stage with a list of sessions (format 2); "" for one session.
std::string session_words(const Protocol& protocol, const PlannedRun& run) {
  const int count = session_count(stage_at(protocol, run.stage_index));
  if (count == 1) return "";
  return ", session " + std::to_string(std::min(run.session_index, count - 1) + 1) + " of " +
         std::to_string(count);
}

void write_run(std::ostream& out, const Protocol& protocol, const PlannedDay& day) {
  const Stage& stage = stage_at(protocol, day.run->stage_index);
  const Session& session = session_for(stage, day.run->session_index);
  const std::string what = capitalise(describe_session(session));
  const std::string totals = capitalise(describe_totals(session_totals(session)));
  out << "  " << what << ".\n";
  // A plain walk ("Walk 0.5 mi.") is its own total: saying it twice reads as a mistake.
  if (totals != what + " in all") out << "  " << totals << ".\n";
  std::string intensity = describe_intensity(stage.intensity);
  while (!intensity.empty() && (intensity.back() == '.' || intensity.back() == ' '))
    intensity.pop_back();
  if (!intensity.empty()) out << "  " << capitalise(intensity) << ".\n";
  for (const SessionCue& cue : day.cues) out << "  Cue: " << cue.text << ".\n";
  if (!stage.surface.empty()) out << "  Surface: " << stage.surface << "\n";
  if (!stage.notes.empty()) out << "  Note: " << stage.notes << "\n";
}

// "pain during 2/10, after 1/10, next morning 0/10, morning stiffness 10 min, swelling" -- what
// was logged for a past day, so the week shows how it went, not only that it happened.
std::string logged_words(const Protocol& protocol, const DayLog& log) {
  std::vector<std::string> parts;
  auto score = [](int value) { return std::to_string(value) + "/10"; };
  if (log.pain_warmup) parts.push_back("pain in the warm-up " + score(*log.pain_warmup));
  if (log.pain_during) parts.push_back("pain during " + score(*log.pain_during));
  if (log.pain_after) {
    parts.push_back((parts.empty() ? "pain after " : "after ") + score(*log.pain_after));
  }
  if (log.pain_next_morning) {
    parts.push_back((parts.empty() ? "pain the next morning " : "next morning ") +
                    score(*log.pain_next_morning));
  }
  if (log.stiffness_minutes) {
    parts.push_back("morning stiffness " + std::to_string(*log.stiffness_minutes) + " min");
  }
  if (log.swelling) parts.push_back("swelling");
  if (log.limp) parts.push_back("a limp");
  for (const std::string& flag : log.red_flags) {
    parts.push_back("red flag: " + lower_first(red_flag_text(protocol, flag)));
  }
  for (const auto& [key, value] : log.answers) parts.push_back(key + " " + value);
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : ", ") + part;
  return out;
}

// "After the run, log: pain during the run (0-10); pain 60 minutes after the run (0-10)" and the
// one command that logs them all.
// `walk`: the day's session is a walk (format 2), so today's reminder speaks of the walk.
void write_reminder(std::ostream& out, const CommandSyntax& commands, const Reminder& reminder,
                    Date day, bool walk) {
  const bool morning = reminder.when == TimePoint::next_morning;
  const bool own_day = reminder.session_date == day;
  walk = walk && own_day && !morning;
  const std::string session = walk ? "walk" : "run";
  out << "  " << (morning ? "This morning, log for " : "After the " + session + ", log for ")
      << (own_day ? "today's " + session
                  : (reminder.session_date + std::chrono::days{1} == day
                         ? "yesterday's run"
                         : "the run on " + short_day(reminder.session_date)))
      << ": ";
  for (std::size_t i = 0; i < reminder.fields.size(); ++i) {
    const LogField& field = reminder.fields[i];
    std::string what = field.what;
    // "pain during the run" on a walk day is the pain during the walk.
    if (const auto at = what.find("the run"); walk && at != std::string::npos) {
      what.replace(at, 7, "the walk");
    }
    out << (i == 0 ? "" : "; ") << what;
    if (field.value == LogValue::answer && field.yes_no) out << " (yes or no)";
  }
  out << "\n      " << commands.log_reminder(reminder) << "\n";
  if (!morning && own_day) {
    out << "      (add " << commands.log_option(LogOption::partial)
        << " if you did only part of it, " << commands.log_option(LogOption::skipped)
        << (walk ? " if you did not go; " : " if you did not run; ")
        << commands.log_option(LogOption::limp) << " or "
        << commands.log_option(LogOption::swelling) << " if you noticed either)\n";
  }
}

void write_day(std::ostream& out, const Protocol& protocol, const CommandSyntax& commands,
               const PlannedDay& day, Date today) {
  out << short_day(day.date) << (day.date == today ? " (today)" : "");
  // A calendar programme says which of its days it is: the runner follows the calendar.
  if (day.programme_day) out << ", day " << *day.programme_day;
  out << ": ";
  if (day.run) {
    const PlannedRun& run = *day.run;
    const bool walk = walk_day(protocol, run);
    if (run.missed) {
      out << (walk ? "missed walk (" : "missed run (") << stage_title(protocol, run.stage_index)
          << "): nothing was logged. If you ran, log it now with the command below; if not, "
             "that is all right: carry on with the plan.\n";
      for (const Reminder& reminder : day.reminders) {
        out << "      " << commands.log_reminder(reminder) << "\n";
      }
    } else if (run.logged) {
      if (run.outcome == SessionOutcome::skipped) {
        out << (walk ? "walk skipped" : "run skipped");
      } else {
        out << (walk ? "walked" : "ran");
      }
      out << " (" << stage_title(protocol, run.stage_index) << session_words(protocol, run) << ")";
      if (run.outcome == SessionOutcome::partial) out << ", partly";
      if (run.unplanned) out << "; no run was planned that day";
      out << "\n";
    } else {
      out << (walk ? "walk, " : "run, ") << stage_title(protocol, run.stage_index)
          << session_words(protocol, run)
          << (run.if_all_goes_well ? (walk ? " (if the sessions before it go well)"
                                           : " (if the runs before it go well)")
                                   : "")
          << "\n";
      write_run(out, protocol, day);
    }
  } else {
    switch (day.rest) {
      case RestKind::before_start:
        out << "your programme has not started yet.\n";
        return;
      case RestKind::stopped:
        out << "no running. Please see your physiotherapist before you run again.\n";
        return;
      case RestKind::finished:
        out << "programme finished. Well done.\n";
        break;
      case RestKind::imposed:
        out << "rest day, as your last checkpoint asked. Rest is part of the plan.\n";
        break;
      case RestKind::recovery:
        out << describe_recovery_day(day.recovery_activity) << ".\n";
        break;
      default:
        if (day.over_weekly_cap && protocol.weekly_cap) {
          out << "rest day: a run today would take this week past the protocol's cap of "
              << format_amount(*protocol.weekly_cap) << " of running, so it is left out.\n";
        } else {
          out << "rest day. Your body adapts on rest days.\n";
        }
        break;
    }
  }
  if (day.logged) {
    const std::string words = logged_words(protocol, *day.logged);
    if (!words.empty()) out << "  You logged: " << words << ".\n";
  }
  if (day.date < today) return;
  for (const Exercise& exercise : day.exercises) {
    out << "  Exercise: " << exercise.name << ": " << describe_exercise_dose(exercise) << "\n";
  }
  for (const RecoveryItem& item : day.recovery) {
    out << "  Recovery: " << item.name;
    if (item.duration) out << ", " << format_amount(*item.duration);
    if (!item.details.empty()) out << ". " << item.details;
    out << "\n";
  }
  for (const Reminder& reminder : day.reminders) {
    write_reminder(out, commands, reminder, day.date, day.run && walk_day(protocol, *day.run));
  }
}

}  // namespace

std::string week_text(const Protocol& protocol, const Plan& plan, const std::string& runner,
                      Date today, const CommandSyntax& commands) {
  std::ostringstream out;
  if (plan.days.empty()) return "";
  const Date from = plan.days.front().date;
  out << (runner.empty() ? "Your" : runner + "'s") << " week from "
      << format_day_range(from, plan.days.back().date) << ": " << protocol.title << "\n";
  out << standing_text(protocol, plan, today, commands);
  if (!plan.status.complete) {
    if (plan.status.usual_pain) {
      out << "A rise in pain is measured from your last next-morning score, or from your usual "
          << *plan.status.usual_pain << "/10 until you have logged one.\n";
    }
    out << red_flags_text(protocol, commands);
  }
  for (const std::string& note : plan.notes) out << "Note: " << note << "\n";
  for (const PlannedDay& day : plan.days) {
    out << "\n";
    write_day(out, protocol, commands, day, today);
  }
  return out.str();
}

std::string status_text(const Protocol& protocol, const Plan& plan, const std::string& runner,
                        Date today, const CommandSyntax& commands, int decisions_shown) {
  std::ostringstream out;
  const PlanStatus& status = plan.status;
  out << (runner.empty() ? std::string("You") : runner) << ": " << protocol.title << " ("
      << protocol.id << " " << protocol.version << ")\n";
  out << standing_text(protocol, plan, today, commands);
  if (status.usual_pain) {
    out << "Usual pain before starting: " << *status.usual_pain
        << "/10 (a rise in pain is measured from it until you log a next-morning value).\n";
  }
  if (status.missed_runs > 0) {
    out << "Missed runs since the start: " << status.missed_runs << ".\n";
  }
  if (!plan.decisions.empty()) {
    out << "\nLast decisions:\n";
    const std::size_t shown = std::min(plan.decisions.size(), std::size_t(decisions_shown));
    for (std::size_t i = plan.decisions.size() - shown; i < plan.decisions.size(); ++i) {
      const Decision& d = plan.decisions[i];
      out << "  " << short_day(d.date) << ": " << explanation_text(d, commands) << "\n";
    }
  }
  if (plan.projected_completion && !status.complete) {
    const auto days_left = (*plan.projected_completion - today).count();
    out << "\nProjected completion: " << short_day(*plan.projected_completion) << " "
        << int(std::chrono::year_month_day{*plan.projected_completion}.year()) << ", in about "
        << (days_left + 6) / 7 << " week" << ((days_left + 6) / 7 == 1 ? "" : "s")
        << " if every run goes well.\n";
  }
  for (const std::string& note : plan.notes) out << "Note: " << note << "\n";
  return out.str();
}

}  // namespace runback
