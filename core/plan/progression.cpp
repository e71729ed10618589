#include "plan/progression.hpp"

#include <algorithm>

#include "protocol/safety.hpp"

namespace runback::plan_internal {

using Days = std::chrono::days;

int sessions_needed(const Protocol& protocol, int stage) {
  return std::max(1, protocol.stages[std::size_t(stage)].sessions_to_advance);
}

int min_rest_days(const Protocol& protocol, int stage) {
  return std::clamp(protocol.stages[std::size_t(stage)].frequency.min_rest_days, 0, 6);
}

// The protocol's own cap, within its format's limit (format 2 may pass the common cap of 2).
int stages_per_7_days(const Protocol& protocol) {
  return std::clamp(protocol.progression.max_stages_per_7_days, 1,
                    safety::max_stages_per_7_days_limit(protocol.format));
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
  const int min_rest = min_rest_days(protocol, progress.stage);
  if (!rest_day && gap >= min_rest + 1) return std::nullopt;
  return TooSoon{rest_day, gap, min_rest};
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
