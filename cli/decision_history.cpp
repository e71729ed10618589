#include "decision_history.hpp"

namespace runback::cli {

Result<RunnerPlan> plan_every_decision(PlanSource& source, const RunnerRecords& records, Date today,
                                       std::string* problem) {
  // -1: every decision explained; 0 days: the history is all that is asked.
  return plan_for(source, records, today, problem, -1, today, 0);
}

std::map<Date, DayDecisions> decisions_by_log(const Plan& plan, const Programme& programme,
                                              const std::vector<DayLog>& logs) {
  std::map<Date, DayDecisions> out;
  auto next = plan.decisions.begin();
  int stage = programme.starting_stage;
  for (const DayLog& log : logs) {
    while (next != plan.decisions.end() && next->date < log.date) stage = (next++)->to_stage;
    DayDecisions& day = out[log.date];
    if (log.date >= programme.start_date) day.stage = stage;
    for (auto it = next; it != plan.decisions.end() && it->date == log.date; ++it) {
      if (day.decided.empty()) day.stage = it->from_stage;
      day.decided.push_back(&*it);
    }
  }
  return out;
}

}  // namespace runback::cli
