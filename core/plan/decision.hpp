#pragma once
// What the planner decided, and why. A decision is taken at a checkpoint (a logged session, once
// its logs are in) or at an event that is not a session: a red flag, a clinician's clearance, a
// long break. Every decision carries the rule that caused it and a plain sentence for the runner.

#include <string>
#include <vector>

#include "protocol/describe.hpp"  // action_kind_name
#include "protocol/protocol.hpp"
#include "util/date.hpp"
#include "util/name_table.hpp"

namespace runback {

enum class DecisionKind {
  keep_going,  // the session passed; the runner stays at the stage until it has enough of them
  advance,     // the session passed and completed the stage: next stage
  complete,    // the session passed and completed the last stage: the programme is done
  repeat,      // the session did not pass (or was skipped, partial or missing): do it again
  step_back,   // down `from - to` stages, with rest days first
  stop,        // stop all running until a clinician's clearance is logged
  waiting,     // the session's logs are not all in yet: no decision until they are
  break_back,  // a long break without running: back as the protocol says (not a checkpoint)
  resume,      // a clinician cleared the runner after a stop (not a checkpoint)
};

struct Decision {
  Date date;  // the session's date (checkpoints) or the event's date
  DecisionKind kind = DecisionKind::repeat;
  int from_stage = 0;  // 0-based stage before and after the decision
  int to_stage = 0;
  int rest_days = 0;  // days without running from the day after `date`
  std::string rule;   // what caused it: "pain.during", "response 'sore-next-day'", ...
  // The sentences shown to the runner. A stop's says why and to see a clinician; how to record
  // their clearance is the command line's to say, so the reports add it
  // (report/decision_words.hpp).
  std::string explanation;
  std::vector<std::string> missing;  // for `waiting`: the logs still needed
  // For `waiting`: the values logged so far already keep the session from counting (its
  // explanation says what they mean), so no view may leave it out as a mere reminder.
  bool fails_already = false;
  bool projected = false;  // true in a projection ("if all goes well"), never from real logs
};

// A checkpoint decision (taken at a session), as opposed to an event.
bool is_checkpoint(DecisionKind kind);
// The session passed: it counts towards moving up.
bool is_pass(DecisionKind kind);
// The name of each kind, as JSON gives it.
inline constexpr NameTable<DecisionKind, 9> kDecisionKindNames{{
    {DecisionKind::keep_going, "keep_going"},
    {DecisionKind::advance, "advance"},
    {DecisionKind::complete, "complete"},
    {DecisionKind::repeat, "repeat"},
    {DecisionKind::step_back, "step_back"},
    {DecisionKind::stop, "stop"},
    {DecisionKind::waiting, "waiting"},
    {DecisionKind::break_back, "break_back"},
    {DecisionKind::resume, "resume"},
}};
inline std::string decision_kind_name(DecisionKind kind) {
  return name_of(kind, kDecisionKindNames);
}

// How cautious an action is: stop > step_back > repeat > proceed; within a kind, more stages back
// and more rest days are more cautious.
int caution_rank(ActionKind kind);
// The more cautious of the two, key by key (kind, stages back, rest days).
Action most_cautious(const Action& a, const Action& b);

}  // namespace runback
