#pragma once
// A plan in plain words, for `runback week`, `runback status` and `runback protocol simulate`:
// what a runner reads after a hard day, and what a physiotherapist checks before handing a
// protocol over.

#include <string>

#include "plan/plan.hpp"
#include "plan/simulate.hpp"
#include "protocol/protocol.hpp"

namespace runback {

// "Mon 23 Nov"
std::string short_day(Date date);
// The command that logs a reminder's value, e.g. "runback log 2026-11-24 --pain-during N".
std::string log_command(const Reminder& reminder);

// The days of `plan` with a header: whose week, the stage, the last decision and why.
std::string week_text(const Protocol& protocol, const Plan& plan, const std::string& runner,
                      Date today);
// Where the runner stands: stage, the last decisions with reasons, the next checkpoint, and the
// projected completion.
std::string status_text(const Protocol& protocol, const Plan& plan, const std::string& runner,
                        Date today, int decisions_shown = 5);
// The stage-by-stage timeline of a simulation, the setbacks with their reasons, and the days to
// completion.
std::string simulation_text(const Protocol& protocol, const Simulation& simulation,
                            const std::string& symptoms);

}  // namespace runback
