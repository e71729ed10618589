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
// The command that logs a reminder's values, e.g.
// "runback log 2026-11-24 --pain-during N --pain-after N".
std::string log_command(const Reminder& reminder);
// Where the runner stands on the plan's date, in a few lines: the stage and the count towards
// the next, a hold or stop, the last decision and why, a checkpoint still waiting, missed runs
// and the next run. Every view (week, status, the caseload, start, upgrade) prints this.
std::string standing_text(const Protocol& protocol, const Plan& plan, Date today);
// What does not fit in the runner's preferred run days, stage by stage (one line for the stages
// that share a frequency), with the days runback will use instead. Empty: they all fit.
std::vector<std::string> run_day_warnings(const Protocol& protocol,
                                          const std::vector<std::chrono::weekday>& preferred);
// The red flags to watch for (the core's and the protocol's), in one line.
std::string red_flags_text(const Protocol& protocol);

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
