// The projection: past the plan's date every planned run is assumed to go well, which lays out
// the days ahead and finds the day the programme would be complete. The run days it places are
// the ones the past is measured against too (a planned day with nothing logged was missed).

#include <algorithm>

#include "plan/day_walk.hpp"
#include "plan/schedule.hpp"
#include "protocol/personalise.hpp"

namespace runback::plan_internal {
namespace {

// What the projection assumes of a planned run: done, with no pain at any time.
DayLog clean_session(Date date) {
  DayLog log;
  log.date = date;
  log.session = SessionOutcome::done;
  log.pain_warmup = 0;
  log.pain_during = 0;
  log.pain_after = 0;
  log.pain_next_morning = 0;
  log.stiffness_minutes = 0;
  return log;
}

// The values a run-day pattern is made from (run_day_pattern reads no others).
bool same_values(const Frequency& a, const Frequency& b) {
  return a.sessions_min == b.sessions_min && a.sessions_max == b.sessions_max &&
         a.min_rest_days == b.min_rest_days && a.sessions_up_to == b.sessions_up_to;
}

}  // namespace

void Planner::start_projection() {
  projecting_ = true;
  // A session still waiting for its logs has not passed: the projection does not count it.
  if (pending_) progress_.clean = 0;
  // And when what was logged already fails it, the days ahead take what that asks for now (the
  // week must not lay out the stage a runner was just told to step back from).
  if (pending_ && pending_action_) {
    const Move move = apply_action(p_, progress_, *pending_, *pending_action_);
    if (move.kind == DecisionKind::step_back || pending_action_->rest_days > 0) setback_ = true;
  }
}

// A planned run day: one of the stage's run-day pattern (the runner's preferred days), with the
// rest days since the last run kept and the week's most runs not reached. The same rule lays out
// the past (a planned day with nothing logged was missed) and the future.
bool Planner::is_run_day(Date day) {
  if (progress_.stopped || progress_.complete || day < r_.programme.start_date) return false;
  if (progress_.rest_through && day <= *progress_.rest_through) return false;
  if (p_.calendar) {
    // A calendar's own days, not a weekday pattern or a count of runs a week: the next session
    // is due as many days after the last run as the calendar puts between the two.
    return !progress_.last_run ||
           (day - *progress_.last_run).count() >= min_rest_days(p_, progress_.stage) + 1;
  }
  // The stage's frequency for this programme week (a by-week rule may ask for more caution).
  const Frequency frequency = frequency_on(p_, progress_.stage, r_.programme.start_date, day);
  const auto& preferred = run_days_on(r_.programme, day);
  if (patterns_.size() <= std::size_t(progress_.stage)) patterns_.resize(p_.stages.size());
  std::optional<StagePattern>& pattern = patterns_[std::size_t(progress_.stage)];
  if (!pattern || pattern->preferred != &preferred || !same_values(pattern->frequency, frequency)) {
    pattern = StagePattern{&preferred, frequency, run_day_pattern(preferred, frequency).days};
  }
  if (!on_weekday(day, pattern->days)) return false;
  if (progress_.last_run &&
      (day - *progress_.last_run).count() < std::clamp(frequency.min_rest_days, 0, 6) + 1) {
    return false;
  }
  if (runs_this_week_ >= std::clamp(frequency.sessions_max, 1, 7)) return false;
  // Format 2's weekly cap: a run that would take the week past it is dropped (the day says why).
  if (p_.weekly_cap) {
    const double volume =
        running_volume(p_.stages[std::size_t(progress_.stage)].session, p_.weekly_cap->kind);
    if (volume_this_week_ + volume > p_.weekly_cap->value + 1e-6) {
      capped_on_ = day;
      return false;
    }
  }
  return true;
}

// A run ahead, assumed to go well: its checkpoint is taken like a logged one's.
PlannedRun Planner::project_run(Date day) {
  DayLog clean = clean_session(day);
  seen_.push_back(clean);
  if (!plan_.next_run) {
    plan_.next_run = day;
    plan_.next_run_stage = progress_.stage;
  }
  const int session = session_index(p_, progress_);
  const int at = on_session(clean, false);
  PlannedRun run{at, false, std::nullopt, projected_advance_, false, false};
  if (progress_.stage > at || progress_.complete) projected_advance_ = true;
  run.session_index = session;
  return run;
}

void Planner::find_projected_completion() {
  for (const auto* list : {&plan_.decisions, &plan_.projected}) {
    for (const Decision& decision : *list) {
      if (decision.kind == DecisionKind::complete) plan_.projected_completion = decision.date;
    }
  }
}

}  // namespace runback::plan_internal
