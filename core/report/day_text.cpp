#include "report/day_text.hpp"

#include <algorithm>
#include <chrono>

#include "protocol/amount.hpp"
#include "protocol/describe.hpp"
#include "protocol/step_words.hpp"
#include "report/plan_words.hpp"

namespace runback {
namespace {

// ", session 2 of 3" for a stage with a list of sessions (format 2); "" for one session.
std::string session_words(const Protocol& protocol, const PlannedRun& run) {
  const int count = session_count(stage_at(protocol, run.stage_index));
  if (count == 1) return "";
  return ", session " + std::to_string(std::min(run.session_index, count - 1) + 1) + " of " +
         std::to_string(count);
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
  return text;
}

// "Walk 5 min to warm up, then 6 × (run 1 min / walk 1 min), then walk 5 min to cool down. Run
// 6 min, walk 16 min in all."; without the walks either side when the week said them once.
std::string session_text(const Protocol& protocol, const PlannedRun& run, const SaidOnce& said) {
  const Session& session = session_for(stage_at(protocol, run.stage_index), run.session_index);
  Session intervals = session;
  if (said.warm_up) intervals.warmup_walk = intervals.cooldown_walk = std::nullopt;
  const std::string what = capitalise(describe_session(intervals));
  const std::string totals = capitalise(describe_totals(session_totals(session)));
  // A plain walk ("Walk 0.5 mi.") is its own total: saying it twice reads as a mistake.
  return what + "." + (totals != what + " in all" ? " " + totals + "." : "");
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

// "After the run, log for today's run", "This morning, log for yesterday's run"; when what to
// log was said once at the top, only when: "After the run", "This morning".
std::string reminder_heading(const Reminder& reminder, Date day, bool walk, bool brief) {
  const bool morning = reminder.when == TimePoint::next_morning;
  const bool own_day = reminder.session_date == day;
  const bool yesterday = reminder.session_date + std::chrono::days{1} == day;
  const std::string session = walk && own_day && !morning ? "walk" : "run";
  const std::string when = morning ? "This morning" : "After the " + session;
  if (brief && (own_day || (morning && yesterday))) return when;
  return when + ", log for " +
         (own_day
              ? "today's " + session
              : (yesterday ? "yesterday's run" : "the run on " + short_day(reminder.session_date)));
}

// What the day is: "run, stage 2 of 6, Stage 2", "ran (stage 1 of 13, ...). You logged: ...",
// "rest day." -- the first paragraph of the day, after its date.
std::string day_summary(const Protocol& protocol, const PlannedDay& day, const SaidOnce& said) {
  if (day.run) {
    const PlannedRun& run = *day.run;
    const bool walk = walk_day(protocol, day);
    const std::string title = stage_title(protocol, run.stage_index) + session_words(protocol, run);
    if (run.missed) {
      return std::string(walk ? "missed walk (" : "missed run (") + title +
             "): nothing was logged. If you " + (walk ? "walked" : "ran") +
             ", log it now with the command below; if not, that is all right: carry on with "
             "the plan.";
    }
    if (run.logged) {
      std::string out = run.outcome == SessionOutcome::skipped
                            ? (walk ? "walk skipped" : "run skipped")
                            : (walk ? "walked" : "ran");
      // As for a run to do: the stage the header names is not named again.
      if (run.stage_index != said.stage_index) {
        out += " (" + title + ")";
      } else if (const std::string own = session_words(protocol, run); !own.empty()) {
        out += " (" + own.substr(2) + ")";
      }
      if (run.outcome == SessionOutcome::partial) out += ", partly";
      if (run.unplanned) out += "; no run was planned that day";
      return out + ".";
    }
    std::string out = walk ? "walk" : "run";
    if (run.if_all_goes_well) {
      // The intervals below say what the stage is; its name would only repeat them.
      out += ", " + step_label(step_words(protocol), run.stage_index) + " of " +
             std::to_string(protocol.stages.size()) + session_words(protocol, run);
    } else if (run.stage_index != said.stage_index) {
      out += ", " + title;
    } else {
      out += session_words(protocol, run);
    }
    if (run.if_all_goes_well) out += " if all goes well";
    const std::string session = session_text(protocol, run, said);
    if (said.runs_said) {
      const auto [before, added] = said.runs_said->try_emplace(session, day.date);
      if (!added) return out + ": the same as " + short_day(before->second) + ".";
    }
    return out + ". " + session;
  }
  switch (day.rest) {
    case RestKind::before_start:
      return "your programme has not started yet.";
    case RestKind::stopped:
      return "no running. Please see your physiotherapist before you run again.";
    case RestKind::finished:
      return "programme finished. Well done.";
    case RestKind::imposed:
      return "rest day, as your last checkpoint asked. Rest is part of the plan.";
    case RestKind::recovery:
      return describe_recovery_day(day.recovery_activity) + ".";
    default:
      if (day.over_weekly_cap && protocol.weekly_cap) {
        return "rest day: a run today would take this week past the protocol's cap of " +
               format_amount(*protocol.weekly_cap) + " of running, so it is left out.";
      }
      return "rest day.";
  }
}

}  // namespace

bool walk_day(const Protocol& protocol, const PlannedDay& day) {
  return day.run &&
         walk_only(session_for(stage_at(protocol, day.run->stage_index), day.run->session_index));
}

std::string exercise_line(const Exercise& exercise) {
  return exercise.name + ": " + describe_exercise_dose(exercise);
}

std::string recovery_line(const RecoveryItem& item, bool details) {
  std::string out = item.name;
  if (item.duration) out += ", " + format_amount(*item.duration);
  if (details && !item.details.empty()) out += ". " + item.details;
  return out;
}

std::string run_manner(const Protocol& protocol, const PlannedDay& day) {
  if (!day.run || day.run->logged || day.run->missed) return "";
  const Stage& stage = stage_at(protocol, day.run->stage_index);
  std::vector<std::string> parts;
  if (const std::string intensity = trimmed(describe_intensity(stage.intensity));
      !intensity.empty()) {
    parts.push_back(capitalise(intensity) + ".");
  }
  for (const SessionCue& cue : day.cues) parts.push_back("Cue: " + trimmed(cue.text) + ".");
  if (!stage.surface.empty()) parts.push_back("Surface: " + trimmed(stage.surface) + ".");
  if (!stage.notes.empty()) parts.push_back("Note: " + trimmed(stage.notes) + ".");
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : " ") + part;
  return out;
}

std::string reminder_fields(const Reminder& reminder, bool walk) {
  std::string out;
  for (const LogField& field : reminder.fields) {
    std::string what = field.what;
    // "pain during the run" on a walk day is the pain during the walk.
    if (const auto at = what.find("the run"); walk && at != std::string::npos) {
      what.replace(at, 7, "the walk");
    }
    out += (out.empty() ? "" : "; ") + what;
    // A question that says "(yes/no)" itself is not told so twice.
    if (field.value == LogValue::answer && field.yes_no &&
        what.find("yes/no") == std::string::npos && what.find("yes or no") == std::string::npos) {
      out += " (yes or no)";
    }
    if (field.value == LogValue::answer && !field.choices.empty()) {
      std::string choices;
      for (const auto& choice : field.choices) choices += (choices.empty() ? "" : ", ") + choice;
      out += " (" + choices + ")";
    }
  }
  return out;
}

std::string run_log_options(const CommandSyntax& commands) {
  // "--session partial or skipped": one option's two values, its name said once.
  const std::string partial = commands.log_option(LogOption::partial);
  std::string skipped = commands.log_option(LogOption::skipped);
  const auto space = partial.find(' ');
  if (space != std::string::npos && skipped.compare(0, space + 1, partial, 0, space + 1) == 0) {
    skipped.erase(0, space + 1);
  }
  return "add " + partial + " or " + skipped + ", " + commands.log_option(LogOption::limp) +
         " or " + commands.log_option(LogOption::swelling) + " as needed";
}

std::string warm_up_words(const Session& session) {
  const auto& warm = session.warmup_walk;
  const auto& cool = session.cooldown_walk;
  if (warm && cool) {
    return "Walk " + format_amount(*warm) + " to warm up and " + format_amount(*cool) +
           " to cool down";
  }
  if (warm) return "Walk " + format_amount(*warm) + " to warm up first";
  if (cool) return "Walk " + format_amount(*cool) + " to cool down at the end";
  return "";
}

bool after_own_run(const Reminder& reminder) {
  return reminder.when != TimePoint::next_morning;
}

void write_day(TextWriter& out, const Protocol& protocol, const CommandSyntax& commands,
               const PlannedDay& day, Date today, const SaidOnce& said) {
  std::string heading = short_day(day.date) + (day.date == today ? " (today)" : "");
  // A calendar programme says which of its days it is: the runner follows the calendar.
  if (day.programme_day) heading += ", day " + std::to_string(*day.programme_day);
  std::string summary = heading + ": " + day_summary(protocol, day, said);
  if (day.logged) {
    const std::string words = logged_words(protocol, *day.logged);
    if (!words.empty()) summary += " You logged: " + words + ".";
  }
  const Tone tone = day.rest == RestKind::stopped ? Tone::alert : Tone::plain;
  if (day.run && day.run->missed) {
    out.paragraph(summary, 0, Tone::hold);
    for (const Reminder& reminder : day.reminders) out.command(commands.log_reminder(reminder), 2);
    return;
  }
  if (day.date < today || day.rest == RestKind::before_start || day.rest == RestKind::stopped) {
    out.paragraph(summary, 0, tone);
    return;
  }
  const bool walk = walk_day(protocol, day);
  // The first reminder's heading ends the day's paragraph, so its command follows at once.
  const std::string manner = said.run_manner ? "" : run_manner(protocol, day);
  std::vector<std::string> extras;
  if (!manner.empty()) extras.push_back(manner);
  for (const Exercise& exercise : day.exercises) {
    if (!said.items.count(exercise_line(exercise))) extras.push_back(exercise_line(exercise));
  }
  for (const RecoveryItem& item : day.recovery) {
    const std::string line = recovery_line(item, said.recovery_details);
    if (!said.items.count(line)) extras.push_back(line);
  }
  // What to log: its heading and the command on one line when they fit, and on the day's own
  // line when the day says nothing else.
  std::vector<std::pair<std::string, std::string>> logs;  // heading, command
  for (const Reminder& reminder : day.reminders) {
    const bool morning = reminder.when == TimePoint::next_morning;
    const bool own_run = after_own_run(reminder) && reminder.session_date == day.date;
    const bool said_fields = morning ? said.next_morning : (own_run && said.after_run);
    std::string words = reminder_heading(reminder, day.date, walk, said_fields) + ":";
    // The values in words, when the top did not say them: the command goes on its own line.
    if (!said_fields) words += " " + reminder_fields(reminder, walk && own_run) + "\n";
    logs.emplace_back(words, commands.log_reminder(reminder));
    if (own_run && !said.after_run) {
      logs.emplace_back("(" + run_log_options(commands) + ")", "");
    }
  }
  const int width = out.layout().width;
  auto fits = [width](const std::string& text) {
    return width <= 0 || display_width(text) <= width;
  };
  if (extras.empty() && logs.size() == 1 && logs[0].first.back() != '\n' &&
      fits(summary + " " + logs[0].first + " " + logs[0].second)) {
    out.paragraph(summary + " " + logs[0].first + " " + logs[0].second, 0, tone);
    return;
  }
  // Nothing else to say that day: what to log ends the day's line, the command below it.
  if (extras.empty() && logs.size() == 1 && logs[0].first.back() != '\n') {
    if (!fits("  " + logs[0].second)) {
      // The command takes two lines anyway: it starts on the day's line.
      out.line_then_command(summary + " " + logs[0].first, logs[0].second, tone);
      return;
    }
    // The command on a line of its own: its heading beside it when both fit ("  After the run:
    // runback log ..."), as when a day has several.
    if (fits("  " + logs[0].first + " " + logs[0].second)) {
      out.paragraph(summary, 0, tone);
      out.paragraph(logs[0].first + " " + logs[0].second, 2);
      return;
    }
    out.paragraph(summary + " " + logs[0].first, 0, tone);
    out.command(logs[0].second, 2);
    return;
  }
  out.paragraph(summary, 0, tone);
  for (const std::string& extra : extras) out.paragraph(extra, 2);
  for (const auto& [words, command] : logs) {
    if (command.empty()) {
      out.paragraph(words, 4);
    } else if (words.back() != '\n' && fits("  " + words + " " + command)) {
      out.paragraph(words + " " + command, 2);
    } else {
      out.paragraph(words, 2);
      out.command(command, 4);
    }
  }
}

}  // namespace runback
