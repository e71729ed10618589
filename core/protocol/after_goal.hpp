#pragma once
// What comes after the goal (format 2, family 9): `after_goal` turns into one step per week after
// the last stage, each at the goal's session with that week's share of its running and its speed.
// Pure; personalise() appends the steps, so the planner follows them like any other stage and a
// setback steps back to the week before (less speed, the week's running).

#include <string>
#include <vector>

#include "protocol/protocol.hpp"

namespace runback {

// The share of the goal session's running laid out in week `week` (1-based) after the goal: the
// pattern's share for that week (100 without a pattern), lowered to the lighter week's share
// every `lighter_week.every` weeks. Never above 100.
int after_goal_percent(const AfterGoal& after_goal, int week);
// The week's words: "heavy", "light", "medium", "lighter" (a lighter week that lowered it), or
// empty (no pattern and not a lighter week).
std::string after_goal_week_kind(const AfterGoal& after_goal, int week);
// How many speed steps week `week` has taken: one every `every` weeks, the first week none.
int after_goal_speed_steps(const AfterGoal& after_goal, int week);

// `amount` cut to `percent` of it, rounded down to what a runner can follow (15 s, 0.01 mi, a
// yard or 10 m, keeping the unit it was written in); never zero.
Amount share_of(const Amount& amount, int percent);

// The step for week `week` after `goal_stage` (the last stage the runner follows): the goal
// stage's last session with its running cut to the week's share and each run's speed raised by
// its steps, never past `speed.until` (a run already as fast keeps its speed). It advances after
// a week's runs (the stage's sessions per week) and keeps the stage's frequency and exercises.
Stage after_goal_step(const Stage& goal_stage, const AfterGoal& after_goal, int week);

}  // namespace runback
