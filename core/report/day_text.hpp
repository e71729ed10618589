#pragma once
// One day of a plan in words, for `week` (which says once, at the top, what every day repeats)
// and `today` (which says it all).

#include <map>
#include <set>
#include <string>
#include <vector>

#include "plan/plan.hpp"
#include "protocol/protocol.hpp"
#include "report/command_syntax.hpp"
#include "report/text_layout.hpp"

namespace runback {

// What the week has already said once, at the top, and so leaves out of its days.
struct SaidOnce {
  std::set<std::string> items;   // exercises and recovery items, by their line
  bool run_manner = false;       // how a run should feel, its surface and notes
  bool after_run = false;        // what to log after a run (and its extra options)
  bool next_morning = false;     // what to log the morning after
  int stage_index = -1;          // the runner's stage: a run at it is not named again
  bool warm_up = false;          // every run's warm-up and cool-down walks (the same all week)
  bool recovery_details = true;  // recovery items with their details (the week names them)
  // The runs described so far, by their words, with their day: a run the same as one before it
  // in the week says so rather than its intervals again (none: every run says them).
  std::map<std::string, Date>* runs_said = nullptr;
};

// "Eccentric heel drop, knee bent: 3 × 15, twice a day, ..."
std::string exercise_line(const Exercise& exercise);
// "Foam rolling the calves, 5 min. 1-2 minutes per muscle group, ..." (without `details`, up
// to the duration).
std::string recovery_line(const RecoveryItem& item, bool details);
// "Effort 3-4 out of 10 (RPE); you can talk in full sentences. Surface: ... Note: ..." for the
// day's run, with its cues; "" for a day without a run to do.
std::string run_manner(const Protocol& protocol, const PlannedDay& day);
// "Walk 5 min to warm up and 5 min to cool down" for a session's walks before and after its
// intervals; "" for a session without either.
std::string warm_up_words(const Session& session);
// What a reminder asks for: "pain during the run (0-10); ..." (a walk's words on a walk day).
std::string reminder_fields(const Reminder& reminder, bool walk);
// The options a run's (or walk's) log may add: "add --session partial or skipped, --limp or
// --swelling as needed".
std::string run_log_options(const CommandSyntax& commands);
// A reminder that asks for the values of the run (or walk) of its own day, after it.
bool after_own_run(const Reminder& reminder);
// The day's session is a walk (format 2): the day speaks of the walk.
bool walk_day(const Protocol& protocol, const PlannedDay& day);

// The day: what it holds (a run with its intervals, a rest and why, what was logged), what it
// adds to what was said once, and what to log, with the exact command.
void write_day(TextWriter& out, const Protocol& protocol, const CommandSyntax& commands,
               const PlannedDay& day, Date today, const SaidOnce& said);

}  // namespace runback
