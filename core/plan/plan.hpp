#pragma once
// What the planner produces: the decisions so far, where the runner stands, and the days asked
// for. Plain values; text and JSON are made from these by the command line.

#include <optional>
#include <string>
#include <vector>

#include "extension/extension.hpp"
#include "plan/decision.hpp"
#include "protocol/protocol.hpp"
#include "util/date.hpp"

namespace runback {

// One value a checkpoint asks for.
// pain_warmup (format 2) last, so the others keep their numbers.
enum class LogValue { pain_during, pain_after, pain_next_morning, stiffness, answer, pain_warmup };

struct LogField {
  LogValue value = LogValue::pain_during;
  std::string what;        // "pain during the run (0-10)"
  std::string answer_key;  // a plugin question's key; empty for the core's own values
  bool yes_no = false;     // a plugin's yes/no question (else a number from min to max)
  double min = 0;
  double max = 10;
  std::vector<std::string> choices{};  // a plugin's choice question: the answers it accepts
};

// What to log at one time point of a session's checkpoint: after the run (pain during and after,
// and the plugin's questions for then), or the next morning (next-morning pain, stiffness when
// the rules use it, the plugin's morning questions). One `runback log` command logs them all.
struct Reminder {
  TimePoint when = TimePoint::during;  // during: right after the run (with the after value)
  Date session_date;                   // the session the values belong to
  std::vector<LogField> fields;        // in the order they are asked
};

struct PlannedRun {
  int stage_index = 0;
  bool logged = false;  // a session the runner already logged (a past day of the week)
  std::optional<SessionOutcome> outcome;  // what they logged
  bool if_all_goes_well = false;          // the stage assumes the runs before it pass
  bool missed = false;                    // a planned run in the past with nothing logged
  bool unplanned = false;                 // a run logged on a day the plan had no run
  // Which of the stage's sessions the run uses, 0-based (format 2's `sessions:` list: the good
  // runs in a row at the stage before it, clamped to the last; always 0 for a `session:` stage).
  int session_index = 0;
};

enum class RestKind {
  none,     // a run day
  rest,     // an ordinary day without running
  imposed,  // rest days a decision asked for
  stopped,  // no running until a clinician's clearance
  before_start,
  finished,
  recovery,  // a calendar's recovery day: no running or jumping (format 2)
};

struct PlannedDay {
  Date date;
  int stage_index = 0;  // the stage the runner is at that day
  std::optional<PlannedRun> run;
  RestKind rest = RestKind::rest;
  // Format 2: a run day whose run would take the week past the protocol's weekly_cap, so it
  // has none (the week says why).
  bool over_weekly_cap = false;
  std::vector<Exercise> exercises;     // protocol, stage and plugin exercises for the day
  std::vector<RecoveryItem> recovery;  // recovery items for the day
  std::vector<SessionCue> cues;        // plugin cues for the run
  std::vector<Reminder> reminders;     // what to log that day
  // A calendar programme's day number that day (its run's day, or the day of the calendar the
  // runner is on between two runs); none without a calendar, or off it (after a bad day, before
  // the session due is done again).
  std::optional<int> programme_day;
  std::string recovery_activity;  // RestKind::recovery: the calendar's words ("Cycle 20 min")
  // What the runner logged for this day, up to the plan's date (plans with day details only).
  std::optional<DayLog> logged;
};

struct PlanStatus {
  int stage_index = 0;
  int stage_count = 0;
  int clean_sessions = 0;       // passed sessions in a row at this stage
  int sessions_to_advance = 1;  // needed at this stage
  bool complete = false;
  bool stopped = false;
  std::optional<Date> stopped_on;
  std::optional<Date> last_run;
  std::optional<Date> rest_through;  // no running up to and including this day
  std::optional<Date> waiting_for;   // a session whose logs are not all in
  std::vector<std::string> missing;  // what it still needs
  // Where the count of good runs stands when it is enough but the protocol's limit on moves per
  // 7 days holds the runner: the first day a good run can move them up.
  std::optional<Date> can_move_up_from;
  int missed_runs = 0;              // planned runs with nothing logged, since the start
  std::vector<Date> recent_missed;  // those in the 14 days up to the plan's date
  std::optional<int> usual_pain;    // the programme's baseline, when recorded
};

struct Plan {
  std::vector<Decision> decisions;           // from the logs, in date order
  std::vector<Decision> projected;           // what follows if every planned run goes well
  PlanStatus status;                         // as of the plan's date
  std::vector<PlannedDay> days;              // the days asked for
  std::optional<Date> next_run;              // the next planned run on or after the plan's date
  int next_run_stage = 0;                    // the stage it is planned at (0-based)
  std::optional<Date> projected_completion;  // the last stage completed, if all goes well
  std::vector<std::string> notes;            // e.g. a plugin that could not give its exercises
  // What the plugin's hooks failed with while planning (a crash, a hang, a refused answer), each
  // once: the plan stands without those answers and the sessions they judge do not count, so the
  // commands that show it must say so and not report success.
  std::vector<std::string> plugin_failures;
};

// The last decision taken from the logs that is not `waiting` (always explained), and the
// `waiting` decision of a session whose logs are not all in (when the last decision is one).
const Decision* last_decision(const Plan& plan);
const Decision* waiting_decision(const Plan& plan);

}  // namespace runback
