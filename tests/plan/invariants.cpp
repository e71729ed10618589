#include "plan/invariants.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "protocol/amount.hpp"
#include "protocol/personalise.hpp"
#include "protocol/safety.hpp"

namespace runback {
namespace {

using Days = std::chrono::days;

// How cautious a decision is, on the scale of actions (protocol.hpp).
int decision_rank(DecisionKind kind) {
  switch (kind) {
    case DecisionKind::keep_going:
    case DecisionKind::advance:
    case DecisionKind::complete:
      return 0;
    case DecisionKind::repeat:
    case DecisionKind::waiting:
      return 1;
    case DecisionKind::step_back:
      return 2;
    case DecisionKind::stop:
      return 3;
    case DecisionKind::break_back:
    case DecisionKind::resume:
      return -1;
  }
  return -1;
}

bool passes(DecisionKind kind) {
  return decision_rank(kind) == 0;
}

int clamp_limit(std::optional<int> protocol_value, int core_limit) {
  return std::min(protocol_value.value_or(core_limit), core_limit);
}

// A calendar programme's day for each stage, read from the calendar itself (not the planner's
// helpers): empty without a calendar.
std::vector<int> calendar_stage_days(const Protocol& p) {
  std::vector<int> days;
  if (!p.calendar) return days;
  for (const Stage& stage : p.stages) {
    int day = 0;
    for (const CalendarDay& entry : p.calendar->days) {
      if (entry.stage == stage.id) day = entry.day;
    }
    days.push_back(day);
  }
  return days;
}

class Checker {
 public:
  Checker(const PlanRequest& request, const Plan& plan) : r_(request), plan_(plan) {}
  std::vector<Violation> run();

 private:
  void fail(std::string invariant, std::string detail) {
    out_.push_back({std::move(invariant), std::move(detail)});
  }
  const Stage& stage(int index) const { return r_.protocol.stages[std::size_t(index)]; }
  bool blocked_by_red_flag(Date day) const;
  void check_ranges();
  void check_stage_rate();
  void check_passes_from_logs();
  void check_red_flags();
  void check_planned_runs();
  void check_calendar_recovery();
  void check_weekly_cap();
  bool session_holds(const Condition& when, const DayLog& log) const;
  std::optional<bool> condition_holds(const Condition& when, const DayLog& log,
                                      const Decision& decision) const;
  void check_format2_responses();

  const PlanRequest& r_;
  const Plan& plan_;
  std::vector<Violation> out_;
  std::vector<const Decision*> all_;             // real then projected, in date order
  std::map<Date, const DayLog*> logs_;           // up to the plan's date
  std::map<Date, std::optional<int>> baseline_;  // last next-morning score before each date
  std::vector<Date> flags_;
  std::vector<Date> clearances_;
  bool warmup_needed_ = false;  // the protocol's limits or responses use the warm-up (format 2)
};

bool Checker::blocked_by_red_flag(Date day) const {
  auto flag = std::upper_bound(flags_.begin(), flags_.end(), day);
  if (flag == flags_.begin()) return false;
  const Date last_flag = *std::prev(flag);
  return std::none_of(clearances_.begin(), clearances_.end(),
                      [&](Date c) { return c > last_flag && c < day; });
}

void Checker::check_ranges() {
  const int n = int(r_.protocol.stages.size());
  auto in_range = [&](int index) { return index >= 0 && index < n; };
  for (const Decision* d : all_) {
    if (!in_range(d->from_stage) || !in_range(d->to_stage)) {
      fail("stage-range", "decision on " + format_date(d->date) + " names a stage out of range");
    }
    if (d->kind == DecisionKind::break_back && d->to_stage > d->from_stage) {
      fail("stage-range", "a break moved the runner up on " + format_date(d->date));
    }
    if (d->kind == DecisionKind::step_back && d->to_stage > d->from_stage) {
      fail("stage-range", "a step back moved the runner up on " + format_date(d->date));
    }
    if (!passes(d->kind) && d->kind != DecisionKind::break_back &&
        d->kind != DecisionKind::step_back && d->to_stage != d->from_stage) {
      fail("stage-range",
           decision_kind_name(d->kind) + " changed the stage on " + format_date(d->date));
    }
  }
  for (const PlannedDay& day : plan_.days) {
    if (!in_range(day.stage_index) || (day.run && !in_range(day.run->stage_index))) {
      fail("stage-range", "planned day " + format_date(day.date) + " names a stage out of range");
    }
  }
}

void Checker::check_stage_rate() {
  // The protocol's own cap, within its format's limit: 2 in format 1, up to 7 in format 2
  // (clinical basis [7], last bullet: "at most two steps in 7 days is a common cap"). A
  // calendar's days are its pace: at most one move a day, so 7 in any 7 days.
  const int per_7_days = r_.protocol.calendar
                             ? 7
                             : std::clamp(r_.protocol.progression.max_stages_per_7_days, 1,
                                          safety::max_stages_per_7_days_limit(r_.protocol.format));
  std::vector<Date> advances;
  for (std::size_t k = 0; k < all_.size(); ++k) {
    const Decision& d = *all_[k];
    if (d.kind != DecisionKind::advance && d.kind != DecisionKind::complete) continue;
    if (d.kind == DecisionKind::advance) {
      advances.push_back(d.date);
      if (d.to_stage != d.from_stage + 1) {
        fail("stage-rate", "an advance on " + format_date(d.date) + " skipped a stage");
      }
    }
    // The advance must close a run of passed sessions at that stage, as many as the stage needs,
    // with nothing failed, missing, stopped or broken off in between.
    const int needed = std::max(1, stage(d.from_stage).sessions_to_advance);
    int passed = 0;
    for (std::size_t j = k + 1; j-- > 0 && passed < needed;) {
      const Decision& before = *all_[j];
      if (!passes(before.kind) || before.from_stage != d.from_stage) break;
      ++passed;
    }
    if (passed < needed) {
      fail("advance-after-failure",
           "moved up on " + format_date(d.date) + " after " + std::to_string(passed) +
               " passed session(s) in a row at stage " + std::to_string(d.from_stage + 1) +
               "; the stage needs " + std::to_string(needed));
    }
  }
  for (std::size_t i = 0; i < advances.size(); ++i) {
    const auto in_window = std::count_if(advances.begin(), advances.end(), [&](Date a) {
      return a <= advances[i] && a > advances[i] - Days{7};
    });
    if (in_window > per_7_days) {
      fail("stage-rate", std::to_string(in_window) + " stages up in the 7 days to " +
                             format_date(advances[i]) + "; at most " + std::to_string(per_7_days) +
                             " allowed");
    }
  }
}

void Checker::check_passes_from_logs() {
  const Protocol& p = r_.protocol;
  for (const Decision& d : plan_.decisions) {
    if (!is_checkpoint(d.kind)) continue;
    auto found = logs_.find(d.date);
    const DayLog* log = found == logs_.end() ? nullptr : found->second;
    const std::string when = format_date(d.date);
    if (!log || !log->session) {
      if (d.kind != DecisionKind::stop)
        fail("advance-after-failure", "a checkpoint on " + when + " has no session logged");
      continue;
    }
    // Plugin verdicts, asked again here: the decision must be at least as cautious.
    std::optional<Verdict> verdict;
    bool plugin_failed = false;
    if (p.plugin && r_.extension && d.kind != DecisionKind::waiting &&
        d.kind != DecisionKind::stop) {
      std::vector<DayLog> upto;
      for (const auto& [date, l] : logs_) {
        if (date <= d.date) upto.push_back(*l);
      }
      std::vector<CheckpointSummary> none;
      ExtensionContext context{p, r_.programme, d.date, d.from_stage, 0, upto, none};
      auto result = r_.extension->verdict(context, *log);
      if (result.ok()) {
        verdict = *result;
      } else {
        plugin_failed = true;
      }
    }
    if (verdict && d.kind != DecisionKind::waiting && d.kind != DecisionKind::stop) {
      const Action& a = verdict->action;
      if (decision_rank(d.kind) < caution_rank(a.kind)) {
        fail("plugin-caution", "the plugin said " + action_kind_name(a.kind) + " on " + when +
                                   " but the planner decided " + decision_kind_name(d.kind));
      }
      if (a.kind == ActionKind::step_back && d.kind == DecisionKind::step_back &&
          d.to_stage > std::max(0, d.from_stage - std::clamp(a.stages, 1, 10))) {
        fail("plugin-caution", "the plugin's step back on " + when + " was cut short");
      }
      if (a.kind != ActionKind::proceed && d.kind != DecisionKind::stop &&
          d.rest_days < std::clamp(a.rest_days, 0, 28)) {
        fail("plugin-caution", "the plugin's rest days on " + when + " were cut short");
      }
    }
    if (!passes(d.kind)) continue;

    const SessionOutcome outcome = *log->session;
    if (outcome == SessionOutcome::skipped ||
        (outcome == SessionOutcome::partial &&
         p.progression.partial_session != PartialSession::counts)) {
      fail("advance-after-failure",
           "a " + std::string(outcome == SessionOutcome::skipped ? "skipped" : "partial") +
               " session on " + when + " was counted as passed");
    }
    if (!log->red_flags.empty()) fail("red-flag", "a session with a red flag passed on " + when);
    if (log->limp || log->swelling) {
      fail("pain-limit", "a session with a limp or swelling passed on " + when);
    }
    // `decide: after_session` (format 2) passes on the session's own values; a next-morning
    // value, once logged, is still judged below.
    const bool morning_needed = p.progression.decide == DecideWhen::next_morning;
    if (!log->pain_during || (morning_needed && !log->pain_next_morning) ||
        (p.pain.after && !log->pain_after) || (warmup_needed_ && !log->pain_warmup)) {
      fail("advance-after-failure", "a session with missing logs passed on " + when);
      continue;
    }
    const int base = baseline_[d.date].value_or(0);
    auto check_limit = [&](const std::optional<PainLimit>& limit, int value, int default_rise,
                           const char* what) {
      const int most = clamp_limit(limit ? limit->max : std::nullopt, safety::kMaxPainLimit);
      const std::optional<int> rise =
          limit && limit->max_rise
              ? std::optional<int>(std::min(*limit->max_rise, safety::kMaxPainRise))
              : (default_rise >= 0 ? std::optional<int>(default_rise) : std::nullopt);
      if (value > most || (rise && value - base > *rise)) {
        fail("pain-limit", std::string(what) + " pain " + std::to_string(value) + "/10 on " + when +
                               " (baseline " + std::to_string(base) +
                               ") passed the limit, yet the session passed");
      }
    };
    check_limit(p.pain.during, *log->pain_during, -1, "during");
    // Format 2's warm-up limit: the same core ceiling as during a run.
    if (p.pain.warmup && log->pain_warmup) {
      check_limit(p.pain.warmup, *log->pain_warmup, -1, "warm-up");
    }
    if (p.pain.after && log->pain_after) check_limit(p.pain.after, *log->pain_after, -1, "after");
    if (log->pain_next_morning) {
      check_limit(p.pain.next_morning, *log->pain_next_morning, p.pain.next_morning ? -1 : 0,
                  "next-morning");
    }
    if (p.plugin && (!r_.extension || plugin_failed ||
                     (verdict && verdict->action.kind != ActionKind::proceed))) {
      fail("plugin-caution", "a session passed on " + when + " without the plugin's agreement");
    }
  }
}

void Checker::check_red_flags() {
  for (Date flag : flags_) {
    const bool stopped = std::any_of(
        plan_.decisions.begin(), plan_.decisions.end(),
        [&](const Decision& d) { return d.date == flag && d.kind == DecisionKind::stop; });
    if (!stopped) fail("red-flag", "no stop on " + format_date(flag) + " after a red flag");
  }
  for (const Decision* d : all_) {
    if (passes(d->kind) && blocked_by_red_flag(d->date)) {
      fail("red-flag", "a session passed on " + format_date(d->date) +
                           " while a red flag had not been cleared");
    }
  }
  for (const PlannedDay& day : plan_.days) {
    if (day.run && !day.run->logged && !day.run->missed && blocked_by_red_flag(day.date)) {
      fail("red-flag", "a run is planned on " + format_date(day.date) +
                           " while a red flag has not been cleared");
    }
  }
}

void Checker::check_planned_runs() {
  const Protocol& p = r_.protocol;
  struct RunDay {
    Date date;
    int stage = 0;
    bool planned = false;
  };
  std::vector<RunDay> runs;
  for (const auto& [date, log] : logs_) {
    if (log->session && *log->session != SessionOutcome::skipped) runs.push_back({date, 0, false});
  }
  const bool logged_today = logs_.count(r_.today) && logs_.at(r_.today)->session.has_value();
  for (const Decision& d : plan_.projected) {
    if (!is_checkpoint(d.kind)) continue;
    runs.push_back({d.date, d.from_stage, true});
    if (d.date < r_.today || (d.date == r_.today && logged_today) ||
        d.date < r_.programme.start_date) {
      fail("run-spacing", "a run is planned on " + format_date(d.date) + ", a day already past");
    }
  }
  for (const PlannedDay& day : plan_.days) {
    // Format 2's session lists: a run uses one of its stage's sessions, never past the list.
    if (day.run &&
        (day.run->session_index < 0 ||
         day.run->session_index >= session_count(p.stages[std::size_t(day.run->stage_index)]))) {
      fail("session-index", "the run on " + format_date(day.date) + " uses session " +
                                std::to_string(day.run->session_index + 1) +
                                ", which its stage does not have");
    }
    if (day.run && day.run->missed && day.date >= r_.today) {
      fail("missed", "a run on " + format_date(day.date) + " is missed before it has come");
    }
    if (!day.run || day.run->logged || day.run->missed) continue;
    const bool known = std::any_of(plan_.projected.begin(), plan_.projected.end(),
                                   [&](const Decision& d) { return d.date == day.date; });
    if (!known)
      fail("run-spacing", "a planned run on " + format_date(day.date) + " was not judged");
  }
  std::stable_sort(runs.begin(), runs.end(),
                   [](const RunDay& a, const RunDay& b) { return a.date < b.date; });
  // A calendar's rest between runs is the gap between its stages' days, and its runs a week
  // follow from its days (at most one a day).
  const std::vector<int> calendar_days = calendar_stage_days(p);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (!runs[i].planned) continue;
    // The stage's frequency, made more cautious by a by-week rule for the run's programme week
    // (format 2): recounted here from the protocol, not taken from the planner.
    Frequency f = p.stages[std::size_t(runs[i].stage)].frequency;
    const int week = int((runs[i].date - r_.programme.start_date).count()) / 7 + 1;
    for (const WeekFrequency& rule : f.by_week) {
      if (runs[i].date < r_.programme.start_date || week < rule.from_week || week > rule.to_week) {
        continue;
      }
      if (rule.min_rest_days) f.min_rest_days = std::max(f.min_rest_days, *rule.min_rest_days);
      if (rule.sessions_max) f.sessions_max = std::min(f.sessions_max, *rule.sessions_max);
    }
    const std::size_t stage = std::size_t(runs[i].stage);
    const int min_rest =
        !calendar_days.empty()
            ? (stage == 0 ? 0 : calendar_days[stage] - calendar_days[stage - 1] - 1)
            : std::clamp(f.min_rest_days, 0, 6);
    const int most_a_week = !calendar_days.empty() ? 7 : std::clamp(f.sessions_max, 1, 7);
    if (i > 0) {
      const int gap = int((runs[i].date - runs[i - 1].date).count());
      if (gap < min_rest + 1) {
        fail("run-spacing", "runs planned " + std::to_string(gap) + " day(s) apart on " +
                                format_date(runs[i].date) + "; the stage asks for " +
                                std::to_string(min_rest) +
                                " rest day(s) between runs (by-week rules included)");
      }
    }
    const Date monday = monday_of(runs[i].date);
    int in_week = 0;
    for (std::size_t j = 0; j <= i; ++j) {
      if (runs[j].date >= monday) ++in_week;
    }
    if (in_week > most_a_week) {
      fail("weekly-sessions", std::to_string(in_week) + " runs in the week of " +
                                  format_date(monday) + "; at most " + std::to_string(most_a_week) +
                                  " allowed");
    }
  }
  for (const Decision* d : all_) {
    if (d->rest_days <= 0 || d->kind == DecisionKind::stop) continue;
    for (const RunDay& run : runs) {
      if (run.planned && run.date > d->date && run.date <= d->date + Days{d->rest_days}) {
        fail("run-spacing", "a run is planned on " + format_date(run.date) + ", inside the " +
                                std::to_string(d->rest_days) + " rest day(s) from " +
                                format_date(d->date));
      }
    }
  }
}

// "calendar-recovery": a calendar never places a run (impact) on a recovery day. After a run
// that moved the runner on from stage s, the recovery days the calendar puts between stage s's
// day and the next stage's fall that many days after the run. Until the runner's next run (a run
// they log on another day moves the calendar on from there), none of those dates holds a planned
// run, and each one laid out is shown as a recovery day, not as an ordinary rest day.
void Checker::check_calendar_recovery() {
  const Protocol& p = r_.protocol;
  if (!p.calendar) return;
  const std::vector<int> stage_days = calendar_stage_days(p);
  std::vector<int> recovery_days;
  for (const CalendarDay& entry : p.calendar->days) {
    if (entry.recovery) recovery_days.push_back(entry.day);
  }
  std::set<Date> planned, runs;
  for (const Decision& d : plan_.projected) {
    if (is_checkpoint(d.kind)) planned.insert(d.date);
  }
  for (const PlannedDay& day : plan_.days) {
    if (day.run && !day.run->logged) planned.insert(day.date);
  }
  for (const auto& [date, log] : logs_) {
    if (log->session && *log->session != SessionOutcome::skipped) runs.insert(date);
  }
  runs.insert(planned.begin(), planned.end());
  for (const Decision* d : all_) {
    if (d->kind != DecisionKind::advance) continue;
    const int from = stage_days[std::size_t(d->from_stage)];
    const int to = stage_days[std::size_t(d->to_stage)];
    const auto next_run = runs.upper_bound(d->date);
    for (int recovery : recovery_days) {
      if (recovery <= from || recovery >= to) continue;
      const Date date = d->date + Days{recovery - from};
      if (next_run != runs.end() && *next_run < date) break;
      const std::string which = "day " + std::to_string(recovery) + " of the calendar (" +
                                format_date(date) + ", after the run of day " +
                                std::to_string(from) + " on " + format_date(d->date) + ")";
      if (planned.count(date)) fail("calendar-recovery", "a run is planned on recovery " + which);
      for (const PlannedDay& day : plan_.days) {
        if (day.date == date && !day.run && day.rest == RestKind::rest) {
          fail("calendar-recovery", "recovery " + which + " is shown as an ordinary rest day");
        }
        if (day.date == date && day.rest == RestKind::recovery && day.run) {
          fail("calendar-recovery", "recovery " + which + " holds a run");
        }
      }
    }
  }
}

// Format 2's weekly_cap: no planned run takes its Monday-Sunday week past the cap, counting the
// runs logged that week (skipped ones are no running) at the stage their checkpoint judged them.
void Checker::check_weekly_cap() {
  const Protocol& p = r_.protocol;
  if (!p.weekly_cap) return;
  const Amount cap = *p.weekly_cap;
  std::map<Date, double> volume;  // by the week's Monday
  auto add = [&](const Decision& d) {
    const double run = running_volume(p.stages[std::size_t(d.from_stage)].session, cap.kind);
    volume[monday_of(d.date)] += run;
    if (d.projected && volume[monday_of(d.date)] > cap.value + 1e-6) {
      fail("weekly-cap", "the run planned on " + format_date(d.date) + " takes its week to " +
                             format_amount(Amount{cap.kind, volume[monday_of(d.date)]}) +
                             ", past the cap of " + format_amount(cap));
    }
  };
  // A skipped session is no running: only the sessions run count.
  for (const Decision& d : plan_.decisions) {
    const auto log = logs_.find(d.date);
    if (is_checkpoint(d.kind) && log != logs_.end() && log->second->session &&
        *log->second->session != SessionOutcome::skipped) {
      add(d);
    }
  }
  for (const Decision& d : plan_.projected) {
    if (is_checkpoint(d.kind)) add(d);
  }
}

bool number_test_holds(const std::optional<NumberTest>& test, const std::optional<int>& value) {
  if (!test) return true;
  if (!value) return false;
  switch (test->op) {
    case NumberTest::Op::above:
      return *value > test->value;
    case NumberTest::Op::at_least:
      return *value >= test->value;
    case NumberTest::Op::below:
      return *value < test->value;
    case NumberTest::Op::at_most:
      return *value <= test->value;
  }
  return false;
}

std::optional<int> rising_value(Rising::Value value, const DayLog& log) {
  switch (value) {
    case Rising::Value::pain_next_morning:
      return log.pain_next_morning;
    case Rising::Value::pain_during:
      return log.pain_during;
    case Rising::Value::pain_after:
      return log.pain_after;
    case Rising::Value::stiffness_minutes:
      return log.stiffness_minutes;
  }
  return std::nullopt;
}

// The parts of a condition one session's own log decides, recounted from the log: the value
// tests, the outcome, a limp or swelling, and the warm-up limit passed (`exceeds: warmup`).
bool Checker::session_holds(const Condition& when, const DayLog& log) const {
  if (!number_test_holds(when.pain_warmup, log.pain_warmup) ||
      !number_test_holds(when.pain_during, log.pain_during) ||
      !number_test_holds(when.pain_after, log.pain_after) ||
      !number_test_holds(when.pain_next_morning, log.pain_next_morning) ||
      !number_test_holds(when.stiffness_minutes, log.stiffness_minutes)) {
    return false;
  }
  if (when.swelling && *when.swelling != log.swelling) return false;
  if (when.limp && *when.limp != log.limp) return false;
  if (when.session && log.session != when.session) return false;
  if (when.exceeds == TimePoint::warmup) {
    const std::optional<PainLimit>& limit = r_.protocol.pain.warmup;
    if (!limit || !log.pain_warmup) return false;
    const int most = clamp_limit(limit->max, safety::kMaxPainLimit);
    const auto found = baseline_.find(log.date);
    const int base = found == baseline_.end() ? 0 : found->second.value_or(0);
    const bool over = *log.pain_warmup > most ||
                      (limit->max_rise &&
                       *log.pain_warmup - base > std::min(*limit->max_rise, safety::kMaxPainRise));
    if (!over) return false;
  }
  return true;
}

// Whether a response's condition holds for the session of `decision`, recounted from the logs;
// empty when it has a part this checker does not recount (`after_setback`, an `exceeds` of
// another limit), or an `in_last` over a history the planner may have looked at differently
// (a stop, a red flag or the end of the programme before it: the sessions it then counts are
// not simply the sessions run).
std::optional<bool> Checker::condition_holds(const Condition& when, const DayLog& log,
                                             const Decision& decision) const {
  if (when.after_setback || (when.exceeds && *when.exceeds != TimePoint::warmup)) {
    return std::nullopt;
  }
  const Date start = r_.programme.start_date;
  if (when.rising) {
    // The mean over the last `days` days (this one included) above the mean over the days
    // before, both windows holding a value, from the logs since the programme's start.
    const Date recent_from = log.date - Days{when.rising->days - 1};
    const Date before_from = recent_from - Days{when.rising->days};
    double recent = 0, before = 0;
    int recent_n = 0, before_n = 0;
    for (const auto& [date, l] : logs_) {
      if (date < start || date < before_from || date > log.date) continue;
      const std::optional<int> value = rising_value(when.rising->value, *l);
      if (!value) continue;
      if (date >= recent_from) {
        recent += *value;
        ++recent_n;
      } else {
        before += *value;
        ++before_n;
      }
    }
    if (recent_n == 0 || before_n == 0 || recent / recent_n <= before / before_n) return false;
  }
  if (!when.in_last) return session_holds(when, log);
  for (const Decision& d : plan_.decisions) {
    if (d.date >= decision.date) break;
    if (d.kind == DecisionKind::stop || d.kind == DecisionKind::complete) return std::nullopt;
  }
  // This session, then the sessions run before it (skipped ones do not count).
  std::vector<const DayLog*> earlier;
  for (const auto& [date, l] : logs_) {
    if (date < start || date > log.date) continue;
    if (!l->red_flags.empty()) return std::nullopt;
    if (date < log.date && l->session && *l->session != SessionOutcome::skipped) {
      earlier.push_back(l);
    }
  }
  int held = session_holds(when, log) ? 1 : 0, looked = 1;
  for (auto it = earlier.rbegin(); it != earlier.rend() && looked < when.in_last->sessions;
       ++it, ++looked) {
    if (session_holds(when, **it)) ++held;
  }
  return held >= when.in_last->at_least;
}

// "response-caution" (format 2): a response on the warm-up (`pain_warmup`, `exceeds: warmup`) or
// spanning sessions (`in_last`, `rising`) that holds for a session, recounted here, is never
// turned into a move up: the session does not pass, and a stop stops.
void Checker::check_format2_responses() {
  const Protocol& p = r_.protocol;
  for (const Decision& d : plan_.decisions) {
    if (!is_checkpoint(d.kind)) continue;
    const auto found = logs_.find(d.date);
    if (found == logs_.end() || !found->second->session) continue;
    const DayLog& log = *found->second;
    for (const Response& r : p.responses) {
      const Condition& when = r.when;
      if (!when.pain_warmup && when.exceeds != TimePoint::warmup && !when.in_last && !when.rising) {
        continue;
      }
      if (r.then.kind == ActionKind::proceed) continue;
      if (condition_holds(when, log, d) != true) continue;
      if (r.then.kind == ActionKind::stop ? d.kind != DecisionKind::stop : passes(d.kind)) {
        fail("response-caution", "the response '" + r.name + "' (" + action_kind_name(r.then.kind) +
                                     ") held on " + format_date(d.date) +
                                     " but the planner decided " + decision_kind_name(d.kind));
      }
    }
  }
}

std::vector<Violation> Checker::run() {
  if (r_.protocol.stages.empty()) return out_;
  for (const Decision& d : plan_.decisions) all_.push_back(&d);
  for (const Decision& d : plan_.projected) all_.push_back(&d);
  std::optional<int> last_morning;
  for (const DayLog& log : r_.logs) {
    if (log.date > r_.today) break;
    logs_[log.date] = &log;
    baseline_[log.date] = last_morning;
    if (log.pain_next_morning) last_morning = log.pain_next_morning;
    if (!log.red_flags.empty()) flags_.push_back(log.date);
  }
  const auto uses_warmup = [](const Response& r) {
    return r.when.pain_warmup || r.when.exceeds == TimePoint::warmup;
  };
  warmup_needed_ = r_.protocol.pain.warmup || std::any_of(r_.protocol.responses.begin(),
                                                          r_.protocol.responses.end(), uses_warmup);
  for (const Clearance& c : r_.clearances) {
    if (c.date <= r_.today) clearances_.push_back(c.date);
  }
  check_ranges();
  if (!out_.empty()) return out_;
  check_stage_rate();
  check_passes_from_logs();
  check_red_flags();
  check_planned_runs();
  check_calendar_recovery();
  check_weekly_cap();
  check_format2_responses();
  return out_;
}

}  // namespace

std::vector<Violation> check_invariants(const PlanRequest& request, const Plan& plan) {
  return Checker(request, plan).run();
}

}  // namespace runback
