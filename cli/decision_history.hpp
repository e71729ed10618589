#pragma once
// A runner's decisions over their whole history, for `decisions` and `history --decisions`.

#include <map>
#include <string>
#include <vector>

#include "plan_source.hpp"

namespace runback::cli {

// The plan of `records` on `today` with every decision explained and no days laid out.
Result<RunnerPlan> plan_every_decision(PlanSource& source, const RunnerRecords& records, Date today,
                                       std::string* problem);

// Beside one day's log: the stage the runner was at, and what was decided that day.
struct DayDecisions {
  std::optional<int> stage;              // 0-based; none before the programme's start
  std::vector<const Decision*> decided;  // in the plan's order
};

// For each logged day of `logs`, its stage and the decisions taken that day. The stage is the
// one the day's first decision started from, else where the last decision before left the
// runner (the programme's starting stage before any).
std::map<Date, DayDecisions> decisions_by_log(const Plan& plan, const Programme& programme,
                                              const std::vector<DayLog>& logs);

}  // namespace runback::cli
