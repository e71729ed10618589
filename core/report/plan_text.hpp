#pragma once
// A plan in plain words, for `runback week` and `runback status`: what a runner reads after a
// hard day.

#include <string>

#include "plan/plan.hpp"
#include "protocol/protocol.hpp"
#include "report/command_syntax.hpp"

namespace runback {

// The days of `plan` with a header: whose week, where they stand (report/standing_text.hpp),
// the red flags, and each day with its run, exercises, recovery and what to log (the commands
// that log it in `commands`' words).
std::string week_text(const Protocol& protocol, const Plan& plan, const std::string& runner,
                      Date today, const CommandSyntax& commands);
// Where the runner stands: stage, the last decisions with reasons, the next checkpoint, and the
// projected completion.
std::string status_text(const Protocol& protocol, const Plan& plan, const std::string& runner,
                        Date today, const CommandSyntax& commands, int decisions_shown = 5);

}  // namespace runback
