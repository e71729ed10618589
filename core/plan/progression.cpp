#include "plan/progression.hpp"

#include <algorithm>

#include "plan/calendar.hpp"
#include "protocol/safety.hpp"

namespace runback::plan_internal {

using Days = std::chrono::days;

int sessions_needed(const Protocol& protocol, int stage) {
  return std::max(1, protocol.stages[std::size_t(stage)].sessions_to_advance);
}

int min_rest_days(const Protocol& protocol, int stage) {
  // A calendar's days are its spacing: the rest is the gap between two sessions' days.
  if (protocol.calendar) return calendar_gap(protocol, stage) - 1;
  return std::clamp(protocol.stages[std::size_t(stage)].frequency.min_rest_days, 0, 6);
}

int programme_week(Date start, Date date) {
  if (date < start) return 0;
  return int((date - start).count()) / 7 + 1;
}

namespace {

const WeekFrequency* week_rule(const Frequency& frequency, int week) {
  for (const WeekFrequency& rule : frequency.by_week) {
    if (rule.from_week <= week && week <= rule.to_week) return &rule;
  }
  return nullptr;
}

}  // namespace

Frequency frequency_on(const Protocol& protocol, int stage, Date start, Date date) {
  const Frequency& own = protocol.stages[std::size_t(stage)].frequency;
  // The values only: copying the by_week list or the refs would allocate on every day.
  Frequency out;
  out.sessions_min = own.sessions_min;
  out.sessions_max = own.sessions_max;
  out.min_rest_days = own.min_rest_days;
  out.sessions_up_to = own.sessions_up_to;
  if (const WeekFrequency* rule = week_rule(own, programme_week(start, date))) {
    // The more cautious of the two, value by value.
    if (rule->min_rest_days) out.min_rest_days = std::max(out.min_rest_days, *rule->min_rest_days);
    if (rule->sessions_max) out.sessions_max = std::min(out.sessions_max, *rule->sessions_max);
    if (rule->sessions_min) out.sessions_min = std::min(out.sessions_min, *rule->sessions_min);
    out.sessions_min = std::min(out.sessions_min, out.sessions_max);
  }
  return out;
}

int min_rest_days_on(const Protocol& protocol, int stage, Date start, Date date) {
  if (protocol.calendar) return min_rest_days(protocol, stage);
  return std::clamp(frequency_on(protocol, stage, start, date).min_rest_days, 0, 6);
}

int stages_per_7_days(const Protocol& protocol) {
  // A calendar moves on at each of its days (at most one a day): the core's cap does not hold
  // it back, the calendar's own days are its pace (clinical-basis.md line 167).
  if (protocol.calendar) return 7;
  // The protocol's own cap, within its format's limit (format 2 may pass the common cap of 2).
  return std::clamp(protocol.progression.max_stages_per_7_days, 1,
                    safety::max_stages_per_7_days_limit(protocol.format));
}

int session_index(const Protocol& protocol, const Progress& progress) {
  const Stage& stage = protocol.stages[std::size_t(progress.stage)];
  return std::clamp(progress.clean, 0, session_count(stage) - 1);
}

namespace {

// A session that passed: it counts, and enough of them in a row move the runner up, unless the
// moves of the last 7 days are already the most the protocol allows.
void pass(const Protocol& protocol, Progress& progress, Date date, Move& move) {
  ++progress.clean;
  while (!progress.advances.empty() && progress.advances.front() <= date - Days{7}) {
    progress.advances.pop_front();
  }
  move.clean = progress.clean;
  move.needed = sessions_needed(protocol, progress.stage);
  if (progress.clean < move.needed) {
    move.kind = DecisionKind::keep_going;
  } else if (int(progress.advances.size()) >= stages_per_7_days(protocol)) {
    move.kind = DecisionKind::keep_going;
    move.rule = "progression.max_stages_per_7_days";
    move.held = true;
    move.recent_moves = int(progress.advances.size());
  } else if (progress.stage + 1 >= int(protocol.stages.size())) {
    move.kind = DecisionKind::complete;
    progress.complete = true;
  } else {
    move.kind = DecisionKind::advance;
    move.rule = "sessions_to_advance";
    progress.advances.push_back(date);
    ++progress.stage;
    progress.stage_since = date;
    progress.clean = 0;
    move.to_stage = progress.stage;
  }
}

}  // namespace

Move apply_action(const Protocol& protocol, Progress& progress, Date date, const Action& action) {
  Move move;
  move.from_stage = progress.stage;
  move.to_stage = progress.stage;
  switch (action.kind) {
    case ActionKind::stop:
      move.kind = DecisionKind::stop;
      stop(progress, date);
      break;
    case ActionKind::step_back: {
      move.kind = DecisionKind::step_back;
      const int to = std::max(0, progress.stage - std::max(1, action.stages));
      move.to_stage = to;
      if (to != progress.stage) progress.stage_since = date;
      progress.stage = to;
      progress.clean = 0;
      break;
    }
    case ActionKind::repeat:
      move.kind = DecisionKind::repeat;
      progress.clean = 0;
      break;
    case ActionKind::proceed:
      pass(protocol, progress, date, move);
      break;
  }
  if (action.rest_days > 0 && action.kind != ActionKind::stop) {
    const Date through = date + Days{action.rest_days};
    progress.rest_through = std::max(progress.rest_through.value_or(through), through);
  }
  return move;
}

std::optional<TooSoon> too_soon(const Protocol& protocol, const Progress& progress, Date date) {
  const bool rest_day = progress.rest_through && date <= *progress.rest_through;
  const int gap = progress.last_run ? int((date - *progress.last_run).count()) : 1000;
  const int min_rest = min_rest_days_on(protocol, progress.stage, progress.programme_start, date);
  if (!rest_day && gap >= min_rest + 1) return std::nullopt;
  const WeekFrequency* rule = week_rule(protocol.stages[std::size_t(progress.stage)].frequency,
                                        programme_week(progress.programme_start, date));
  const bool by_week = rule && rule->min_rest_days && *rule->min_rest_days == min_rest &&
                       min_rest > min_rest_days(protocol, progress.stage);
  return TooSoon{rest_day, gap, min_rest, by_week ? rule : nullptr};
}

const BreakRule* break_rule_for(const Protocol& protocol, int days_without_running) {
  const BreakRule* rule = nullptr;
  for (const BreakRule& candidate : protocol.progression.breaks) {
    if (candidate.days == days_without_running) rule = &candidate;
  }
  return rule;
}

std::optional<BreakMove> take_break(const Protocol& protocol, Progress& progress, Date date,
                                    Date start) {
  BreakMove move;
  move.since = progress.last_run.value_or(start);
  move.since_run = progress.last_run.has_value();
  move.gap = int((date - move.since).count());
  move.rule = break_rule_for(protocol, move.gap);
  if (!move.rule) return std::nullopt;
  if (progress.stage_before_break < 0) progress.stage_before_break = progress.stage;
  const int to = move.rule->restart
                     ? 0
                     : std::max(0, progress.stage_before_break - std::max(0, move.rule->step_back));
  if (to > progress.stage || (to == progress.stage && progress.clean == 0)) return std::nullopt;
  move.from_stage = progress.stage;
  move.to_stage = to;
  if (to != progress.stage) progress.stage_since = date;
  progress.stage = to;
  progress.clean = 0;
  return move;
}

void stop(Progress& progress, Date date) {
  progress.stopped = true;
  progress.stopped_on = date;
  progress.clean = 0;
}

bool resume(Progress& progress, const Clearance& clearance) {
  if (!progress.stopped || !progress.stopped_on || clearance.date < *progress.stopped_on) {
    return false;
  }
  progress.stopped = false;
  progress.clean = 0;
  progress.rest_through = std::max(progress.rest_through.value_or(clearance.date), clearance.date);
  return true;
}

void record_run(Progress& progress, Date day) {
  progress.last_run = day;
  progress.stage_before_break = -1;
}

}  // namespace runback::plan_internal
