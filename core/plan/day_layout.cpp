// The day layout: what a planned day holds. Its run (or the kind of rest), the exercises and
// recovery items of the day, the plugin's cues for the run, and the reminders of what to log.

#include <algorithm>

#include "plan/calendar.hpp"
#include "plan/day_walk.hpp"
#include "plan/log_fields.hpp"
#include "plan/schedule.hpp"

namespace runback::plan_internal {

using Days = std::chrono::days;

const std::vector<CheckpointQuestion>& Planner::questions() {
  if (!questions_) {
    questions_.emplace();
    if (r_.extension && r_.day_details) {
      // The questions describe the checkpoint; they are asked with the protocol's context (fixed
      // questions: the answer the checkpoints had).
      const auto& asked = checkpoint_questions(r_.today);
      if (asked.ok()) {
        *questions_ = *asked;
      } else {
        note_questions_failed(asked.error());
      }
    }
  }
  return *questions_;
}

Reminder Planner::reminder_for(Date session, TimePoint when, const DayLog* already) {
  Reminder reminder{when, session, checkpoint_fields(p_, needed_, questions(), when)};
  if (already) {
    std::erase_if(reminder.fields, [&](const LogField& f) { return field_logged(f, *already); });
  }
  return reminder;
}

// The calendar's day for a date: a run's own stage day; between runs, the days after the last
// run follow the calendar up to the next session's day. After a repeat, a step back or a break,
// and on the days after a missed session, the runner is off the calendar (none) until the
// session due is done: then the rest of the calendar follows on from there.
std::optional<int> Planner::programme_day(Date day, const std::optional<PlannedRun>& run) const {
  if (!p_.calendar || day < r_.programme.start_date) return std::nullopt;
  if (run) return calendar_day_of(p_, run->stage_index);
  if (progress_.complete) return std::nullopt;
  const auto next = calendar_day_of(p_, progress_.stage);
  if (!next || calendar_anchor_day_ >= *next) return std::nullopt;
  const int since = calendar_anchor_day_ + int((day - calendar_anchor_date_).count());
  // Past the session's day with it still not done (missed, or held by rest): off the calendar.
  if (since > *next) return std::nullopt;
  return since;
}

PlannedDay Planner::lay_out(Date day, const std::optional<PlannedRun>& run) {
  PlannedDay out;
  out.date = day;
  out.run = run;
  out.stage_index = run ? run->stage_index : progress_.stage;
  if (run && !run->missed) {
    out.rest = RestKind::none;
  } else if (day < r_.programme.start_date) {
    out.rest = RestKind::before_start;
  } else if (progress_.complete) {
    out.rest = RestKind::finished;
  } else if (progress_.stopped) {
    out.rest = RestKind::stopped;
  } else if (progress_.rest_through && day <= *progress_.rest_through) {
    out.rest = RestKind::imposed;
  }
  out.programme_day = programme_day(day, run);
  if (out.programme_day && out.rest == RestKind::rest) {
    // A calendar's recovery day: no impact that day, whatever the runner's rest days allow.
    if (const CalendarDay* entry = calendar_entry(p_, *out.programme_day);
        entry && entry->recovery) {
      out.rest = RestKind::recovery;
      out.recovery_activity = entry->activity;
    }
  }
  out.over_weekly_cap = !run && capped_on_ == day;
  if (out.rest == RestKind::before_start || out.rest == RestKind::stopped) return out;
  const bool future = day >= r_.today;
  const bool run_ahead = future && run && !run->logged && !run->missed;
  if (!r_.day_details) {
    if (run_ahead) out.reminders.push_back(reminder_for(day, TimePoint::during, nullptr));
    return out;
  }

  // Exercises: the protocol's, the stage's, then the plugin's with that week's dose (a plugin
  // exercise replaces the protocol's exercise of the same name).
  auto place = [&](const Exercise& exercise) {
    return exercise.per == Period::day || on_weekday(day, spread_pattern(exercise.times));
  };
  auto add_exercise = [&](const Exercise& exercise) {
    auto same = std::find_if(out.exercises.begin(), out.exercises.end(),
                             [&](const Exercise& e) { return e.name == exercise.name; });
    if (same != out.exercises.end()) out.exercises.erase(same);
    if (place(exercise)) out.exercises.push_back(exercise);
  };
  if (out.rest != RestKind::finished) {
    for (const Exercise& exercise : p_.exercises) add_exercise(exercise);
    for (const Exercise& exercise : p_.stages[std::size_t(out.stage_index)].exercises)
      add_exercise(exercise);
  }
  if (r_.extension && out.rest != RestKind::finished) {
    auto extra = r_.extension->exercises(context(day));
    if (extra.ok()) {
      for (const Exercise& exercise : *extra) add_exercise(exercise);
    } else if (plugin_failed(extra.error())) {
      note("The " + r_.extension->name() + " plugin could not give its exercises for " +
           format_date(day) + " (" + extra.error() + "); the protocol's own are shown.");
    }
    if (run && !run->missed) {
      auto cues = r_.extension->session_cues(context(day));
      if (cues.ok()) {
        out.cues = std::move(*cues);
      } else if (plugin_failed(cues.error())) {
        note("The " + r_.extension->name() + " plugin could not give its cues for " +
             format_date(day) + " (" + cues.error() + ").");
      }
    }
  }
  for (const RecoveryItem& item : p_.recovery) {
    bool today = false;
    switch (item.when) {
      case RecoveryWhen::after_run:
      case RecoveryWhen::evening:  // the evening of a run day (protocol-format.md)
        today = run && !run->missed;
        break;
      case RecoveryWhen::rest_day:
        today = !run || run->missed;
        break;
      case RecoveryWhen::daily:
        today = true;
        break;
      case RecoveryWhen::weekly:
        today = on_weekday(day, spread_pattern(item.times_per_week.value_or(1)));
        break;
    }
    if (today) out.recovery.push_back(item);
  }

  // A missed run can still be logged, with the same command a planned one gives.
  if (run && run->missed) out.reminders.push_back(reminder_for(day, TimePoint::during, nullptr));
  if (!future) return out;
  out.reminders.insert(out.reminders.end(), morning_reminders_.begin(), morning_reminders_.end());
  if (day == r_.today && plan_.status.waiting_for) {
    // The logs a session is still waiting for, whichever day it was.
    const Date session = *plan_.status.waiting_for;
    const DayLog* logged = nullptr;
    for (auto it = seen_.rbegin(); it != seen_.rend() && !logged; ++it) {
      if (it->date == session) logged = &*it;
    }
    for (TimePoint when : {TimePoint::during, TimePoint::next_morning}) {
      if (when == TimePoint::next_morning && session >= r_.today) continue;  // not morning yet
      Reminder reminder = reminder_for(session, when, logged);
      if (!reminder.fields.empty()) out.reminders.push_back(std::move(reminder));
    }
  } else if (day == r_.today && !needed_.next_morning) {
    // `decide: after_session`: the last session is decided already, but its next-morning values
    // are still asked: the screen judges them when they come.
    auto last = std::find_if(seen_.rbegin(), seen_.rend(), [&](const DayLog& log) {
      return log.date < day && log.session && *log.session != SessionOutcome::skipped;
    });
    if (last != seen_.rend()) {
      Reminder reminder = reminder_for(last->date, TimePoint::next_morning, &*last);
      if (!reminder.fields.empty()) out.reminders.push_back(std::move(reminder));
    }
  }
  if (run_ahead) out.reminders.push_back(reminder_for(day, TimePoint::during, nullptr));
  return out;
}

// Tomorrow morning's values for today's run: a planned run, or one logged today whose
// checkpoint still waits. They are shown on tomorrow, when it is laid out.
void Planner::queue_morning_reminders(Date day, const std::optional<PlannedRun>& run,
                                      const DayLog* logged, Date window_begin, Date window_end) {
  morning_reminders_.clear();
  const bool next_in_window = day + Days{1} >= window_begin && day + Days{1} < window_end;
  if (!next_in_window || !run || run->missed || day + Days{1} <= r_.today) return;
  if (!run->logged) {
    morning_reminders_.push_back(reminder_for(day, TimePoint::next_morning, nullptr));
  } else if ((pending_ == day || !needed_.next_morning) && logged) {
    // Waiting for them, or (`decide: after_session`) decided but still asking for them.
    Reminder reminder = reminder_for(day, TimePoint::next_morning, logged);
    if (!reminder.fields.empty()) morning_reminders_.push_back(std::move(reminder));
  }
}

}  // namespace runback::plan_internal
