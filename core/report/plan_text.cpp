#include "report/plan_text.hpp"

#include <algorithm>
#include <chrono>
#include <sstream>

#include "protocol/amount.hpp"
#include "protocol/describe.hpp"
#include "report/decision_words.hpp"
#include "report/plan_words.hpp"
#include "report/standing_text.hpp"

namespace runback {

std::string status_text(const Protocol& protocol, const Plan& plan, const std::string& runner,
                        Date today, const CommandSyntax& commands, int decisions_shown) {
  std::ostringstream out;
  const PlanStatus& status = plan.status;
  out << (runner.empty() ? std::string("You") : runner) << ": " << protocol.title << " ("
      << protocol.id << " " << protocol.version << ")\n";
  out << standing_text(protocol, plan, today, commands);
  if (status.usual_pain) {
    out << "Usual pain before starting: " << *status.usual_pain
        << "/10 (a rise in pain is measured from it until you log a next-morning value).\n";
  }
  if (status.missed_runs > 0) {
    out << "Missed runs since the start: " << status.missed_runs << ".\n";
  }
  if (!plan.decisions.empty()) {
    out << "\nLast decisions:\n";
    const std::size_t shown = std::min(plan.decisions.size(), std::size_t(decisions_shown));
    for (std::size_t i = plan.decisions.size() - shown; i < plan.decisions.size(); ++i) {
      const Decision& d = plan.decisions[i];
      out << "  " << short_day(d.date) << ": " << explanation_text(d, commands) << "\n";
    }
  }
  if (plan.projected_completion && !status.complete) {
    out << "\nProjected completion: " << short_day(*plan.projected_completion) << " "
        << int(std::chrono::year_month_day{*plan.projected_completion}.year()) << ", "
        << time_until(*plan.projected_completion - today) << " if every run goes well.\n";
  }
  // The week names the red flags; here they are in full.
  if (!status.complete) out << "\n" << red_flags_text(protocol, commands);
  for (const std::string& note : plan.notes) out << "Note: " << note << "\n";
  return out.str();
}

}  // namespace runback
