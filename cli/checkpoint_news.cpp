#include "checkpoint_news.hpp"

#include "plan/decision.hpp"

namespace runback::cli {

std::vector<CheckpointNews> checkpoint_news(const Plan& plan, const std::vector<LogRow>& rows,
                                            Date today) {
  std::vector<CheckpointNews> news;
  for (const LogRow& row : rows) {
    CheckpointNews n{row.date, {}, {}, false};
    for (const Decision& d : plan.decisions) {
      if (d.date == row.date && is_checkpoint(d.kind)) n.decision = d;
    }
    if (!n.decision) continue;
    for (const PlannedDay& day : plan.days) {
      if (day.date == row.date && day.run) n.unplanned = day.run->unplanned;
      if (day.date != today) continue;
      for (const Reminder& r : day.reminders) {
        if (r.session_date == row.date) n.still_to_log.push_back(r);
      }
    }
    if (n.decision->kind == DecisionKind::waiting && row.date == today) {
      // Tomorrow's reminder is on tomorrow's day in the plan.
      for (const PlannedDay& day : plan.days) {
        if (day.date != today + std::chrono::days{1}) continue;
        for (const Reminder& r : day.reminders) {
          if (r.session_date == row.date) n.still_to_log.push_back(r);
        }
      }
    }
    if (n.decision->kind != DecisionKind::waiting) n.still_to_log.clear();
    news.push_back(std::move(n));
  }
  return news;
}

}  // namespace runback::cli
