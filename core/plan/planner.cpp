#include "plan/planner.hpp"

#include <algorithm>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <utility>

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

// A plugin with fixed questions (PlanExtension::questions_fixed) is asked them before the first
// walk, once a plan, the plans of one plugin in one batch; the context is any of each plan's.
using PlansOfPlugin = std::vector<std::pair<const PlanRequest*, const BatchedExtension*>>;
void ask_fixed_questions(const PlanExtension& plugin, const PlansOfPlugin& plans) {
  if (plans.empty() || !plugin.questions_fixed()) return;
  std::vector<ExtensionCall> asks;
  asks.reserve(plans.size());
  for (const auto& [request, batched] : plans) {
    asks.push_back(
        {ExtensionCall::Hook::questions,
         ExtensionContext{request->protocol, request->programme, request->today, 0, 0, {}, {}, 0},
         nullptr});
  }
  std::vector<ExtensionReply> replies = plugin.call_all(asks);
  for (std::size_t k = 0; k < plans.size(); ++k) {
    plans[k].second->take_fixed_questions(std::move(replies[k]));
  }
}

Plan walk(const PlanRequest& request, Date explain_from, const BatchedExtension* batched) {
  if (batched != nullptr) {
    PlanRequest through = request;
    through.extension = batched;
    for (int batch = 0; batch < kMaxBatches; ++batch) {
      batched->start_walk();
      Planner planner(through, explain_from);
      Plan plan = planner.run();
      if (!batched->send_noted(planner.history_logs(), planner.history_checkpoints()) ||
          batched->walk_confirmed()) {
        return plan;
      }
    }
  }
  return Planner(request, explain_from).run();
}

// Where the decisions to explain start: each logged session or red flag takes at least one.
Date explain_guess(const PlanRequest& request) {
  Date from = Date::min();
  if (request.explain_last < 0) return from;
  int events = 0;
  for (auto it = request.logs.rbegin(); it != request.logs.rend(); ++it) {
    if (it->date > request.today || (!implied_session(*it) && it->red_flags.empty())) continue;
    if (++events >= request.explain_last) {
      from = it->date;
      break;
    }
  }
  return from;
}

// Breaks, clearances and a completed programme can make the guess fall short: the exact date to
// plan again from, so the decisions every view shows (the last N, the last that is not waiting)
// always have their words. Rare, and still linear.
std::optional<Date> unexplained(const PlanRequest& request, const Plan& plan) {
  if (request.explain_last < 0) return std::nullopt;
  const std::size_t wanted =
      std::min(plan.decisions.size(), std::size_t(std::max(0, request.explain_last)));
  std::optional<Date> from;
  if (wanted > 0 && plan.decisions[plan.decisions.size() - wanted].explanation.empty()) {
    from = plan.decisions[plan.decisions.size() - wanted].date;
  }
  if (const Decision* last = last_decision(plan); last && last->explanation.empty()) {
    from = std::min(from.value_or(last->date), last->date);
  }
  return from;
}

bool batches(const PlanRequest& request) {
  return request.extension != nullptr && request.extension->answers_in_batches();
}

}  // namespace

Plan make_plan(const PlanRequest& request) {
  std::optional<BatchedExtension> batching;
  if (batches(request)) {
    batching.emplace(*request.extension, request.logs.size());
    ask_fixed_questions(*request.extension, {{&request, &*batching}});
  }
  const BatchedExtension* batched = batching ? &*batching : nullptr;
  Plan plan = walk(request, explain_guess(request), batched);
  if (auto again = unexplained(request, plan)) return walk(request, *again, batched);
  return plan;
}

std::vector<Plan> make_plans(std::span<const PlanRequest> requests) {
  std::vector<Plan> plans(requests.size());
  std::vector<std::optional<BatchedExtension>> batching(requests.size());
  std::vector<PlanRequest> through;  // the requests with their batching in place of the plugin
  through.reserve(requests.size());  // the planners hold references: no reallocation
  std::vector<std::size_t> open;     // still guessing
  for (std::size_t i = 0; i < requests.size(); ++i) {
    through.push_back(requests[i]);
    if (!batches(requests[i])) {
      plans[i] = make_plan(requests[i]);
      continue;
    }
    batching[i].emplace(*requests[i].extension, requests[i].logs.size());
    through.back().extension = &*batching[i];
    open.push_back(i);
  }
  std::map<const PlanExtension*, PlansOfPlugin> by_plugin;
  for (std::size_t i : open) {
    by_plugin[requests[i].extension].push_back({&requests[i], &*batching[i]});
  }
  for (const auto& [plugin, asking] : by_plugin) ask_fixed_questions(*plugin, asking);
  for (int round = 0; !open.empty() && round < kMaxBatches; ++round) {
    // Every open request walks; the calls they noted go to each plugin in one batch.
    std::vector<std::unique_ptr<Planner>> walked;
    std::vector<std::size_t> asking;
    std::vector<ExtensionCall> calls;
    std::vector<std::size_t> first_call;  // asking[k]'s calls start at calls[first_call[k]]
    const PlanExtension* plugin = nullptr;
    auto send = [&] {
      if (calls.empty()) return;
      std::vector<ExtensionReply> replies = plugin->call_all(calls);
      for (std::size_t k = 0; k < asking.size(); ++k) {
        const std::size_t end = k + 1 < asking.size() ? first_call[k + 1] : calls.size();
        batching[asking[k]]->take_replies(
            {std::make_move_iterator(replies.begin() + std::ptrdiff_t(first_call[k])),
             std::make_move_iterator(replies.begin() + std::ptrdiff_t(end))});
      }
    };
    std::vector<std::size_t> still_open;
    // Grouped by plugin: requests of one plugin share its batch.
    std::stable_sort(open.begin(), open.end(), [&](std::size_t a, std::size_t b) {
      return std::less<const PlanExtension*>()(requests[a].extension, requests[b].extension);
    });
    for (std::size_t i : open) {
      if (plugin != requests[i].extension) {
        send();
        walked.clear();
        asking.clear();
        calls.clear();
        first_call.clear();
        plugin = requests[i].extension;
      }
      const BatchedExtension& batched = *batching[i];
      batched.start_walk();
      auto planner = std::make_unique<Planner>(through[i], explain_guess(requests[i]));
      plans[i] = planner->run();
      std::vector<ExtensionCall> noted =
          batched.noted_calls(planner->history_logs(), planner->history_checkpoints());
      if (noted.empty()) continue;  // every answer was the plugin's: this plan stands
      asking.push_back(i);
      first_call.push_back(calls.size());
      for (ExtensionCall& call : noted) calls.push_back(std::move(call));
      walked.push_back(std::move(planner));  // the calls point into its history
      still_open.push_back(i);
    }
    send();
    // A walk whose every guess the plugin confirmed stands as it is.
    std::erase_if(still_open, [&](std::size_t i) { return batching[i]->walk_confirmed(); });
    open = std::move(still_open);
  }
  for (std::size_t i : open) plans[i] = Planner(requests[i], explain_guess(requests[i])).run();
  for (std::size_t i = 0; i < requests.size(); ++i) {
    if (!batching[i]) continue;
    if (auto again = unexplained(requests[i], plans[i])) {
      plans[i] = walk(requests[i], *again, &*batching[i]);
    }
  }
  return plans;
}

}  // namespace runback
