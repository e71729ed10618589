#pragma once
// Where the runner stands, and what to watch for, in a few plain lines that every view prints
// (week, status, the caseload, start, upgrade).

#include <string>
#include <vector>

#include "plan/plan.hpp"
#include "protocol/protocol.hpp"
#include "report/command_syntax.hpp"
#include "report/text_layout.hpp"

namespace runback {

// Where the runner stands on the plan's date: the stage and the count towards the next, a hold
// or stop (and the command that records a clearance), the last decision and why, a checkpoint
// still waiting, missed runs (and the command that logs one) and the next run.
std::string standing_text(const Protocol& protocol, const Plan& plan, Date today,
                          const CommandSyntax& commands);
// The same as lines, each with how it stands out: a stop as an alert, a hold (waiting for a
// value, a step back, missed runs) as a hold.
struct StandingLine {
  std::string text;
  Tone tone = Tone::plain;
};
std::vector<StandingLine> standing_lines(const Protocol& protocol, const Plan& plan, Date today,
                                         const CommandSyntax& commands);
// The red flags to watch for (the core's and the protocol's) in one line, and the command that
// logs one.
std::string red_flags_text(const Protocol& protocol, const CommandSyntax& commands);

}  // namespace runback
