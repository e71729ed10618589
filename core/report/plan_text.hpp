#pragma once
// A plan in plain words, for `runback week` and `runback status`: what a runner reads after a
// hard day.

#include <string>

#include "plan/plan.hpp"
#include "protocol/protocol.hpp"

namespace runback {

// The command that logs a reminder's values, e.g.
// "runback log 2026-11-24 --pain-during N --pain-after N".
std::string log_command(const Reminder& reminder);
// The days of `plan` with a header: whose week, where they stand (report/standing_text.hpp),
// the red flags, and each day with its run, exercises, recovery and what to log.
std::string week_text(const Protocol& protocol, const Plan& plan, const std::string& runner,
                      Date today);
// Where the runner stands: stage, the last decisions with reasons, the next checkpoint, and the
// projected completion.
std::string status_text(const Protocol& protocol, const Plan& plan, const std::string& runner,
                        Date today, int decisions_shown = 5);

}  // namespace runback
