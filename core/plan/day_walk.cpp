#include "plan/day_walk.hpp"

#include <algorithm>

#include "plan/calendar.hpp"
#include "protocol/personalise.hpp"

namespace runback::plan_internal {

using Days = std::chrono::days;

Planner::Planner(const PlanRequest& request, Date explain_from)
    : r_(request),
      p_(request.protocol),
      stage_count_(int(p_.stages.size())),
      words_(step_words(p_)),
      limits_(effective_pain_limits(p_)),
      needed_(needed_logs(p_)),
      history_id_(next_history_id()),
      explain_from_(explain_from) {}

void Planner::decide(Decision decision) {
  decision.projected = projecting_;
  (projecting_ ? plan_.projected : plan_.decisions).push_back(std::move(decision));
}

void Planner::summarise(Date date, int stage_index, ActionKind outcome) {
  summaries_.push_back({date, stage_index, outcome});
}

ExtensionContext Planner::context(Date date) const {
  return ExtensionContext{
      p_,    r_.programme, date,       progress_.stage, int((date - progress_.stage_since).count()),
      seen_, summaries_,   history_id_};
}

void Planner::record_run(Date day, int stage) {
  plan_internal::record_run(progress_, day);
  ++runs_this_week_;
  calendar_missed_ = false;
  if (p_.weekly_cap && stage >= 0 && stage < stage_count_) {
    volume_this_week_ += running_volume(p_.stages[std::size_t(stage)].session, p_.weekly_cap->kind);
  }
}

void Planner::note(std::string text) {
  if (std::find(plan_.notes.begin(), plan_.notes.end(), text) == plan_.notes.end())
    plan_.notes.push_back(std::move(text));
}

bool Planner::plugin_failed(const std::string& error) {
  auto& failures = plan_.plugin_failures;
  if (std::find(failures.begin(), failures.end(), error) != failures.end()) return false;
  failures.push_back(error);
  return true;
}

// Where the runner stands with what they logged, before any run planned for today.
void Planner::take_status() {
  PlanStatus& status = plan_.status;
  const int needed = sessions_needed(p_, progress_.stage);
  status.stage_index = progress_.stage;
  status.clean_sessions = progress_.clean;
  status.sessions_to_advance = needed;
  status.complete = progress_.complete;
  status.stopped = progress_.stopped;
  status.stopped_on = progress_.stopped ? progress_.stopped_on : std::nullopt;
  status.last_run = progress_.last_run;
  status.rest_through = progress_.rest_through;
  status.waiting_for = pending_;
  status.missing = pending_missing_;
  status.usual_pain = r_.programme.usual_pain;
  if (progress_.clean >= needed && !progress_.advances.empty()) {
    status.can_move_up_from = progress_.advances.front() + Days{7};
  }
}

Plan Planner::run() {
  if (stage_count_ == 0) {
    plan_.notes.push_back("This protocol has no stages.");
    return std::move(plan_);
  }
  const Programme& programme = r_.programme;
  progress_.stage = std::clamp(programme.starting_stage, 0, stage_count_ - 1);
  progress_.stage_since = programme.start_date;
  calendar_anchor_date_ = programme.start_date;
  calendar_anchor_day_ = calendar_day_of(p_, progress_.stage).value_or(0);
  progress_.programme_start = programme.start_date;
  plan_.status.stage_count = stage_count_;
  if (programme.usual_pain) baseline_ = {*programme.usual_pain, Baseline::Source::usual};

  // Only what was logged up to the plan's date counts.
  const auto logs_end =
      std::upper_bound(r_.logs.begin(), r_.logs.end(), r_.today,
                       [](Date day, const DayLog& log) { return day < log.date; });
  const auto clearances_end =
      std::upper_bound(r_.clearances.begin(), r_.clearances.end(), r_.today,
                       [](Date day, const Clearance& clearance) { return day < clearance.date; });
  const DayLog* last_session = nullptr;
  for (auto it = r_.logs.begin(); it != logs_end; ++it) {
    if (it->session) last_session = &*it;
  }
  seen_.reserve(std::size_t(logs_end - r_.logs.begin()) + 64);
  plan_.decisions.reserve(std::size_t(logs_end - r_.logs.begin()) + 8);
  summaries_.reserve(std::size_t(logs_end - r_.logs.begin()) + 64);

  const Date window_begin = r_.from;
  const Date window_end = r_.from + Days{std::max(0, r_.days)};
  Date day = std::min({programme.start_date, r_.today, window_begin});
  if (r_.logs.begin() != logs_end) day = std::min(day, r_.logs.front().date);
  const Date horizon = r_.today + Days{std::max(0, r_.projection_days)};
  const Date recent_from = r_.today - Days{14};

  auto log_it = r_.logs.begin();
  auto clearance_it = r_.clearances.begin();
  bool logged_today = false;

  for (;; day += Days{1}) {
    std::optional<PlannedRun> run;
    const DayLog* logged = nullptr;
    // At the last stage too: the programme's completion is the decision every view shows from
    // then on, however long before the guessed date it came, and explaining the last stage's few
    // checkpoints costs less than walking the whole history again to explain it.
    explain_ = day >= explain_from_ || at_last_stage();
    if (std::chrono::weekday{day} == std::chrono::Monday) {
      runs_this_week_ = 0;
      volume_this_week_ = 0;
    }
    if (day <= r_.today) {
      while (clearance_it != clearances_end && clearance_it->date <= day) {
        if (clearance_it->date == day) on_clearance(*clearance_it);
        ++clearance_it;
      }
      while (log_it != logs_end && log_it->date < day) ++log_it;
      if (log_it != logs_end && log_it->date == day) {
        if (day >= programme.start_date) {
          logged = &*log_it;
        } else {
          // Before the start (an earlier programme's, or a run before starting): no checkpoint,
          // but the legs still ran, so the rest days count from it, and its morning value is
          // the latest baseline.
          if (const auto outcome = implied_session(*log_it);
              outcome && *outcome != SessionOutcome::skipped) {
            record_run(day, progress_.stage);
          }
          if (log_it->pain_next_morning) {
            baseline_ = {*log_it->pain_next_morning, Baseline::Source::morning};
          }
          // A red flag is never relaxed by starting over: it stops running until a clearance.
          if (!log_it->red_flags.empty()) on_red_flags(*log_it);
        }
      }
      if (day == r_.today && logged && logged->session) logged_today = true;
    }
    const Date first_projected = r_.today + Days{logged_today ? 1 : 0};
    if (day > r_.today && !projecting_) start_projection();
    if (day > r_.today) explain_ = day < window_end;
    if (!progress_.complete) apply_break(day);
    const bool planned = is_run_day(day);

    if (logged) {
      const DayLog& log = *logged;
      seen_.push_back(log);
      if (!log.red_flags.empty()) {
        const bool ran = log.session && *log.session != SessionOutcome::skipped;
        if (log.session) {
          run = PlannedRun{progress_.stage, true, log.session, false, false, !planned};
          run->session_index = session_index(p_, progress_);
        }
        on_red_flags(log);
        if (ran) record_run(day, progress_.stage);
      } else if (log.session) {
        const int session = session_index(p_, progress_);
        const int at = on_session(log, &log != last_session);
        run = PlannedRun{at, true, log.session, false, false, !planned};
        run->session_index = session;
      }
      // The next-morning value is the baseline for the next session's rise.
      if (log.pain_next_morning) baseline_ = {*log.pain_next_morning, Baseline::Source::morning};
    }
    if (!run && planned && day < first_projected && !calendar_missed_) {
      // A planned run that passed with nothing logged: missed. No decision (the break rules
      // deal with long gaps), but every view counts and shows it. A calendar's session stays
      // due every day until it is done: it is missed once, on its own day.
      run = PlannedRun{progress_.stage, false, std::nullopt, false, true, false};
      run->session_index = session_index(p_, progress_);
      ++plan_.status.missed_runs;
      if (day >= recent_from) plan_.status.recent_missed.push_back(day);
      calendar_missed_ = p_.calendar.has_value();
    }
    if (day == r_.today) take_status();
    if (day >= first_projected && !projecting_) start_projection();
    if (day >= first_projected) explain_ = day < window_end;
    // Today's logs (a red flag, a clearance) may have changed whether a run fits.
    if (!run && day >= first_projected && (day > r_.today ? planned : is_run_day(day))) {
      run = project_run(day);
    }

    // A run done (or planned) puts the calendar at its stage's day: the days after follow on.
    if (run && !run->missed && run->outcome != SessionOutcome::skipped && p_.calendar &&
        day >= programme.start_date) {
      calendar_anchor_date_ = day;
      calendar_anchor_day_ = calendar_day_of(p_, run->stage_index).value_or(0);
    }
    if (day >= window_begin && day < window_end) {
      plan_.days.push_back(lay_out(day, run));
      if (logged && r_.day_details) plan_.days.back().logged = *logged;
    }
    queue_morning_reminders(day, run, logged, window_begin, window_end);
    if (day >= r_.today && day + Days{1} >= window_end &&
        (progress_.complete || progress_.stopped || day >= horizon)) {
      break;
    }
  }
  find_projected_completion();
  return std::move(plan_);
}

}  // namespace runback::plan_internal
