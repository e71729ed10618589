#include "plan/checkpoint.hpp"

#include <algorithm>

#include "plan/decision.hpp"
#include "protocol/describe.hpp"
#include "protocol/safety.hpp"

namespace runback {
namespace {

PainLimit clamp_limit(PainLimit limit) {
  if (limit.max) limit.max = std::clamp(*limit.max, 0, safety::kMaxPainLimit);
  if (limit.max_rise) limit.max_rise = std::clamp(*limit.max_rise, 0, safety::kMaxPainRise);
  return limit;
}

bool test_holds(const NumberTest& test, double value) {
  switch (test.op) {
    case NumberTest::Op::above:
      return value > test.value;
    case NumberTest::Op::at_least:
      return value >= test.value;
    case NumberTest::Op::below:
      return value < test.value;
    case NumberTest::Op::at_most:
      return value <= test.value;
  }
  return false;
}

bool optional_test_holds(const std::optional<NumberTest>& test, const std::optional<int>& value) {
  if (!test) return true;
  return value && test_holds(*test, *value);
}

bool uses(const Protocol& protocol, std::optional<NumberTest> Condition::*field) {
  return std::any_of(protocol.responses.begin(), protocol.responses.end(),
                     [&](const Response& r) { return (r.when.*field).has_value(); });
}

bool uses_exceeds(const Protocol& protocol, TimePoint point) {
  return std::any_of(protocol.responses.begin(), protocol.responses.end(),
                     [&](const Response& r) { return r.when.exceeds == point; });
}

std::string score(int value) {
  return std::to_string(value) + "/10";
}

bool limit_passed(const PainLimit& limit, int value, const Baseline& baseline) {
  return (limit.max && value > *limit.max) ||
         (limit.max_rise && value - baseline.pain > *limit.max_rise);
}

std::string baseline_words(const Baseline& baseline) {
  switch (baseline.source) {
    case Baseline::Source::usual:
      return "up from your usual " + score(baseline.pain);
    case Baseline::Source::morning:
      return "up from " + score(baseline.pain) + " the morning before";
    case Baseline::Source::assumed:
      break;
  }
  return "up from " + score(baseline.pain) +
         " (your usual pain was not recorded when this programme started, so 0/10 is assumed)";
}

// "pain during the run was 4/10 on 2026-11-24; this protocol allows 2/10"
std::string limit_text(const PainLimit& limit, int value, const Baseline& baseline,
                       const std::string& what, Date date) {
  const std::string on = " on " + format_date(date);
  if (limit.max && value > *limit.max) {
    return what + " was " + score(value) + on + "; this protocol allows " + score(*limit.max);
  }
  const std::string allows =
      limit.max_rise.value_or(0) == 0 ? "no rise" : "a rise of " + std::to_string(*limit.max_rise);
  return what + " was " + score(value) + on + ", " + baseline_words(baseline) +
         "; this protocol allows " + allows;
}

// The parts of a condition that one session's own values decide (all but `rising` and
// `in_last`).
bool session_parts_hold(const Condition& when, const DayLog& log, const Exceeded& exceeded,
                        bool after_setback) {
  if (when.after_setback && *when.after_setback != after_setback) return false;
  if (!optional_test_holds(when.pain_warmup, log.pain_warmup)) return false;
  if (!optional_test_holds(when.pain_during, log.pain_during)) return false;
  if (!optional_test_holds(when.pain_after, log.pain_after)) return false;
  if (!optional_test_holds(when.pain_next_morning, log.pain_next_morning)) return false;
  if (!optional_test_holds(when.stiffness_minutes, log.stiffness_minutes)) return false;
  if (when.swelling && *when.swelling != log.swelling) return false;
  if (when.limp && *when.limp != log.limp) return false;
  if (when.session && log.session != when.session) return false;
  if (when.exceeds) {
    switch (*when.exceeds) {
      case TimePoint::during:
        return exceeded.during;
      case TimePoint::after:
        return exceeded.after;
      case TimePoint::next_morning:
        return exceeded.next_morning;
      case TimePoint::warmup:
        return exceeded.warmup;
    }
  }
  return true;
}

// `in_last`: of this session and the earlier ones, up to `in_last.sessions` in all, on how many
// did the rest of the condition hold?
int sessions_where_held(const Condition& when, const DayLog& log, const Exceeded& exceeded,
                        const SessionHistory& history) {
  const int window = when.in_last ? when.in_last->sessions : 1;
  int held = session_parts_hold(when, log, exceeded, history.after_setback) ? 1 : 0;
  if (history.logs == nullptr || history.sessions == nullptr) return held;
  int looked = 1;
  for (auto it = history.sessions->rbegin(); it != history.sessions->rend() && looked < window;
       ++it, ++looked) {
    if (session_parts_hold(when, (*history.logs)[it->log], it->exceeded, it->after_setback)) {
      ++held;
    }
  }
  return held;
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

// `rising`: the value's mean over the last `days` days (this day included) and over the `days`
// before; none unless both windows hold a value.
struct RisingMeans {
  double recent = 0;
  double before = 0;
};
std::optional<RisingMeans> rising_means(const Rising& rising, Date date,
                                        const SessionHistory& history) {
  if (history.logs == nullptr) return std::nullopt;
  const Date recent_from = date - std::chrono::days{rising.days - 1};
  const Date before_from = recent_from - std::chrono::days{rising.days};
  double recent = 0, before = 0;
  int recent_count = 0, before_count = 0;
  for (auto it = history.logs->rbegin(); it != history.logs->rend(); ++it) {
    if (it->date > date) continue;
    if (it->date < before_from) break;
    const auto value = rising_value(rising.value, *it);
    if (!value) continue;
    if (it->date >= recent_from) {
      recent += *value;
      ++recent_count;
    } else {
      before += *value;
      ++before_count;
    }
  }
  if (recent_count == 0 || before_count == 0) return std::nullopt;
  return RisingMeans{recent / recent_count, before / before_count};
}

std::string one_decimal(double value) {
  const int tenths = int(value * 10 + 0.5);
  return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : "");
}

// "your next-morning pain averaged 2.5/10 over the last 7 days, up from 1/10 the 7 days before"
std::string rising_words(const Rising& rising, const RisingMeans& means) {
  const bool minutes = rising.value == Rising::Value::stiffness_minutes;
  const std::string unit = minutes ? " min" : "/10";
  std::string what = "next-morning pain";
  if (rising.value == Rising::Value::pain_during) what = "pain during the run";
  if (rising.value == Rising::Value::pain_after) what = "pain after the run";
  if (minutes) what = "morning stiffness";
  const std::string days = std::to_string(rising.days) + (rising.days == 1 ? " day" : " days");
  return "your " + what + " averaged " + one_decimal(means.recent) + unit + " over the last " +
         days + ", up from " + one_decimal(means.before) + unit + " the " + days + " before";
}

// The logged values a condition looked at, for the explanation.
std::string condition_values(const Condition& when, const DayLog& log, const Exceeded& exceeded,
                             const SessionHistory& history) {
  std::vector<std::string> parts;
  if (when.pain_warmup && log.pain_warmup)
    parts.push_back("pain in the warm-up " + score(*log.pain_warmup));
  if (when.pain_during && log.pain_during)
    parts.push_back("pain during " + score(*log.pain_during));
  if (when.pain_after && log.pain_after) parts.push_back("pain after " + score(*log.pain_after));
  if (when.pain_next_morning && log.pain_next_morning)
    parts.push_back("next-morning pain " + score(*log.pain_next_morning));
  if (when.stiffness_minutes && log.stiffness_minutes)
    parts.push_back("morning stiffness " + std::to_string(*log.stiffness_minutes) + " min");
  if (when.swelling) parts.push_back(log.swelling ? "swelling" : "no swelling");
  if (when.limp) parts.push_back(log.limp ? "a limp" : "no limp");
  if (when.session && log.session) parts.push_back("session " + session_outcome_name(*log.session));
  // `exceeds` is explained by the limit's own reason.
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : ", ") + part;
  if (!out.empty()) out = "you logged " + out + " on " + format_date(log.date);
  // The rules that span sessions say what they saw beyond this log.
  std::vector<std::string> spans;
  if (when.in_last) {
    const int held = sessions_where_held(when, log, exceeded, history);
    spans.push_back("that was so on " + std::to_string(held) + " of your last " +
                    std::to_string(when.in_last->sessions) + " sessions");
  }
  if (when.after_setback == true && history.after_setback) {
    spans.push_back("this was your first session since a setback");
  }
  if (when.rising) {
    if (const auto means = rising_means(*when.rising, log.date, history)) {
      spans.push_back(rising_words(*when.rising, *means));
    }
  }
  for (const auto& span : spans) out += (out.empty() ? "" : "; ") + span;
  return out;
}

}  // namespace

std::string time_point_words(TimePoint point) {
  return name_of(point, kTimePointWords);
}

EffectivePainLimits effective_pain_limits(const Protocol& protocol) {
  EffectivePainLimits limits;
  if (protocol.pain.warmup) {
    // The warm-up is activity: never looser than the core's ceiling for during a run.
    limits.warmup = clamp_limit(*protocol.pain.warmup);
    if (!limits.warmup->max) limits.warmup->max = safety::kMaxPainLimit;
  }
  limits.during = clamp_limit(protocol.pain.during.value_or(PainLimit{}));
  if (!limits.during.max) limits.during.max = safety::kMaxPainLimit;
  if (protocol.pain.after) {
    limits.after = clamp_limit(*protocol.pain.after);
    if (!limits.after->max) limits.after->max = safety::kMaxPainLimit;
  }
  limits.after_minutes = protocol.pain.after_minutes;
  if (protocol.pain.next_morning) {
    limits.next_morning = clamp_limit(*protocol.pain.next_morning);
  } else {
    limits.next_morning.max_rise = 0;
  }
  if (!limits.next_morning.max) limits.next_morning.max = safety::kMaxPainLimit;
  return limits;
}

NeededLogs needed_logs(const Protocol& protocol) {
  NeededLogs needed;
  needed.after = protocol.pain.after.has_value() || uses(protocol, &Condition::pain_after) ||
                 uses_exceeds(protocol, TimePoint::after);
  needed.stiffness = uses(protocol, &Condition::stiffness_minutes);
  needed.warmup = protocol.pain.warmup.has_value() || uses(protocol, &Condition::pain_warmup) ||
                  uses_exceeds(protocol, TimePoint::warmup);
  // `decide: after_session` (format 2): the session's own values decide; the morning's are
  // still asked, and judged when they come (the day walk re-derives the session with them).
  needed.next_morning = protocol.progression.decide == DecideWhen::next_morning;
  return needed;
}

void most_cautious_first(std::vector<Reason>& reasons) {
  for (std::size_t i = 1; i < reasons.size(); ++i) {
    for (std::size_t j = i;
         j > 0 && caution_rank(reasons[j - 1].action.kind) < caution_rank(reasons[j].action.kind);
         --j) {
      std::swap(reasons[j - 1], reasons[j]);
    }
  }
}

bool condition_holds(const Condition& when, const DayLog& log, const Exceeded& exceeded,
                     const SessionHistory& history) {
  if (when.rising) {
    const auto means = rising_means(*when.rising, log.date, history);
    if (!means || means->recent <= means->before) return false;
  }
  if (!when.in_last) return session_parts_hold(when, log, exceeded, history.after_setback);
  return sessions_where_held(when, log, exceeded, history) >= when.in_last->at_least;
}

CheckpointResult evaluate_checkpoint(const Protocol& protocol, const DayLog& log,
                                     std::optional<int> baseline, bool explain) {
  const Baseline from = baseline ? Baseline{*baseline, Baseline::Source::morning} : Baseline{};
  return evaluate_checkpoint(protocol, effective_pain_limits(protocol), needed_logs(protocol), log,
                             from, explain);
}

CheckpointResult evaluate_checkpoint(const Protocol& protocol, const EffectivePainLimits& limits,
                                     const NeededLogs& needed, const DayLog& log,
                                     const Baseline& baseline, bool explain,
                                     const SessionHistory& history) {
  CheckpointResult result;
  const SessionOutcome outcome = log.session.value_or(SessionOutcome::done);

  if (outcome != SessionOutcome::skipped) {
    if (needed.warmup && !log.pain_warmup) result.missing.push_back("pain in the warm-up");
    if (needed.during && !log.pain_during) result.missing.push_back("pain during the run");
    if (needed.after && !log.pain_after) {
      result.missing.push_back("pain " + std::to_string(protocol.pain.after_minutes) +
                               " minutes after the run");
    }
    if (needed.next_morning && !log.pain_next_morning)
      result.missing.push_back("next-morning pain");
    if (needed.next_morning && needed.stiffness && !log.stiffness_minutes) {
      result.missing.push_back("morning stiffness (minutes)");
    }
  }
  result.complete = result.missing.empty();

  // A checkpoint that has reasons often has several (a pain limit, then the responses to it):
  // room for a few at the first spares moving them as the list grows.
  auto make_room = [&] {
    if (result.reasons.empty()) result.reasons.reserve(4);
  };
  // Texts are built only when asked for: a caseload's plans need only the latest ones.
  auto add = [&](const char* rule, auto text, Action action) {
    if (action.kind == ActionKind::proceed && action.rest_days == 0) return;
    make_room();
    result.reasons.push_back({rule, explain ? text() : std::string(), action, ""});
    result.action = most_cautious(result.action, action);
  };
  auto day = [&] { return format_date(log.date); };
  const Action repeat{ActionKind::repeat, 0, 0};

  Exceeded& exceeded = result.exceeded;
  if (limits.warmup && log.pain_warmup &&
      limit_passed(*limits.warmup, *log.pain_warmup, baseline)) {
    exceeded.warmup = true;
    add(
        "pain.warmup",
        [&] {
          return limit_text(*limits.warmup, *log.pain_warmup, baseline, "pain in the warm-up",
                            log.date);
        },
        repeat);
  }
  if (log.pain_during && limit_passed(limits.during, *log.pain_during, baseline)) {
    exceeded.during = true;
    add(
        "pain.during",
        [&] {
          return limit_text(limits.during, *log.pain_during, baseline, "pain during the run",
                            log.date);
        },
        repeat);
  }
  if (limits.after && log.pain_after && limit_passed(*limits.after, *log.pain_after, baseline)) {
    exceeded.after = true;
    add(
        "pain.after",
        [&] {
          return limit_text(
              *limits.after, *log.pain_after, baseline,
              "pain " + std::to_string(limits.after_minutes) + " minutes after the run", log.date);
        },
        repeat);
  }
  if (log.pain_next_morning &&
      limit_passed(limits.next_morning, *log.pain_next_morning, baseline)) {
    exceeded.next_morning = true;
    add(
        "pain.next_morning",
        [&] {
          return limit_text(limits.next_morning, *log.pain_next_morning, baseline,
                            "next-morning pain after the run", log.date);
        },
        repeat);
  }

  // Every response whose `when` holds applies; the most cautious wins (protocol.hpp).
  for (const Response& response : protocol.responses) {
    if (!condition_holds(response.when, log, exceeded, history)) continue;
    if (response.then.kind == ActionKind::proceed && response.then.rest_days == 0) continue;
    Reason reason{"response '" + response.name + "'", "", response.then, ""};
    if (explain) {
      reason.text = condition_values(response.when, log, exceeded, history);
      reason.why = response.why;
      if (reason.text.empty() && reason.why.empty()) {
        reason.text = "the protocol's response '" + response.name + "' applies";
      }
    }
    make_room();
    result.reasons.push_back(std::move(reason));
    result.action = most_cautious(result.action, response.then);
  }

  if (outcome == SessionOutcome::skipped) {
    add(
        "session skipped",
        [&] { return "you skipped the session on " + day() + ", so it does not count"; }, repeat);
  } else if (outcome == SessionOutcome::partial &&
             protocol.progression.partial_session == PartialSession::repeat) {
    add(
        "progression.partial_session",
        [&] {
          return "you did part of the session on " + day() +
                 "; this protocol repeats a partial session";
        },
        repeat);
  }
  // A limp or swelling at the site is a warning sign in every source ([1], "Red flags"): the
  // session never counts, whatever the protocol's responses say.
  if (log.limp)
    add(
        "core: limp", [&] { return "you logged a limp on " + day(); }, repeat);
  if (log.swelling) {
    add(
        "core: swelling", [&] { return "you logged swelling on " + day(); }, repeat);
  }

  most_cautious_first(result.reasons);
  return result;
}

}  // namespace runback
