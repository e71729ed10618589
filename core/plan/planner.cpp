#include "plan/planner.hpp"

#include <algorithm>

#include "plan/day_walk.hpp"

namespace runback {

using plan_internal::Planner;

const Decision* last_decision(const Plan& plan) {
  for (auto it = plan.decisions.rbegin(); it != plan.decisions.rend(); ++it) {
    if (it->kind != DecisionKind::waiting) return &*it;
  }
  return nullptr;
}

const Decision* waiting_decision(const Plan& plan) {
  if (plan.decisions.empty() || plan.decisions.back().kind != DecisionKind::waiting) return nullptr;
  return &plan.decisions.back();
}

Plan make_plan(const PlanRequest& request) {
  const Date everything = Date::min();
  if (request.explain_last < 0) return Planner(request, everything).run();
  // Guess where the last N decisions start: each logged session or red flag takes at least one.
  Date from = everything;
  int events = 0;
  for (auto it = request.logs.rbegin(); it != request.logs.rend(); ++it) {
    if (it->date > request.today || (!implied_session(*it) && it->red_flags.empty())) continue;
    if (++events >= request.explain_last) {
      from = it->date;
      break;
    }
  }
  Plan plan = Planner(request, from).run();
  // Breaks, clearances and a completed programme can make the guess fall short: plan again from
  // the exact date, so the decisions every view shows (the last N, the last that is not waiting)
  // always have their words. Rare, and still linear.
  const std::size_t wanted =
      std::min(plan.decisions.size(), std::size_t(std::max(0, request.explain_last)));
  std::optional<Date> unexplained;
  if (wanted > 0 && plan.decisions[plan.decisions.size() - wanted].explanation.empty()) {
    unexplained = plan.decisions[plan.decisions.size() - wanted].date;
  }
  if (const Decision* last = last_decision(plan); last && last->explanation.empty()) {
    unexplained = std::min(unexplained.value_or(last->date), last->date);
  }
  if (unexplained) return Planner(request, *unexplained).run();
  return plan;
}

}  // namespace runback
