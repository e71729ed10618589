#pragma once
// A plan in plain words, for `runback week` and `runback status`: what a runner reads after a
// hard day.

#include <string>

#include "plan/plan.hpp"
#include "protocol/protocol.hpp"
#include "report/command_syntax.hpp"
#include "report/text_layout.hpp"

namespace runback {

// The days of `plan` with a header: whose week, where they stand (report/standing_text.hpp),
// the red flags, once what every day (or every run day, or rest day) repeats, then each day with
// only its own: its run with the intervals, rest, and what to log (the commands that log it in
// `commands`' words). Wrapped and coloured as `layout` says (by default, neither).
std::string week_text(const Protocol& protocol, const Plan& plan, const std::string& runner,
                      Date today, const CommandSyntax& commands, TextLayout layout = {});
// One day (`plan`'s first), all of it: where the runner stands in a line or two, the run or
// rest, exercises, recovery, and what to log today, including a next-morning value for
// yesterday's run.
std::string today_text(const Protocol& protocol, const Plan& plan, const std::string& runner,
                       Date today, const CommandSyntax& commands, TextLayout layout = {});
// Where the runner stands: stage, the last decisions with reasons, the next checkpoint, and the
// projected completion.
std::string status_text(const Protocol& protocol, const Plan& plan, const std::string& runner,
                        Date today, const CommandSyntax& commands, int decisions_shown = 5);

}  // namespace runback
