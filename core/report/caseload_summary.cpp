#include "report/caseload_summary.hpp"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <tuple>

#include "report/plan_words.hpp"
#include "util/name_table.hpp"

namespace runback {
namespace {

using Days = std::chrono::days;

constexpr NameTable<AttentionTier, 6> kTierNames{{
    {AttentionTier::stopped, "stopped"},
    {AttentionTier::unplanned, "unplanned"},
    {AttentionTier::silent, "silent"},
    {AttentionTier::setbacks, "setbacks"},
    {AttentionTier::steady, "steady"},
    {AttentionTier::no_plan, "no_plan"},
}};

// The worst pain a session brought: in the warm-up, during, after or the next morning.
std::optional<int> worst_pain(const DayLog& log) {
  std::optional<int> worst;
  for (const auto& value :
       {log.pain_warmup, log.pain_during, log.pain_after, log.pain_next_morning}) {
    if (value && (!worst || *value > *worst)) worst = value;
  }
  return worst;
}

std::string plural(int count, const std::string& word) {
  return std::to_string(count) + " " + word + (count == 1 ? "" : "s");
}

}  // namespace

std::string attention_tier_name(AttentionTier tier) {
  return name_of(tier, kTierNames);
}

AttentionTier RunnerAttention::tier() const {
  if (!planned) return programme_running ? AttentionTier::unplanned : AttentionTier::no_plan;
  if (stopped) return AttentionTier::stopped;
  if (complete) return AttentionTier::steady;
  if (missed_since_last_log || days_silent >= kSilentAfterDays) return AttentionTier::silent;
  if (setbacks > 0 || waiting_fails) return AttentionTier::setbacks;
  return AttentionTier::steady;
}

bool is_setback(const Decision& decision) {
  switch (decision.kind) {
    case DecisionKind::step_back:
      return true;  // even at the first stage, where there is nowhere lower to go
    case DecisionKind::stop:
      return decision.rule != "stopped";  // "stopped": a session held by a stop already counted
    default:
      return false;
  }
}

RunnerAttention attention_of(const std::string& name, const Programme& programme,
                             const std::vector<DayLog>& logs, const Plan& plan, Date today) {
  RunnerAttention out;
  out.name = name;
  out.planned = true;
  const PlanStatus& status = plan.status;
  out.stage_number = status.stage_index + 1;
  out.stage_count = status.stage_count;
  out.complete = status.complete;
  out.stopped = status.stopped;
  out.stopped_on = status.stopped_on;
  out.next_run = plan.next_run;
  if (!plan.plugin_failures.empty()) out.failed_plugin = programme.plugin_name;

  const auto up_to_today = std::find_if(logs.begin(), logs.end(),
                                        [today](const DayLog& log) { return log.date > today; });
  if (up_to_today != logs.begin()) out.last_log = std::prev(up_to_today)->date;
  const Date silent_from = out.last_log.value_or(programme.start_date);
  out.days_silent = std::max(0, int((today - silent_from).count()));
  out.missed_since_last_log =
      std::any_of(status.recent_missed.begin(), status.recent_missed.end(),
                  [&](Date missed) { return !out.last_log || missed > *out.last_log; });

  if (status.waiting_for) {
    out.waiting_for = status.waiting_for;
    out.awaited = status.missing;
    const Decision* waiting = waiting_decision(plan);
    out.waiting_fails = waiting && waiting->fails_already;
  }

  const Date window_start = today - Days{kSetbackWindowDays - 1};
  for (const Decision& decision : plan.decisions) {
    if (decision.date >= window_start && decision.date <= today && is_setback(decision)) {
      ++out.setbacks;
    }
  }
  if (out.stopped && out.stopped_on) {
    // The decision that stopped running; its day's log holds the red flags, if any.
    for (auto it = plan.decisions.rbegin(); it != plan.decisions.rend(); ++it) {
      if (it->kind == DecisionKind::stop && it->rule != "stopped" && it->date == *out.stopped_on) {
        out.stop_rule = it->rule;
        out.setbacks_include_stop = it->date >= window_start && it->date <= today;
        break;
      }
    }
    for (auto it = logs.begin(); it != up_to_today; ++it) {
      if (it->date == *out.stopped_on) out.red_flags = it->red_flags;
    }
  }

  for (auto it = up_to_today; it != logs.begin() && int(out.pain.size()) < kPainTrendSessions;) {
    --it;
    const auto session = implied_session(*it);
    const auto pain = worst_pain(*it);
    if (session && *session != SessionOutcome::skipped && pain) out.pain.push_back(*pain);
  }
  std::reverse(out.pain.begin(), out.pain.end());
  return out;
}

RunnerAttention attention_without_plan(const std::string& name, const std::string& reason,
                                       bool programme_running) {
  RunnerAttention out;
  out.name = name;
  out.no_plan_reason = reason;
  out.programme_running = programme_running;
  return out;
}

bool name_before(const RunnerAttention& a, const RunnerAttention& b) {
  return a.name < b.name;
}

bool needs_attention_before(const RunnerAttention& a, const RunnerAttention& b) {
  const AttentionTier tier = a.tier();
  if (tier != b.tier()) return tier < b.tier();
  // Longest silence first among stops and silences, most setbacks first among setbacks.
  const bool by_silence = tier == AttentionTier::stopped || tier == AttentionTier::silent;
  const int a_key = by_silence ? a.days_silent : tier == AttentionTier::setbacks ? a.setbacks : 0;
  const int b_key = by_silence ? b.days_silent : tier == AttentionTier::setbacks ? b.setbacks : 0;
  return std::tie(b_key, a.name) < std::tie(a_key, b.name);
}

std::string pain_trend_text(const std::vector<int>& pain) {
  if (pain.empty()) return "-";
  std::string out;
  for (int value : pain) out += (out.empty() ? "" : " ") + std::to_string(value);
  if (pain.size() == 1) return out;
  if (pain.back() > pain.front()) return out + " up";
  if (pain.back() < pain.front()) return out + " down";
  return out + " flat";
}

std::string attention_text(const RunnerAttention& r) {
  if (!r.planned) return r.no_plan_reason;
  std::vector<std::string> parts;
  if (r.stopped) {
    std::string stop = "STOPPED";
    if (r.stopped_on) stop += " since " + short_day(*r.stopped_on);
    if (!r.red_flags.empty()) {
      std::string flags;
      for (const auto& flag : r.red_flags) flags += (flags.empty() ? "" : ", ") + flag;
      stop += ": red flag " + flags;
    } else if (!r.stop_rule.empty()) {
      stop += ": " + r.stop_rule;
    }
    parts.push_back(stop + ", until cleared");
  }
  if (!r.complete && (r.missed_since_last_log || r.days_silent >= kSilentAfterDays)) {
    parts.push_back(r.last_log ? "no log for " + plural(r.days_silent, "day")
                               : "nothing logged in " + plural(r.days_silent, "day"));
  }
  // The open stop is said already: the others, before it.
  const int others = r.setbacks - (r.setbacks_include_stop ? 1 : 0);
  if (others > 0) {
    parts.push_back(std::string(r.stopped ? "also " : "") + plural(others, "setback") + " in " +
                    std::to_string(kSetbackWindowDays) + " days");
  }
  if (r.waiting_for && r.waiting_fails) {
    parts.push_back("the run on " + short_day(*r.waiting_for) + " did not pass");
  }
  if (r.waiting_for && !r.awaited.empty()) {
    std::string values;
    for (std::size_t i = 0; i < r.awaited.size(); ++i) {
      values += (i == 0 ? "" : i + 1 == r.awaited.size() ? " and " : ", ") + r.awaited[i];
    }
    // The day is said only when it is not the last day logged, the usual case.
    parts.push_back("needs " + values +
                    (r.waiting_for == r.last_log ? "" : " for " + short_day(*r.waiting_for)));
  }
  if (!r.failed_plugin.empty()) parts.push_back("plugin '" + r.failed_plugin + "' failed");
  if (r.complete) parts.push_back("programme complete");
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "; ") + part;
  return out;
}

}  // namespace runback
