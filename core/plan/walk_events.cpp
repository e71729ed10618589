// The day walk's events turned into decisions: a clearance, a red flag, a long break and a
// session's checkpoint. The progression rules move the runner; the explanations give the words,
// built only for the decisions that get them (explain_).

#include <algorithm>

#include "plan/day_walk.hpp"
#include "plan/explanations.hpp"

namespace runback::plan_internal {
namespace {

Decision make_decision(Date date, DecisionKind kind, int from, int to, std::string rule) {
  Decision decision;
  decision.date = date;
  decision.kind = kind;
  decision.from_stage = from;
  decision.to_stage = to;
  decision.rule = std::move(rule);
  return decision;
}

// A calendar's bad day (format 2, `calendar.bad_day`): a checkpoint that the runner's symptoms
// failed (a pain limit, a response, a limp or swelling, the plugin), not one that is only due
// again (a skipped or partial session, missing logs, a run too soon). Its action is merged as
// the more cautious, so a stop or a more cautious response still wins. Soreness rules: "sore
// during the workout -> 1 day off and one step down" (clinical-basis.md line 43).
std::optional<Reason> bad_day_reason(const Protocol& protocol, int stage,
                                     const std::vector<Reason>& reasons, bool explain) {
  if (!protocol.calendar || !protocol.calendar->bad_day) return std::nullopt;
  const bool failed = std::any_of(reasons.begin(), reasons.end(), [](const Reason& r) {
    return r.action.kind != ActionKind::proceed && r.rule != "session skipped" &&
           r.rule != "progression.partial_session" && r.rule != "missing logs";
  });
  const bool stopped = std::any_of(reasons.begin(), reasons.end(), [](const Reason& r) {
    return r.action.kind == ActionKind::stop;
  });
  if (!failed || stopped) return std::nullopt;
  const BadDay& rule = *protocol.calendar->bad_day;
  const bool back = rule.then == BadDayThen::previous_session && stage > 0;
  Reason reason{"calendar.bad_day",
                "",
                {back ? ActionKind::step_back : ActionKind::repeat, back ? 1 : 0, rule.rest_days},
                ""};
  if (explain) {
    reason.why = "On a bad day this calendar rests " + count_words(rule.rest_days, "day") +
                 ", then " +
                 (back ? "goes back to the previous session" : "does the same session again") +
                 "; the days after it follow on from there";
  }
  return reason;
}

}  // namespace

void Planner::on_clearance(const Clearance& clearance) {
  if (!resume(progress_, clearance)) return;
  setback_ = true;
  const int stage = progress_.stage;
  Decision decision =
      make_decision(clearance.date, DecisionKind::resume, stage, stage, "clearance");
  if (explain_) decision.explanation = resume_explanation(words_, clearance, stage);
  decide(std::move(decision));
}

void Planner::on_red_flags(const DayLog& log) {
  stop(progress_, log.date);
  const int stage = progress_.stage;
  Decision decision = make_decision(log.date, DecisionKind::stop, stage, stage,
                                    "red flag '" + log.red_flags.front() + "'");
  if (explain_) decision.explanation = red_flags_explanation(p_, log);
  decide(std::move(decision));
  summarise(log.date, stage, ActionKind::stop);
}

// A long break is an event on the day it reaches a rule's length, so every view of that day
// (status, week, the caseload) already shows the stage the next run will be at.
void Planner::apply_break(Date date) {
  const auto move = take_break(p_, progress_, date, r_.programme.start_date);
  if (!move) return;
  setback_ = true;
  Decision decision =
      make_decision(date, DecisionKind::break_back, move->from_stage, move->to_stage,
                    "progression.breaks (" + std::to_string(move->rule->days) + " days)");
  if (explain_) decision.explanation = break_explanation(words_, *move);
  decide(std::move(decision));
}

std::vector<Reason> Planner::plugin_reasons(const DayLog& log, std::string* waiting_for) {
  std::vector<Reason> reasons;
  if (!p_.plugin || projecting_) return reasons;
  const std::string& name = p_.plugin->name;
  const Action repeat{ActionKind::repeat, 0, 0};
  if (!r_.extension) {
    reasons.push_back({"plugin '" + name + "'", plugin_missing_text(name, log.date), repeat, ""});
    return reasons;
  }
  // The history's own copy (seen_ ends with this log), so a plugin host need not be sent the log
  // again.
  const DayLog& last = !seen_.empty() && seen_.back().date == log.date ? seen_.back() : log;
  auto verdict = r_.extension->verdict(context(log.date), last);
  if (!verdict.ok()) {
    plugin_failed(verdict.error());
    reasons.push_back(
        {"plugin '" + name + "'", plugin_failed_text(name, log.date, verdict.error()), repeat, ""});
    return reasons;
  }
  if (!verdict->waiting_for.empty()) {
    *waiting_for = verdict->waiting_for;
    return reasons;
  }
  // A plugin can only make things more cautious: its action is clamped to the core's ranges and
  // merged with the core's as the more cautious of the two.
  Action action = verdict->action;
  action.rest_days = std::clamp(action.rest_days, 0, 28);
  action.stages = action.kind == ActionKind::step_back ? std::clamp(action.stages, 1, 10) : 0;
  if (action.kind == ActionKind::proceed && action.rest_days == 0) return reasons;
  const std::string why = verdict->why.empty() ? plugin_advised_text(name) : verdict->why;
  reasons.push_back({"plugin '" + name + "'", plugin_advised_text(name), action, why});
  return reasons;
}

void Planner::note_questions_failed(const std::string& error) {
  if (!plugin_failed(error)) return;
  note("The " + r_.extension->name() + " plugin could not give its checkpoint questions (" + error +
       "); log the core values as shown.");
}

void Planner::add_missing_answers(const DayLog& log, CheckpointResult& result) {
  if (!p_.plugin || !r_.extension || projecting_) return;
  if (log.session == SessionOutcome::skipped) return;  // as for pain scores: nothing to judge
  const auto& asked = checkpoint_questions(log.date);
  if (!asked.ok()) {
    // The verdict, asked next, fails the same way and holds the session back; the week says why.
    note_questions_failed(asked.error());
    return;
  }
  for (const CheckpointQuestion& q : *asked) {
    if (q.optional || log.answers.count(q.key)) continue;
    // With `decide: after_session` the morning is judged when logged, not waited for.
    if (q.when == TimePoint::next_morning && !needed_.next_morning) continue;
    result.missing.push_back("answer to '" + q.key + "'");
  }
  result.complete = result.missing.empty();
}

const Result<std::vector<CheckpointQuestion>>& Planner::checkpoint_questions(Date date) {
  if (!questions_fixed_) questions_fixed_ = r_.extension->questions_fixed();
  if (!asked_ || !*questions_fixed_) asked_.emplace(r_.extension->questions(context(date)));
  return *asked_;
}

bool Planner::hold(const DayLog& log, const std::vector<std::string>& missing,
                   const std::vector<Reason>& reasons, Action action, int from) {
  const Date date = log.date;
  pending_ = date;
  pending_missing_ = missing;
  pending_action_.reset();
  if (!reasons.empty() && action.kind != ActionKind::proceed) pending_action_ = action;
  // A stop cannot be undone by the values still to come (more values only add caution): it is
  // decided now, not the next morning.
  if (action.kind == ActionKind::stop) return false;
  Decision decision = make_decision(date, DecisionKind::waiting, from, from, "waiting for logs");
  decision.missing = missing;
  decision.fails_already = !reasons.empty();
  if (explain_) {
    decision.explanation =
        waiting_explanation(words_, and_words(missing), date, from, reasons, action);
  }
  decide(std::move(decision));
  if (log.session != SessionOutcome::skipped) record_run(date, from);
  return true;
}

// A session's checkpoint: the core's verdict on the logged values, a session's missing values
// and unanswered plugin questions (it waits for them, or a later session means they never
// came), the plugin's verdict (which may wait too) and the rest between runs, the most cautious
// of them applied. Returns the stage the session was at.
int Planner::on_session(const DayLog& log, bool later_session) {
  const Date date = log.date;
  const bool ran = log.session != SessionOutcome::skipped;
  const int from = progress_.stage;
  if (progress_.complete) return from;
  if (progress_.stopped) {
    Decision decision = make_decision(date, DecisionKind::stop, from, from, "stopped");
    if (explain_) decision.explanation = on_hold_explanation(*progress_.stopped_on, date);
    decide(std::move(decision));
    summarise(date, from, ActionKind::stop);
    if (ran) record_run(date, from);
    return from;
  }
  // seen_ ends with this log (the walk and the projection add it before asking).
  const SessionHistory history{&seen_, &marks_, setback_};
  CheckpointResult result =
      evaluate_checkpoint(p_, limits_, needed_, log, baseline_, explain_, history);
  add_missing_answers(log, result);
  std::vector<Reason> reasons = std::move(result.reasons);
  Action action = result.action;
  if (ran) {
    marks_.push_back({seen_.size() - 1, result.exceeded, setback_});
    setback_ = false;
  }
  const auto never_came = [&](const std::vector<std::string>& missing) {
    const Reason reason{"missing logs",
                        explain_ ? missing_logs_text(missing, date) : std::string(),
                        {ActionKind::repeat, 0, 0},
                        ""};
    reasons.push_back(reason);
    action = most_cautious(action, reason.action);
  };

  if (!result.complete) {
    if (!later_session || projecting_) {
      if (hold(log, result.missing, reasons, result.action, from)) return from;
    } else {
      never_came(result.missing);
    }
  }
  std::string plugin_waits;
  for (Reason& reason : plugin_reasons(log, &plugin_waits)) {
    action = most_cautious(action, reason.action);
    reasons.push_back(std::move(reason));
  }
  if (!plugin_waits.empty()) {
    if (!later_session) {
      if (hold(log, {plugin_waits}, reasons, action, from)) return from;
    } else {
      never_came({plugin_waits});
    }
  }
  if (ran) {
    if (auto bad_day = bad_day_reason(p_, from, reasons, explain_)) {
      action = most_cautious(action, bad_day->action);
      reasons.push_back(std::move(*bad_day));
    }
    if (const auto spacing = too_soon(p_, progress_, date)) {
      const Reason reason{"frequency.min_rest_days",
                          explain_ ? too_soon_text(*spacing, date) : std::string(),
                          {ActionKind::repeat, 0, 0},
                          ""};
      reasons.push_back(reason);
      action = most_cautious(action, reason.action);
    }
  }
  most_cautious_first(reasons);
  apply(log, action, reasons);
  if (ran) record_run(date, from);
  return from;
}

void Planner::apply(const DayLog& log, Action action, const std::vector<Reason>& reasons) {
  const Date date = log.date;
  Move move = apply_action(p_, progress_, date, action);
  // The next session is "the restarted session" after a step back or a bad day's rest.
  if (move.kind == DecisionKind::step_back ||
      (action.kind != ActionKind::proceed && action.rest_days > 0)) {
    setback_ = true;
  }
  std::string rule = !move.rule.empty() ? std::move(move.rule)
                     : reasons.empty()  ? std::string("all limits met")
                                        : reasons.front().rule;
  Decision decision =
      make_decision(date, move.kind, move.from_stage, move.to_stage, std::move(rule));
  decision.rest_days = action.rest_days;
  if (explain_) {
    decision.explanation =
        checkpoint_explanation(words_, move, log, action, join_reasons(reasons, action));
  }
  if (pending_ && *pending_ <= date) {
    pending_.reset();
    pending_missing_.clear();
    pending_action_.reset();
  }
  summarise(date, move.from_stage, action.kind);
  decide(std::move(decision));
}

}  // namespace runback::plan_internal
