#pragma once
// Private to the planner: not included outside core/plan.
// (Its unit tests in tests/plan include it too: the rules are tested on their own there.)
//
// The progression rules: what a checkpoint's action (proceed, repeat, step back, stop), a long
// break, a red flag or a clinician's clearance does to where the runner stands. No words and no
// plugin here: the day walk gathers the action, these rules move the runner, the explanations
// say why.

#include <deque>
#include <optional>
#include <string>

#include "plan/decision.hpp"
#include "protocol/protocol.hpp"
#include "records/records.hpp"
#include "util/date.hpp"

namespace runback::plan_internal {

// Where the runner stands on the way up. The day walk holds one and only these rules change it.
struct Progress {
  int stage = 0;  // 0-based
  int clean = 0;  // passed sessions in a row at this stage
  Date stage_since;
  std::deque<Date> advances;  // the days of the moves up, the last 7 days' at least
  bool complete = false;
  bool stopped = false;
  std::optional<Date> stopped_on;
  std::optional<Date> rest_through;  // no running up to and including this day
  std::optional<Date> last_run;
  int stage_before_break = -1;  // the stage when a break began; -1: no break under way
  Date programme_start;         // week 1 of the programme begins here (frequency.by_week)
};

// The stage's numbers with the core's limits applied (a protocol can be stricter, never looser).
int sessions_needed(const Protocol& protocol, int stage);
int min_rest_days(const Protocol& protocol, int stage);
int stages_per_7_days(const Protocol& protocol);

// The programme week of `date`: 1 from the start date for 7 days, then 2, ... (0 before it).
int programme_week(Date start, Date date);
// The stage's frequency on `date`: its own, made more cautious by the by-week rule for that
// programme week when there is one (format 2: more rest days, fewer runs; never less cautious).
// The result holds the values only: no by_week list and no refs.
Frequency frequency_on(const Protocol& protocol, int stage, Date start, Date date);
// As min_rest_days, for `date` (the by-week rule included).
int min_rest_days_on(const Protocol& protocol, int stage, Date start, Date date);
// The session of the stage's list the next run uses: the good runs in a row so far, clamped to
// the last session (a run that does not pass resets the count, so the list starts over).
int session_index(const Protocol& protocol, const Progress& progress);

// What one checkpoint did, with what its words need.
struct Move {
  DecisionKind kind = DecisionKind::repeat;
  int from_stage = 0;
  int to_stage = 0;
  // The rule that decided when it was the progression itself (a hold on the moves per 7 days,
  // a move up); empty: the checkpoint's own first reason, or "all limits met".
  std::string rule;
  int clean = 0;         // the good sessions in a row counted, this one included (passes only)
  int needed = 1;        // the good sessions in a row the stage asks for (passes only)
  bool held = false;     // a pass held at the most moves up per 7 days
  int recent_moves = 0;  // the moves up in the 7 days before (a hold only)
};

// Applies a checkpoint's action, most cautious of every reason, to the runner's progress:
// stop, step back (never below the first stage), repeat, or a pass that keeps going, holds at
// the most moves per 7 days, moves up, or completes the programme. Rest days start the day after.
Move apply_action(const Protocol& protocol, Progress& progress, Date date, const Action& action);

// A run on a rest day, or too soon after the one before, does not count towards moving up.
struct TooSoon {
  bool rest_day = false;                   // the day fell in rest a decision asked for
  int gap = 0;                             // days since the run before
  int min_rest = 0;                        // rest days the stage asks for between runs
  const WeekFrequency* by_week = nullptr;  // the week's rule, when it asked for the rest days
};
std::optional<TooSoon> too_soon(const Protocol& protocol, const Progress& progress, Date date);

// The protocol's break rule for exactly `days_without_running` days (the last listed, when
// several say the same); null when none does.
const BreakRule* break_rule_for(const Protocol& protocol, int days_without_running);

// A long break is an event on the day it reaches a rule's length. The stage is counted from
// where the runner was when the break began, so a longer rule replaces a shorter one.
struct BreakMove {
  const BreakRule* rule = nullptr;
  int gap = 0;  // days since `since`
  Date since;   // the last run, or the programme's start when there was none
  bool since_run = false;
  int from_stage = 0;
  int to_stage = 0;
};
// `start`: the programme's start date, the break's beginning when nothing was run yet. None when
// no rule reaches its length on `date`, or when the rule would neither move the runner down nor
// reset a count of good runs.
std::optional<BreakMove> take_break(const Protocol& protocol, Progress& progress, Date date,
                                    Date start);

// A red flag or a stop response: no running until a clearance.
void stop(Progress& progress, Date date);
// A clinician's clearance lifts a stop dated on or before it; running starts the day after.
// False (and nothing changes) when there is no such stop.
bool resume(Progress& progress, const Clearance& clearance);
// A run, whatever it counted for: rest days count from it and it ends any break.
void record_run(Progress& progress, Date day);

}  // namespace runback::plan_internal
