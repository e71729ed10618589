#include "plan/explanations.hpp"

#include <algorithm>

#include "protocol/describe.hpp"
#include "protocol/step_words.hpp"

namespace runback::plan_internal {
namespace {

using Days = std::chrono::days;

// "pain during 1/10, next morning 0/10"
std::string logged_values(const DayLog& log) {
  std::vector<std::string> parts;
  if (log.pain_warmup)
    parts.push_back("pain in the warm-up " + std::to_string(*log.pain_warmup) + "/10");
  if (log.pain_during) parts.push_back("pain during " + std::to_string(*log.pain_during) + "/10");
  if (log.pain_after) parts.push_back("after " + std::to_string(*log.pain_after) + "/10");
  if (log.pain_next_morning)
    parts.push_back("next morning " + std::to_string(*log.pain_next_morning) + "/10");
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : ", ") + part;
  return out;
}

std::string rest_words(int rest_days) {
  return rest_days > 0 ? " after " + count_words(rest_days, "rest day") : "";
}

std::string pass_explanation(const StepWords& words, const Move& move, const DayLog& log,
                             const Action& action) {
  const std::string values = logged_values(log);
  const std::string went_well = "the session on " + format_date(log.date) + " went well" +
                                (values.empty() ? "" : " (" + values + ")");
  const std::string rest =
      action.rest_days > 0 ? " Rest " + count_words(action.rest_days, "day") + " first." : "";
  const int stage = move.from_stage;
  if (move.kind == DecisionKind::complete) {
    return "Programme complete: " + count_words(move.clean, "good session") +
           " in a row at the last " + words.one + ", the last on " + format_date(log.date) +
           ". Well done.";
  }
  if (move.kind == DecisionKind::advance) {
    return "Move up to " + stage_words(words, stage + 1) + ": " +
           count_words(move.clean, "good session") + " in a row at " + stage_words(words, stage) +
           "; " + went_well + "." + rest;
  }
  if (move.held) {
    return "Stay at " + stage_words(words, stage) + " for now: " + went_well +
           ", but you have moved up " + step_count(words, move.recent_moves) +
           " in the last 7 days, the most this protocol allows." + rest;
  }
  return "Keep going at " + stage_words(words, stage) + ": " + went_well + "; " +
         std::to_string(move.clean) + " of " + count_words(move.needed, "good session") +
         " in a row needed to move up." + rest;
}

}  // namespace

std::string stage_words(const StepWords& words, int index) {
  return step_label(words, index);
}

std::string count_words(int n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string and_words(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : " and ") + item;
  return out;
}

std::string join_reasons(const std::vector<Reason>& reasons, const Action& taken) {
  auto is_response = [](const Reason& r) { return r.rule.rfind("response '", 0) == 0; };
  const bool limits_passed = std::any_of(reasons.begin(), reasons.end(), [](const Reason& r) {
    return r.rule.rfind("pain.", 0) == 0;
  });
  auto chose_taken = [&](const Reason& r) {
    return r.action.kind == taken.kind && r.action.stages == taken.stages &&
           r.action.rest_days == taken.rest_days;
  };
  const bool exact = std::any_of(reasons.begin(), reasons.end(),
                                 [&](const Reason& r) { return !r.why.empty() && chose_taken(r); });
  std::string facts, whys;
  for (const Reason& reason : reasons) {
    const bool shown_why =
        !reason.why.empty() && (exact ? chose_taken(reason) : reason.action.kind == taken.kind);
    // A response's own facts repeat the pain limits' when those were passed too.
    const bool fact = !reason.text.empty() && (!is_response(reason) || !limits_passed);
    if (fact && facts.find(reason.text) == std::string::npos) {
      facts += (facts.empty() ? "" : "; ") + reason.text;
    }
    if (shown_why && whys.empty()) {  // the first response that chose it speaks for all
      std::string why = reason.why;
      while (!why.empty() && (why.back() == ' ' || why.back() == '\n')) why.pop_back();
      if (!why.empty() && why.back() != '.' && why.back() != '!' && why.back() != '?') why += '.';
      whys += (whys.empty() ? "" : " ") + why;
    }
  }
  if (facts.empty()) return whys;
  return facts + "." + (whys.empty() ? "" : " " + whys);
}

std::string missing_logs_text(const std::vector<std::string>& missing, Date date) {
  // Not "no pain after the run was logged", which reads as a pain of 0.
  return and_words(missing) + (missing.size() == 1 ? " was" : " were") +
         " not logged for the session on " + format_date(date) + ", so it cannot count";
}

std::string too_soon_text(const TooSoon& too_soon, Date date) {
  if (too_soon.rest_day) {
    return "the run on " + format_date(date) +
           " fell on a rest day, so it does not count towards moving up";
  }
  std::string weeks;
  if (const WeekFrequency* rule = too_soon.by_week) {
    weeks = rule->from_week == rule->to_week ? " in week " + std::to_string(rule->from_week)
                                             : " in weeks " + std::to_string(rule->from_week) +
                                                   "-" + std::to_string(rule->to_week);
    weeks += " of the programme";
  }
  return "the run on " + format_date(date) + " came only " + count_words(too_soon.gap, "day") +
         " after the one before; this protocol asks for " +
         count_words(too_soon.min_rest, "rest day") + " between runs" + weeks +
         ", so it does not count towards moving up";
}

std::string plugin_missing_text(const std::string& plugin, Date date) {
  return "the '" + plugin + "' plugin this protocol uses is not available, so the session on " +
         format_date(date) + " cannot count";
}

std::string plugin_failed_text(const std::string& plugin, Date date, const std::string& error) {
  return "the " + plugin + " plugin could not check the session on " + format_date(date) + " (" +
         error + ")";
}

std::string plugin_advised_text(const std::string& plugin) {
  return "the " + plugin + " plugin advised it";
}

std::string resume_explanation(const StepWords& words, const Clearance& clearance, int stage) {
  return "Cleared to run again" + (clearance.by.empty() ? std::string() : " by " + clearance.by) +
         " on " + format_date(clearance.date) + ": running starts again from " +
         format_date(clearance.date + Days{1}) + " at " + stage_words(words, stage) + ".";
}

std::string red_flags_explanation(const Protocol& protocol, const DayLog& log) {
  std::string flags;
  for (const auto& id : log.red_flags) {
    flags += (flags.empty() ? "" : "; ") + lower_first(red_flag_text(protocol, id));
  }
  return "Stop running for now and see your physiotherapist: you logged " + flags + " on " +
         format_date(log.date) + ".";
}

std::string on_hold_explanation(Date stopped_on, Date date) {
  return "Running is on hold since " + format_date(stopped_on) + ", so the session on " +
         format_date(date) + " does not count. Please see your physiotherapist.";
}

std::string break_explanation(const StepWords& words, const BreakMove& move) {
  const BreakRule& rule = *move.rule;
  const std::string what = move.since_run ? "your last run on " + format_date(move.since)
                                          : "you started on " + format_date(move.since);
  const std::string does = rule.restart ? "starts again from the first " + words.one
                                        : "steps back " + step_count(words, rule.step_back);
  const int to = move.to_stage;
  return (to == move.from_stage
              ? "Stay at " + stage_words(words, to) + " and count again"
              : (rule.restart ? "Start again at " : "Back to ") + stage_words(words, to)) +
         ": it has been " + count_words(move.gap, "day") + " since " + what + "; after " +
         count_words(rule.days, "day") + " without running this protocol " + does + ".";
}

std::string waiting_explanation(const StepWords& words, const std::string& missing, Date date,
                                int stage, const std::vector<Reason>& reasons,
                                const Action& so_far) {
  std::string out = "Waiting for your " + missing + " for " + format_date(date) +
                    " before deciding; you stay at " + stage_words(words, stage) + " until then.";
  // What the values so far already mean, so bad news never waits for the morning.
  if (!reasons.empty()) {
    out += " Already: " + join_reasons(reasons, so_far) +
           " So this run will not count towards moving up.";
  }
  return out;
}

std::string checkpoint_explanation(const StepWords& words, const Move& move, const DayLog& log,
                                   const Action& action, const std::string& why) {
  const int from = move.from_stage;
  const int to = move.to_stage;
  switch (move.kind) {
    case DecisionKind::stop:
      return "Stop running for now and see your physiotherapist: " + why;
    case DecisionKind::step_back:
      return (to == from
                  ? "Repeat " + stage_words(words, to) + " (it is the first " + words.one + ")"
                  : "Step back " + step_count(words, from - to) + " to " + stage_words(words, to)) +
             rest_words(action.rest_days) + ": " + why;
    case DecisionKind::repeat:
      return "Repeat " + stage_words(words, from) + rest_words(action.rest_days) + ": " + why;
    default:
      return pass_explanation(words, move, log, action);
  }
}

}  // namespace runback::plan_internal
