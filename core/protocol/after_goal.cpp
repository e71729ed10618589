#include "protocol/after_goal.hpp"

#include <algorithm>
#include <cmath>

#include "protocol/amount.hpp"

namespace runback {

int after_goal_percent(const AfterGoal& after_goal, int week) {
  int percent = 100;
  if (!after_goal.week_pattern.empty()) {
    const auto index = std::size_t(week - 1) % after_goal.week_pattern.size();
    percent = after_goal.week_pattern[index].percent;
  }
  if (after_goal.lighter_week && week % after_goal.lighter_week->every == 0) {
    percent = std::min(percent, after_goal.lighter_week->percent);
  }
  return std::clamp(percent, 1, 100);
}

std::string after_goal_week_kind(const AfterGoal& after_goal, int week) {
  std::string kind;
  int percent = 100;
  if (!after_goal.week_pattern.empty()) {
    const auto index = std::size_t(week - 1) % after_goal.week_pattern.size();
    kind = after_goal.week_pattern[index].kind;
    percent = after_goal.week_pattern[index].percent;
  }
  if (after_goal.lighter_week && week % after_goal.lighter_week->every == 0 &&
      after_goal.lighter_week->percent < percent) {
    kind = "lighter";
  }
  return kind;
}

int after_goal_speed_steps(const AfterGoal& after_goal, int week) {
  if (!after_goal.speed || week < 1) return 0;
  return (week - 1) / std::max(1, after_goal.speed->every_weeks);
}

namespace {

// A hair of tolerance, so 70% of 2 mi is 1.4 mi and not 1.39 mi in binary.
double floor_to(double value, double grain) {
  return std::max(grain, std::floor(value / grain + 1e-6) * grain);
}

bool whole(double value) {
  return std::fabs(value - std::round(value)) < 1e-6;
}

double in_unit(const Speed& speed, Speed::Unit unit) {
  const double kmh = speed_kmh(speed);
  return unit == Speed::Unit::kmh ? kmh : kmh / (kMetresPerMile / 1000);
}

Speed raised(const Speed& base, const AfterGoalSpeed& rule, int steps) {
  const double most = in_unit(rule.until, base.unit);
  if (base.value >= most) return base;
  // Tenths, as a treadmill shows them.
  const double value = base.value + steps * in_unit(rule.add, base.unit);
  return Speed{base.unit, std::min(most, std::round(value * 10) / 10)};
}

}  // namespace

Amount share_of(const Amount& amount, int percent) {
  const double value = amount.value * percent / 100.0;
  if (amount.kind == Amount::Kind::time) {
    return Amount{amount.kind, floor_to(value, value >= 120 ? 15 : 5)};
  }
  const double metres = amount.value;
  if (!whole(metres) && whole(metres / kMetresPerMile * 100)) {
    return Amount{amount.kind, floor_to(value / kMetresPerMile, 0.01) * kMetresPerMile};
  }
  if (!whole(metres) && whole(metres / kMetresPerYard)) {
    return Amount{amount.kind, floor_to(value / kMetresPerYard, 1) * kMetresPerYard};
  }
  return Amount{amount.kind, floor_to(value, 10)};
}

Stage after_goal_step(const Stage& goal_stage, const AfterGoal& after_goal, int week) {
  Stage step = goal_stage;
  step.id = "after-goal-week-" + std::to_string(week);
  const std::string kind = after_goal_week_kind(after_goal, week);
  step.name = "After the goal, week " + std::to_string(week);
  if (!kind.empty()) step.name += " (" + kind + ")";
  step.session = session_for(goal_stage, session_count(goal_stage) - 1);
  step.later_sessions.clear();
  step.ladder.reset();
  step.alternatives.clear();
  step.generated_step = 0;
  step.after_goal_week = week;
  const Frequency& frequency = goal_stage.frequency;
  step.sessions_to_advance =
      std::max(1, frequency.sessions_up_to ? frequency.sessions_max : frequency.sessions_min);
  const int percent = after_goal_percent(after_goal, week);
  const int steps = after_goal_speed_steps(after_goal, week);
  for (IntervalBlock& block : step.session.blocks) {
    if (!block.run) continue;
    if (percent < 100) {
      // A block repeated to a total holds its running in the total.
      if (block.until) {
        block.until = share_of(*block.until, percent);
      } else {
        block.run = share_of(*block.run, percent);
      }
    }
    if (block.speed && after_goal.speed && steps > 0) {
      block.speed = raised(*block.speed, *after_goal.speed, steps);
    }
  }
  return step;
}

}  // namespace runback
