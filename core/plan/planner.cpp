#include "plan/planner.hpp"

#include <algorithm>
#include <optional>

#include "plan/batched_extension.hpp"
#include "plan/day_walk.hpp"

namespace runback {

using plan_internal::BatchedExtension;
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

namespace {

// A plugin that answers in batches is asked each walk's calls at once, and the walk made again
// until one used only its answers (plan/batched_extension.hpp). Each batch settles at least one
// more call for good, so this ends; the bound is for a plugin whose answers change between
// batches, which the SDK forbids: it is then asked one call at a time, as any other plugin.
constexpr int kMaxBatches = 1000;

Plan walk(const PlanRequest& request, Date explain_from, const BatchedExtension* batched) {
  if (batched != nullptr) {
    PlanRequest through = request;
    through.extension = batched;
    for (int batch = 0; batch < kMaxBatches; ++batch) {
      batched->start_walk();
      Planner planner(through, explain_from);
      Plan plan = planner.run();
      if (!batched->send_noted(planner.history_logs(), planner.history_checkpoints())) {
        return plan;
      }
    }
  }
  return Planner(request, explain_from).run();
}

}  // namespace

Plan make_plan(const PlanRequest& request) {
  std::optional<BatchedExtension> batching;
  if (request.extension != nullptr && request.extension->answers_in_batches()) {
    batching.emplace(*request.extension);
  }
  const BatchedExtension* batched = batching ? &*batching : nullptr;
  const Date everything = Date::min();
  if (request.explain_last < 0) return walk(request, everything, batched);
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
  Plan plan = walk(request, from, batched);
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
  if (unexplained) return walk(request, *unexplained, batched);
  return plan;
}

}  // namespace runback
