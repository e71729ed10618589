#include "plan/planner.hpp"

#include <algorithm>
#include <deque>

#include "plan/checkpoint.hpp"
#include "plan/log_fields.hpp"
#include "plan/schedule.hpp"
#include "protocol/safety.hpp"

namespace runback {
namespace {

using Days = std::chrono::days;

std::string stage_words(int index) {
  return "stage " + std::to_string(index + 1);
}

std::string count_words(int n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// "pain during 1/10, next morning 0/10"
std::string logged_values(const DayLog& log) {
  std::vector<std::string> parts;
  if (log.pain_during) parts.push_back("pain during " + std::to_string(*log.pain_during) + "/10");
  if (log.pain_after) parts.push_back("after " + std::to_string(*log.pain_after) + "/10");
  if (log.pain_next_morning)
    parts.push_back("next morning " + std::to_string(*log.pain_next_morning) + "/10");
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : ", ") + part;
  return out;
}

// "fact; fact. The protocol's why." -- the logged facts first, then the author's words for the
// action taken (when several responses applied, those that chose the action that won).
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

std::string rest_words(int rest_days) {
  return rest_days > 0 ? " after " + count_words(rest_days, "rest day") : "";
}

Decision make_decision(Date date, DecisionKind kind, int from, int to, std::string rule) {
  Decision decision;
  decision.date = date;
  decision.kind = kind;
  decision.from_stage = from;
  decision.to_stage = to;
  decision.rule = std::move(rule);
  return decision;
}

DayLog clean_session(Date date) {
  DayLog log;
  log.date = date;
  log.session = SessionOutcome::done;
  log.pain_during = 0;
  log.pain_after = 0;
  log.pain_next_morning = 0;
  log.stiffness_minutes = 0;
  return log;
}

const std::string kClearHint =
    " Once they clear you, record it with `runback clear --by \"NAME\" --date DATE` (the day "
    "they saw you).";

class Planner {
 public:
  Planner(const PlanRequest& request, Date explain_from)
      : r_(request),
        p_(request.protocol),
        stage_count_(int(p_.stages.size())),
        limits_(effective_pain_limits(p_)),
        needed_(needed_logs(p_)),
        history_id_(next_history_id()),
        explain_from_(explain_from) {}

  Plan run();

 private:
  const Stage& stage() const { return p_.stages[std::size_t(stage_)]; }
  int min_rest() const { return std::clamp(stage().frequency.min_rest_days, 0, 6); }
  int sessions_needed() const { return std::max(1, stage().sessions_to_advance); }
  int stages_per_7_days() const {
    return std::clamp(p_.progression.max_stages_per_7_days, 1, safety::kMaxStagesPer7Days);
  }

  void decide(Decision decision) {
    decision.projected = projecting_;
    (projecting_ ? plan_.projected : plan_.decisions).push_back(std::move(decision));
  }
  void summarise(Date date, int stage_index, ActionKind outcome) {
    summaries_.push_back({date, stage_index, outcome});
  }
  ExtensionContext context(Date date) const {
    return ExtensionContext{
        p_,    r_.programme, date,       stage_, int((date - stage_since_).count()),
        seen_, summaries_,   history_id_};
  }

  void on_clearance(const Clearance& clearance);
  void on_red_flags(const DayLog& log);
  int on_session(const DayLog& log, bool later_session);
  void apply_break(Date date);
  void apply(const DayLog& log, int from, Action action, const std::vector<Reason>& reasons);
  std::vector<Reason> plugin_reasons(const DayLog& log);
  void start_projection();
  bool is_run_day(Date day);
  void record_run(Date day);
  Reminder reminder_for(Date session, TimePoint when, const DayLog* already);
  PlannedDay lay_out(Date day, const std::optional<PlannedRun>& run,
                     const std::vector<Reminder>& morning_reminders);
  void note(std::string text) {
    if (std::find(plan_.notes.begin(), plan_.notes.end(), text) == plan_.notes.end())
      plan_.notes.push_back(std::move(text));
  }

  const PlanRequest& r_;
  const Protocol& p_;
  const int stage_count_;
  const EffectivePainLimits limits_;
  const NeededLogs needed_;
  Plan plan_;

  int stage_ = 0;
  int clean_ = 0;
  Date stage_since_;
  std::optional<Date> last_run_;
  std::optional<Date> rest_through_;
  bool stopped_ = false;
  std::optional<Date> stopped_on_;
  bool complete_ = false;
  std::deque<Date> advances_;
  Baseline baseline_;
  std::optional<Date> pending_;
  std::vector<std::string> pending_missing_;
  NeededLogs pending_needs_;  // which of the needed values the waiting session lacks
  std::vector<DayLog> seen_;  // logs so far, real then projected: the plugin's view
  std::vector<CheckpointSummary> summaries_;
  // seen_ and summaries_ only grow during a run, so one id covers the run (see ExtensionContext).
  const std::uint64_t history_id_;
  bool projecting_ = false;
  bool explain_ = true;          // build texts for the decisions being taken now
  Date explain_from_;            // real decisions before this date get no text
  int runs_this_week_ = 0;       // runs on or after this week's Monday, real then projected
  int stage_before_break_ = -1;  // the stage when a break began; -1: no break under way
  // The run-day pattern of the current stage and run days (recomputed when either changes).
  int pattern_stage_ = -1;
  const std::vector<std::chrono::weekday>* pattern_preferred_ = nullptr;
  std::vector<std::chrono::weekday> pattern_;
  // The plugin's questions, asked once per plan (they describe the checkpoint, not a day).
  std::optional<std::vector<CheckpointQuestion>> questions_;
  const std::vector<CheckpointQuestion>& questions();
};

void Planner::on_clearance(const Clearance& clearance) {
  if (!stopped_ || !stopped_on_ || clearance.date < *stopped_on_) return;
  stopped_ = false;
  clean_ = 0;
  rest_through_ = std::max(rest_through_.value_or(clearance.date), clearance.date);
  Decision decision =
      make_decision(clearance.date, DecisionKind::resume, stage_, stage_, "clearance");
  if (explain_)
    decision.explanation =
        "Cleared to run again" + (clearance.by.empty() ? std::string() : " by " + clearance.by) +
        " on " + format_date(clearance.date) + ": running starts again from " +
        format_date(clearance.date + Days{1}) + " at " + stage_words(stage_) + ".";
  decide(std::move(decision));
}

void Planner::on_red_flags(const DayLog& log) {
  std::string flags;
  for (const auto& id : log.red_flags) {
    flags += (flags.empty() ? "" : "; ") + lower_first(red_flag_text(p_, id));
  }
  stopped_ = true;
  stopped_on_ = log.date;
  clean_ = 0;
  Decision decision = make_decision(log.date, DecisionKind::stop, stage_, stage_,
                                    "red flag '" + log.red_flags.front() + "'");
  if (explain_)
    decision.explanation = "Stop running for now and see your physiotherapist: you logged " +
                           flags + " on " + format_date(log.date) + "." + kClearHint;
  decide(std::move(decision));
  summarise(log.date, stage_, ActionKind::stop);
}

// A long break is an event on the day it reaches a rule's length, so every view of that day
// (status, week, the caseload) already shows the stage the next run will be at. The stage is
// counted from where the runner was when the break began: a longer rule replaces a shorter one.
void Planner::apply_break(Date date) {
  const Date since = last_run_.value_or(r_.programme.start_date);
  const int gap = int((date - since).count());
  const BreakRule* rule = nullptr;
  for (const BreakRule& candidate : p_.progression.breaks) {
    if (candidate.days == gap) rule = &candidate;
  }
  if (!rule) return;
  if (stage_before_break_ < 0) stage_before_break_ = stage_;
  const int to =
      rule->restart ? 0 : std::max(0, stage_before_break_ - std::max(0, rule->step_back));
  if (to > stage_ || (to == stage_ && clean_ == 0)) return;
  Decision decision = make_decision(date, DecisionKind::break_back, stage_, to,
                                    "progression.breaks (" + std::to_string(rule->days) + " days)");
  const std::string what = !explain_   ? std::string()
                           : last_run_ ? "your last run on " + format_date(*last_run_)
                                       : "you started on " + format_date(since);
  const std::string does = rule->restart ? "starts again from the first stage"
                                         : "steps back " + count_words(rule->step_back, "stage");
  if (explain_)
    decision.explanation =
        (to == stage_ ? "Stay at " + stage_words(to) + " and count again"
                      : (rule->restart ? "Start again at " : "Back to ") + stage_words(to)) +
        ": it has been " + count_words(gap, "day") + " since " + what + "; after " +
        count_words(rule->days, "day") + " without running this protocol " + does + ".";
  if (to != stage_) stage_since_ = date;
  stage_ = to;
  clean_ = 0;
  decide(std::move(decision));
}

std::vector<Reason> Planner::plugin_reasons(const DayLog& log) {
  std::vector<Reason> reasons;
  if (!p_.plugin || projecting_) return reasons;
  const std::string& name = p_.plugin->name;
  const Action repeat{ActionKind::repeat, 0, 0};
  if (!r_.extension) {
    reasons.push_back({"plugin '" + name + "'",
                       "the '" + name +
                           "' plugin this protocol uses is not available, so the "
                           "session on " +
                           format_date(log.date) + " cannot count",
                       repeat, ""});
    return reasons;
  }
  auto verdict = r_.extension->verdict(context(log.date), log);
  if (!verdict.ok()) {
    reasons.push_back({"plugin '" + name + "'",
                       "the " + name + " plugin could not check the session on " +
                           format_date(log.date) + " (" + verdict.error() + ")",
                       repeat, ""});
    return reasons;
  }
  // A plugin can only make things more cautious: its action is clamped to the core's ranges and
  // merged with the core's as the more cautious of the two.
  Action action = verdict->action;
  action.rest_days = std::clamp(action.rest_days, 0, 28);
  action.stages = action.kind == ActionKind::step_back ? std::clamp(action.stages, 1, 10) : 0;
  if (action.kind == ActionKind::proceed && action.rest_days == 0) return reasons;
  const std::string why =
      verdict->why.empty() ? "the " + name + " plugin advised it" : verdict->why;
  reasons.push_back({"plugin '" + name + "'", "the " + name + " plugin advised it", action, why});
  return reasons;
}

int Planner::on_session(const DayLog& log, bool later_session) {
  const Date date = log.date;
  const bool ran = log.session != SessionOutcome::skipped;
  if (complete_) return stage_;
  if (stopped_) {
    Decision decision = make_decision(date, DecisionKind::stop, stage_, stage_, "stopped");
    if (explain_)
      decision.explanation = "Running is on hold since " + format_date(*stopped_on_) +
                             ", so the session on " + format_date(date) +
                             " does not count. Please see your physiotherapist." + kClearHint;
    decide(std::move(decision));
    summarise(date, stage_, ActionKind::stop);
    if (ran) record_run(date);
    return stage_;
  }
  const int from = stage_;
  CheckpointResult result = evaluate_checkpoint(p_, limits_, needed_, log, baseline_, explain_);
  std::vector<Reason> reasons = std::move(result.reasons);
  Action action = result.action;

  if (!result.complete) {
    std::string missing;
    if (explain_)
      for (const auto& item : result.missing) missing += (missing.empty() ? "" : " and ") + item;
    if (!later_session || projecting_) {
      pending_ = date;
      pending_missing_ = result.missing;
      pending_needs_ =
          NeededLogs{needed_.during && !log.pain_during, needed_.after && !log.pain_after,
                     needed_.next_morning && !log.pain_next_morning,
                     needed_.stiffness && !log.stiffness_minutes};
      // A stop cannot be undone by the values still to come (more values only add caution):
      // it is decided now, not the next morning.
      if (result.action.kind != ActionKind::stop) {
        Decision decision =
            make_decision(date, DecisionKind::waiting, from, from, "waiting for logs");
        decision.missing = result.missing;
        if (explain_) {
          decision.explanation = "Waiting for your " + missing + " for " + format_date(date) +
                                 " before deciding; you stay at " + stage_words(from) +
                                 " until then.";
          // What the values so far already mean, so bad news never waits for the morning.
          if (!reasons.empty()) {
            decision.explanation += " Already: " + join_reasons(reasons, result.action) +
                                    " So this run will not count towards moving up.";
          }
        }
        decide(std::move(decision));
        if (ran) record_run(date);
        return from;
      }
    } else {
      const Reason reason{"missing logs",
                          !explain_ ? std::string()
                                    : "no " + missing + " was logged for the session on " +
                                          format_date(date) + ", so it cannot count",
                          {ActionKind::repeat, 0, 0},
                          ""};
      reasons.push_back(reason);
      action = most_cautious(action, reason.action);
    }
  }
  for (Reason& reason : plugin_reasons(log)) {
    action = most_cautious(action, reason.action);
    reasons.push_back(std::move(reason));
  }

  if (ran) {
    const bool rest_day = rest_through_ && date <= *rest_through_;
    const int gap = last_run_ ? int((date - *last_run_).count()) : 1000;
    if (rest_day || gap < min_rest() + 1) {
      const std::string text =
          !explain_  ? std::string()
          : rest_day ? "the run on " + format_date(date) +
                           " fell on a rest day, so it does not "
                           "count towards moving up"
                     : "the run on " + format_date(date) + " came only " + count_words(gap, "day") +
                           " after the one before; this protocol asks for " +
                           count_words(min_rest(), "rest day") +
                           " between runs, so it does not count towards moving up";
      const Reason reason{"frequency.min_rest_days", text, {ActionKind::repeat, 0, 0}, ""};
      reasons.push_back(reason);
      action = most_cautious(action, reason.action);
    }
  }
  most_cautious_first(reasons);
  apply(log, from, action, reasons);
  if (ran) record_run(date);
  return from;
}

void Planner::apply(const DayLog& log, int from, Action action,
                    const std::vector<Reason>& reasons) {
  const Date date = log.date;
  Decision decision =
      make_decision(date, DecisionKind::repeat, from, from,
                    reasons.empty() ? std::string("all limits met") : reasons.front().rule);
  decision.rest_days = action.rest_days;
  const std::string why = explain_ ? join_reasons(reasons, action) : std::string();
  switch (action.kind) {
    case ActionKind::stop:
      decision.kind = DecisionKind::stop;
      stopped_ = true;
      stopped_on_ = date;
      clean_ = 0;
      if (explain_)
        decision.explanation =
            "Stop running for now and see your physiotherapist: " + why + kClearHint;
      break;
    case ActionKind::step_back: {
      decision.kind = DecisionKind::step_back;
      const int to = std::max(0, stage_ - std::max(1, action.stages));
      decision.to_stage = to;
      if (explain_)
        decision.explanation =
            (to == stage_
                 ? "Repeat " + stage_words(to) + " (it is the first stage)"
                 : "Step back " + count_words(stage_ - to, "stage") + " to " + stage_words(to)) +
            rest_words(action.rest_days) + ": " + why;
      if (to != stage_) stage_since_ = date;
      stage_ = to;
      clean_ = 0;
      break;
    }
    case ActionKind::repeat:
      decision.kind = DecisionKind::repeat;
      clean_ = 0;
      if (explain_)
        decision.explanation =
            "Repeat " + stage_words(stage_) + rest_words(action.rest_days) + ": " + why;
      break;
    case ActionKind::proceed: {
      ++clean_;
      const std::string values = explain_ ? logged_values(log) : std::string();
      const std::string went_well = !explain_
                                        ? std::string()
                                        : "the session on " + format_date(date) + " went well" +
                                              (values.empty() ? "" : " (" + values + ")");
      const std::string rest =
          action.rest_days > 0 ? " Rest " + count_words(action.rest_days, "day") + " first." : "";
      while (!advances_.empty() && advances_.front() <= date - Days{7}) advances_.pop_front();
      if (clean_ < sessions_needed()) {
        decision.kind = DecisionKind::keep_going;
        if (explain_)
          decision.explanation = "Keep going at " + stage_words(stage_) + ": " + went_well + "; " +
                                 std::to_string(clean_) + " of " +
                                 count_words(sessions_needed(), "good session") +
                                 " in a row needed to move up." + rest;
      } else if (int(advances_.size()) >= stages_per_7_days()) {
        decision.kind = DecisionKind::keep_going;
        decision.rule = "progression.max_stages_per_7_days";
        if (explain_)
          decision.explanation = "Stay at " + stage_words(stage_) + " for now: " + went_well +
                                 ", but you have moved up " +
                                 count_words(int(advances_.size()), "stage") +
                                 " in the last 7 days, the most this protocol allows." + rest;
      } else if (stage_ + 1 >= stage_count_) {
        decision.kind = DecisionKind::complete;
        complete_ = true;
        if (explain_)
          decision.explanation = "Programme complete: " + count_words(clean_, "good session") +
                                 " in a row at the last stage, the last on " + format_date(date) +
                                 ". Well done.";
      } else {
        decision.kind = DecisionKind::advance;
        decision.rule = "sessions_to_advance";
        if (explain_)
          decision.explanation = "Move up to " + stage_words(stage_ + 1) + ": " +
                                 count_words(clean_, "good session") + " in a row at " +
                                 stage_words(stage_) + "; " + went_well + "." + rest;
        advances_.push_back(date);
        ++stage_;
        stage_since_ = date;
        clean_ = 0;
        decision.to_stage = stage_;
      }
      break;
    }
  }
  if (action.rest_days > 0 && action.kind != ActionKind::stop) {
    const Date through = date + Days{action.rest_days};
    rest_through_ = std::max(rest_through_.value_or(through), through);
  }
  if (pending_ && *pending_ <= date) {
    pending_.reset();
    pending_missing_.clear();
  }
  summarise(date, from, action.kind);
  decide(std::move(decision));
}

const std::vector<CheckpointQuestion>& Planner::questions() {
  if (!questions_) {
    questions_.emplace();
    if (r_.extension && r_.day_details) {
      // The questions describe the checkpoint; they are asked with the protocol's context.
      auto asked = r_.extension->questions(context(r_.today));
      if (asked.ok()) {
        *questions_ = std::move(*asked);
      } else {
        note("The " + r_.extension->name() + " plugin could not give its checkpoint questions (" +
             asked.error() + "); log the core values as shown.");
      }
    }
  }
  return *questions_;
}

// A planned run day: one of the stage's run-day pattern (the runner's preferred days), with the
// rest days since the last run kept and the week's most runs not reached. The same rule lays out
// the past (a planned day with nothing logged was missed) and the future.
bool Planner::is_run_day(Date day) {
  if (stopped_ || complete_ || day < r_.programme.start_date) return false;
  if (rest_through_ && day <= *rest_through_) return false;
  const Frequency& frequency = stage().frequency;
  const auto& preferred = run_days_on(r_.programme, day);
  if (pattern_stage_ != stage_ || pattern_preferred_ != &preferred) {
    pattern_ = run_day_pattern(preferred, frequency).days;
    pattern_stage_ = stage_;
    pattern_preferred_ = &preferred;
  }
  if (!on_weekday(day, pattern_)) return false;
  if (last_run_ && (day - *last_run_).count() < min_rest() + 1) return false;
  return runs_this_week_ < std::clamp(frequency.sessions_max, 1, 7);
}

void Planner::record_run(Date day) {
  last_run_ = day;
  stage_before_break_ = -1;
  ++runs_this_week_;
}

Reminder Planner::reminder_for(Date session, TimePoint when, const DayLog* already) {
  Reminder reminder{when, session, checkpoint_fields(p_, needed_, questions(), when)};
  if (already) {
    std::erase_if(reminder.fields, [&](const LogField& f) { return field_logged(f, *already); });
  }
  return reminder;
}

PlannedDay Planner::lay_out(Date day, const std::optional<PlannedRun>& run,
                            const std::vector<Reminder>& morning_reminders) {
  PlannedDay out;
  out.date = day;
  out.run = run;
  out.stage_index = run ? run->stage_index : stage_;
  if (run && !run->missed) {
    out.rest = RestKind::none;
  } else if (day < r_.programme.start_date) {
    out.rest = RestKind::before_start;
  } else if (complete_) {
    out.rest = RestKind::finished;
  } else if (stopped_) {
    out.rest = RestKind::stopped;
  } else if (rest_through_ && day <= *rest_through_) {
    out.rest = RestKind::imposed;
  }
  if (out.rest == RestKind::before_start || out.rest == RestKind::stopped) return out;
  const bool future = day >= r_.today;
  const bool run_ahead = future && run && !run->logged && !run->missed;
  if (!r_.day_details) {
    if (run_ahead) out.reminders.push_back(reminder_for(day, TimePoint::during, nullptr));
    return out;
  }

  // Exercises: the protocol's, the stage's, then the plugin's with that week's dose (a plugin
  // exercise replaces the protocol's exercise of the same name).
  auto place = [&](const Exercise& exercise) {
    return exercise.per == Period::day || on_weekday(day, spread_pattern(exercise.times));
  };
  auto add_exercise = [&](const Exercise& exercise) {
    auto same = std::find_if(out.exercises.begin(), out.exercises.end(),
                             [&](const Exercise& e) { return e.name == exercise.name; });
    if (same != out.exercises.end()) out.exercises.erase(same);
    if (place(exercise)) out.exercises.push_back(exercise);
  };
  if (out.rest != RestKind::finished) {
    for (const Exercise& exercise : p_.exercises) add_exercise(exercise);
    for (const Exercise& exercise : p_.stages[std::size_t(out.stage_index)].exercises)
      add_exercise(exercise);
  }
  if (r_.extension && out.rest != RestKind::finished) {
    auto extra = r_.extension->exercises(context(day));
    if (extra.ok()) {
      for (const Exercise& exercise : *extra) add_exercise(exercise);
    } else {
      note("The " + r_.extension->name() + " plugin could not give its exercises for " +
           format_date(day) + " (" + extra.error() + "); the protocol's own are shown.");
    }
    if (run && !run->missed) {
      auto cues = r_.extension->session_cues(context(day));
      if (cues.ok()) {
        out.cues = std::move(*cues);
      } else {
        note("The " + r_.extension->name() + " plugin could not give its cues for " +
             format_date(day) + " (" + cues.error() + ").");
      }
    }
  }
  for (const RecoveryItem& item : p_.recovery) {
    bool today = false;
    switch (item.when) {
      case RecoveryWhen::after_run:
        today = run && !run->missed;
        break;
      case RecoveryWhen::rest_day:
        today = !run || run->missed;
        break;
      case RecoveryWhen::daily:
      case RecoveryWhen::evening:
        today = true;
        break;
      case RecoveryWhen::weekly:
        today = on_weekday(day, spread_pattern(item.times_per_week.value_or(1)));
        break;
    }
    if (today) out.recovery.push_back(item);
  }

  // A missed run can still be logged, with the same command a planned one gives.
  if (run && run->missed) out.reminders.push_back(reminder_for(day, TimePoint::during, nullptr));
  if (!future) return out;
  out.reminders.insert(out.reminders.end(), morning_reminders.begin(), morning_reminders.end());
  if (day == r_.today && plan_.status.waiting_for) {
    // The logs a session is still waiting for, whichever day it was.
    const Date session = *plan_.status.waiting_for;
    const DayLog* logged = nullptr;
    for (auto it = seen_.rbegin(); it != seen_.rend() && !logged; ++it) {
      if (it->date == session) logged = &*it;
    }
    for (TimePoint when : {TimePoint::during, TimePoint::next_morning}) {
      if (when == TimePoint::next_morning && session >= r_.today) continue;  // not morning yet
      Reminder reminder = reminder_for(session, when, logged);
      if (!reminder.fields.empty()) out.reminders.push_back(std::move(reminder));
    }
  }
  if (run_ahead) out.reminders.push_back(reminder_for(day, TimePoint::during, nullptr));
  return out;
}

void Planner::start_projection() {
  projecting_ = true;
  // A session still waiting for its logs has not passed: the projection does not count it.
  if (pending_) clean_ = 0;
}

Plan Planner::run() {
  if (stage_count_ == 0) {
    plan_.notes.push_back("This protocol has no stages.");
    return std::move(plan_);
  }
  const Programme& programme = r_.programme;
  stage_ = std::clamp(programme.starting_stage, 0, stage_count_ - 1);
  stage_since_ = programme.start_date;
  plan_.status.stage_count = stage_count_;
  if (programme.usual_pain) baseline_ = {*programme.usual_pain, Baseline::Source::usual};

  // Only what was logged up to the plan's date counts.
  const auto logs_end =
      std::upper_bound(r_.logs.begin(), r_.logs.end(), r_.today,
                       [](Date day, const DayLog& log) { return day < log.date; });
  const auto clearances_end =
      std::upper_bound(r_.clearances.begin(), r_.clearances.end(), r_.today,
                       [](Date day, const Clearance& clearance) { return day < clearance.date; });
  const DayLog* last_session = nullptr;
  for (auto it = r_.logs.begin(); it != logs_end; ++it) {
    if (it->session) last_session = &*it;
  }
  seen_.reserve(std::size_t(logs_end - r_.logs.begin()) + 64);
  plan_.decisions.reserve(std::size_t(logs_end - r_.logs.begin()) + 8);
  summaries_.reserve(std::size_t(logs_end - r_.logs.begin()) + 64);

  const Date window_begin = r_.from;
  const Date window_end = r_.from + Days{std::max(0, r_.days)};
  Date day = std::min({programme.start_date, r_.today, window_begin});
  if (r_.logs.begin() != logs_end) day = std::min(day, r_.logs.front().date);
  const Date horizon = r_.today + Days{std::max(0, r_.projection_days)};
  const Date recent_from = r_.today - Days{14};

  auto log_it = r_.logs.begin();
  auto clearance_it = r_.clearances.begin();
  bool logged_today = false;
  std::vector<Reminder> morning_reminders;

  for (;; day += Days{1}) {
    std::optional<PlannedRun> run;
    const DayLog* logged = nullptr;
    explain_ = day >= explain_from_;
    if (std::chrono::weekday{day} == std::chrono::Monday) runs_this_week_ = 0;
    if (day <= r_.today) {
      while (clearance_it != clearances_end && clearance_it->date <= day) {
        if (clearance_it->date == day) on_clearance(*clearance_it);
        ++clearance_it;
      }
      while (log_it != logs_end && log_it->date < day) ++log_it;
      if (log_it != logs_end && log_it->date == day) {
        if (day >= programme.start_date) {
          logged = &*log_it;
        } else {
          // Before the start (an earlier programme's, or a run before starting): no checkpoint,
          // but the legs still ran, so the rest days count from it, and its morning value is
          // the latest baseline.
          if (const auto outcome = implied_session(*log_it);
              outcome && *outcome != SessionOutcome::skipped) {
            record_run(day);
          }
          if (log_it->pain_next_morning) {
            baseline_ = {*log_it->pain_next_morning, Baseline::Source::morning};
          }
          // A red flag is never relaxed by starting over: it stops running until a clearance.
          if (!log_it->red_flags.empty()) on_red_flags(*log_it);
        }
      }
      if (day == r_.today && logged && logged->session) logged_today = true;
    }
    const Date first_projected = r_.today + Days{logged_today ? 1 : 0};
    if (day > r_.today && !projecting_) start_projection();
    if (day > r_.today) explain_ = day < window_end;
    if (!complete_) apply_break(day);
    const bool planned = is_run_day(day);

    if (logged) {
      const DayLog& log = *logged;
      seen_.push_back(log);
      if (!log.red_flags.empty()) {
        const bool ran = log.session && *log.session != SessionOutcome::skipped;
        if (log.session) run = PlannedRun{stage_, true, log.session, false, false, !planned};
        on_red_flags(log);
        if (ran) record_run(day);
      } else if (log.session) {
        const int at = on_session(log, &log != last_session);
        run = PlannedRun{at, true, log.session, false, false, !planned};
      }
      // The next-morning value is the baseline for the next session's rise.
      if (log.pain_next_morning) baseline_ = {*log.pain_next_morning, Baseline::Source::morning};
    }
    if (!run && planned && day < first_projected) {
      // A planned run that passed with nothing logged: missed. No decision (the break rules
      // deal with long gaps), but every view counts and shows it.
      run = PlannedRun{stage_, false, std::nullopt, false, true, false};
      ++plan_.status.missed_runs;
      if (day >= recent_from) plan_.status.recent_missed.push_back(day);
    }
    if (day == r_.today) {
      // Where the runner stands with what they logged, before any run planned for today.
      PlanStatus& status = plan_.status;
      status.stage_index = stage_;
      status.clean_sessions = clean_;
      status.sessions_to_advance = sessions_needed();
      status.complete = complete_;
      status.stopped = stopped_;
      status.stopped_on = stopped_ ? stopped_on_ : std::nullopt;
      status.last_run = last_run_;
      status.rest_through = rest_through_;
      status.waiting_for = pending_;
      status.missing = pending_missing_;
      status.usual_pain = programme.usual_pain;
      if (clean_ >= sessions_needed() && !advances_.empty()) {
        status.can_move_up_from = advances_.front() + Days{7};
      }
    }
    if (day >= first_projected && !projecting_) start_projection();
    if (day >= first_projected) explain_ = day < window_end;
    // Today's logs (a red flag, a clearance) may have changed whether a run fits.
    if (!run && day >= first_projected && (day > r_.today ? planned : is_run_day(day))) {
      DayLog clean = clean_session(day);
      seen_.push_back(clean);
      const int before = plan_.status.stage_index;
      if (!plan_.next_run) plan_.next_run = day;
      const int at = on_session(clean, false);
      run = PlannedRun{at, false, std::nullopt, at != before, false, false};
    }

    if (day >= window_begin && day < window_end) {
      plan_.days.push_back(lay_out(day, run, morning_reminders));
      if (logged && r_.day_details) plan_.days.back().logged = *logged;
    }
    morning_reminders.clear();
    // Tomorrow morning's values for today's run: a planned run, or one logged today whose
    // checkpoint still waits.
    const bool next_in_window = day + Days{1} >= window_begin && day + Days{1} < window_end;
    if (next_in_window && run && !run->missed && day + Days{1} > r_.today) {
      if (!run->logged) {
        morning_reminders.push_back(reminder_for(day, TimePoint::next_morning, nullptr));
      } else if (pending_ == day && logged) {
        Reminder reminder = reminder_for(day, TimePoint::next_morning, logged);
        if (!reminder.fields.empty()) morning_reminders.push_back(std::move(reminder));
      }
    }
    if (day >= r_.today && day + Days{1} >= window_end &&
        (complete_ || stopped_ || day >= horizon)) {
      break;
    }
  }

  for (const auto* list : {&plan_.decisions, &plan_.projected}) {
    for (const Decision& decision : *list) {
      if (decision.kind == DecisionKind::complete) plan_.projected_completion = decision.date;
    }
  }
  return std::move(plan_);
}

}  // namespace

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
