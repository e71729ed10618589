#pragma once
// A protocol as one runner follows it (format 2): the stage alternatives of the option they chose
// at `runback start --option`, and a ladder's steps generated up to their goal
// (`runback start --goal`). Pure: the planner then follows the stages it returns like any
// other, and every view of the programme reads the same stages.

#include <optional>
#include <string>

#include "protocol/protocol.hpp"

namespace runback {

// Ladders generate at most this many steps: a goal that would need more is refused at load
// (the protocol's max) and at start (the runner's goal).
inline constexpr int kMaxLadderSteps = 100;

// The running in one session in one unit: the sum of run x repeat over its blocks of that kind
// (a session that mixes times and distances counts only the blocks of `kind`).
double running_volume(const Session& session, Amount::Kind kind);

// How many steps a ladder on `stage` generates to reach `goal` (0 when the stage already does).
int ladder_steps(const Stage& stage, const Amount& goal);

// True when the stages a runner follows are not the stages as written: the protocol has
// anything a runner chooses at start (a goal, options) or weeks after the goal.
bool is_personal(const Protocol& protocol);

// The goal used when the runner gave none: the protocol's default.
std::optional<Amount> goal_or_default(const Protocol& protocol, const std::optional<Amount>& goal);
// The option used when the runner gave none: the first. Empty when the protocol has none.
std::string option_or_default(const Protocol& protocol, const std::string& option);

// The stages the runner follows: each stage with alternatives takes the chosen option's
// (an option a stage has no alternative for keeps the stage as written), then each ladder's
// steps follow its stage, named "<stage> + N" with ids "<id>-plus-N", and the weeks after the
// goal follow the last stage (protocol/after_goal.hpp). A protocol with none of these comes back
// as it is. `goal` and `option` are checked by the caller (start).
Protocol personalise(const Protocol& protocol, const std::optional<Amount>& goal,
                     const std::string& option);

}  // namespace runback
