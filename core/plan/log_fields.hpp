#pragma once
// What a checkpoint asks the runner to log, derived from the protocol's rules and the plugin's
// questions. The week's reminders, the command they print and the interactive `runback log` all
// ask from this one list, so the plan and the prompt never disagree.

#include <vector>

#include "extension/extension.hpp"
#include "plan/checkpoint.hpp"
#include "plan/plan.hpp"

namespace runback {

// The values to log at `when` for a session: TimePoint::during (or after) gives what is logged
// after the run (pain in the warm-up when the rules use it, pain during, pain after when the rules
// use it, the plugin's questions for then); next_morning gives the next-morning pain, stiffness
// when the rules use it, and the plugin's morning questions. Values the checkpoint waits for come
// first, in the order they are felt.
std::vector<LogField> checkpoint_fields(const Protocol& protocol, const NeededLogs& needed,
                                        const std::vector<CheckpointQuestion>& questions,
                                        TimePoint when);

// Is the field's value in the log already?
bool field_logged(const LogField& field, const DayLog& log);

}  // namespace runback
