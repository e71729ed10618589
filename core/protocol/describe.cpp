#include "protocol/describe.hpp"

#include "protocol/amount.hpp"
#include "protocol/safety.hpp"

namespace runback {
namespace {

std::string plural(int count, const std::string& one, const std::string& many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

std::string describe_test(const NumberTest& test, const std::string& unit) {
  std::string op;
  switch (test.op) {
    case NumberTest::Op::above:
      op = "above ";
      break;
    case NumberTest::Op::at_least:
      op = "at least ";
      break;
    case NumberTest::Op::below:
      op = "below ";
      break;
    case NumberTest::Op::at_most:
      op = "at most ";
      break;
  }
  return op + format_number(test.value) + unit;
}

}  // namespace

std::string join_with_and(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += (i + 1 == parts.size()) ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

namespace {

std::string rpe_words(int low, int high) {
  return "effort " +
         (low == high ? std::to_string(low) : std::to_string(low) + "-" + std::to_string(high)) +
         " out of 10";
}

// The block's own intensity (format 2): "easy jog; effort 3-5 out of 10; running at 6 mph".
std::string block_intensity(const IntervalBlock& block) {
  std::vector<std::string> parts;
  if (!block.effort.empty()) parts.push_back(block.effort);
  if (block.rpe_min && block.rpe_max) parts.push_back(rpe_words(*block.rpe_min, *block.rpe_max));
  if (block.speed) parts.push_back("running at " + format_speed(*block.speed));
  if (block.walk_speed) parts.push_back("walking at " + format_speed(*block.walk_speed));
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "; ") + part;
  return out;
}

std::string describe_shape(const IntervalBlock& block) {
  if (!block.run) {
    const std::string walk = "walk " + format_amount(*block.walk);
    return block.repeat == 1 ? walk : std::to_string(block.repeat) + " × " + walk;
  }
  const std::string run = "run " + format_amount(*block.run);
  if (block.walk) {
    const std::string walk = "walk " + format_amount(*block.walk);
    const std::string& first = block.walk_first ? walk : run;
    const std::string& second = block.walk_first ? run : walk;
    if (block.until) {
      return first + " / " + second + ", repeated to a total of " + format_amount(*block.until);
    }
    if (block.repeat == 1) return first + ", then " + second;
    return std::to_string(block.repeat) + " × (" + first + " / " + second + ")";
  }
  if (block.until) return run + ", repeated to a total of " + format_amount(*block.until);
  if (block.repeat == 1) return run + " continuously";
  return std::to_string(block.repeat) + " × " + run + " (no walk between)";
}

}  // namespace

std::string describe_block(const IntervalBlock& block) {
  const std::string intensity = block_intensity(block);
  return describe_shape(block) + (intensity.empty() ? "" : " (" + intensity + ")");
}

std::string describe_session(const Session& session) {
  std::vector<std::string> parts;
  if (session.warmup_walk)
    parts.push_back("walk " + format_amount(*session.warmup_walk) + " to warm up");
  for (const auto& block : session.blocks) parts.push_back(describe_block(block));
  if (session.cooldown_walk) {
    parts.push_back("walk " + format_amount(*session.cooldown_walk) + " to cool down");
  }
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += ", then ";
    out += parts[i];
  }
  return out;
}

std::string describe_stage_sessions(const Stage& stage) {
  if (session_count(stage) == 1) return describe_session(stage.session);
  std::string out;
  for (int i = 0; i < session_count(stage); ++i) {
    out += (i == 0 ? "" : "; ") + std::string("session ") + std::to_string(i + 1) + ": " +
           describe_session(session_for(stage, i));
  }
  return out;
}

SessionTotals session_totals(const Session& session) {
  SessionTotals totals;
  auto add = [](const Amount& amount, int times, double& seconds, double& metres) {
    (amount.kind == Amount::Kind::time ? seconds : metres) += amount.value * times;
  };
  if (session.warmup_walk) add(*session.warmup_walk, 1, totals.walk_seconds, totals.walk_metres);
  for (const auto& block : session.blocks) {
    if (block.until) {
      // Rounds to a total: how the total splits into running and walking is not known.
      add(*block.until, 1, totals.run_walk_seconds, totals.run_walk_metres);
      continue;
    }
    if (block.run) add(*block.run, block.repeat, totals.run_seconds, totals.run_metres);
    if (block.walk) add(*block.walk, block.repeat, totals.walk_seconds, totals.walk_metres);
  }
  if (session.cooldown_walk) {
    add(*session.cooldown_walk, 1, totals.walk_seconds, totals.walk_metres);
  }
  return totals;
}

std::string describe_total(double seconds, double metres) {
  std::vector<std::string> parts;
  if (seconds > 0) parts.push_back(format_seconds(seconds));
  if (metres > 0) parts.push_back(format_metres(metres));
  if (parts.empty()) return "none";
  if (parts.size() == 1) return parts[0];
  return parts[0] + " + " + parts[1];
}

std::string describe_totals(const SessionTotals& totals) {
  std::vector<std::string> parts;
  const bool run = totals.run_seconds > 0 || totals.run_metres > 0;
  const bool walk = totals.walk_seconds > 0 || totals.walk_metres > 0;
  const bool run_walk = totals.run_walk_seconds > 0 || totals.run_walk_metres > 0;
  // A walk-only session says what it is; a format-1 session always names its running.
  if (run || (!walk && !run_walk)) {
    parts.push_back("run " + describe_total(totals.run_seconds, totals.run_metres));
  }
  if (walk) parts.push_back("walk " + describe_total(totals.walk_seconds, totals.walk_metres));
  if (run_walk) {
    parts.push_back("run and walk " +
                    describe_total(totals.run_walk_seconds, totals.run_walk_metres));
  }
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : ", ") + part;
  return out + " in all";
}

std::string describe_intensity(const Intensity& intensity) {
  std::vector<std::string> parts;
  if (intensity.rpe_min && intensity.rpe_max) {
    if (*intensity.rpe_min == *intensity.rpe_max) {
      parts.push_back("effort " + std::to_string(*intensity.rpe_min) + " out of 10 (RPE)");
    } else {
      parts.push_back("effort " + std::to_string(*intensity.rpe_min) + "-" +
                      std::to_string(*intensity.rpe_max) + " out of 10 (RPE)");
    }
  }
  if (intensity.talk_test) parts.push_back("you can talk in full sentences");
  if (!intensity.cue.empty()) parts.push_back(intensity.cue);
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += "; ";
    out += parts[i];
  }
  return out;
}

std::string describe_times(int times, Period per) {
  const std::string period = period_name(per);
  if (times == 1) return per == Period::day ? "daily" : "once a week";
  if (times == 2) return "twice a " + period;
  return std::to_string(times) + " times a " + period;
}

std::string describe_exercise_dose(const Exercise& exercise) {
  std::string out = std::to_string(exercise.sets) + " × ";
  if (exercise.reps) out += std::to_string(*exercise.reps);
  if (exercise.hold_s) out += std::to_string(*exercise.hold_s) + " s hold";
  out += ", " + describe_times(exercise.times, exercise.per);
  if (!exercise.tempo.empty()) out += ", tempo " + exercise.tempo;
  if (!exercise.load.empty()) out += ", load " + exercise.load;
  return out;
}

std::string describe_sessions_per_week(const Frequency& frequency) {
  if (frequency.sessions_up_to && frequency.sessions_max > 1) {
    return "up to " + std::to_string(frequency.sessions_max) + " runs a week";
  }
  std::string out = std::to_string(frequency.sessions_min);
  if (frequency.sessions_max != frequency.sessions_min) {
    out += "-" + std::to_string(frequency.sessions_max);
  }
  return out + (frequency.sessions_max == 1 ? " run a week" : " runs a week");
}

std::string describe_rest_days(const Frequency& frequency) {
  if (frequency.min_rest_days <= 0) return "";
  return "at least " + plural(frequency.min_rest_days, "rest day", "rest days") + " between runs";
}

std::string describe_frequency(const Frequency& frequency) {
  const std::string rest = describe_rest_days(frequency);
  return describe_sessions_per_week(frequency) + (rest.empty() ? "" : ", " + rest);
}

std::string describe_decide(DecideWhen decide) {
  if (decide == DecideWhen::after_session) {
    return "A session is decided as soon as it is logged, without waiting for the next morning; "
           "the next-morning pain is still asked, and a rise past its limit means the session "
           "does not count after all.";
  }
  return "A session is decided once the next-morning pain is logged.";
}

std::string describe_band_range(const StartBand& band, const StartBand* next) {
  const std::string bound = format_number(band.at_least);
  if (next == nullptr) return band.exclusive ? "above " + bound : bound + " or more";
  const std::string from = band.exclusive ? "above " + bound : "from " + bound;
  const std::string upto = format_number(next->at_least);
  // An `above: x` band starts after x, so the band before it still holds x itself.
  return from + (next->exclusive ? " to " + upto : " to under " + upto);
}

std::string describe_action(const Action& action, const std::string& one, const std::string& many) {
  std::string out;
  switch (action.kind) {
    case ActionKind::proceed:
      out = "move up to the next " + one;
      break;
    case ActionKind::repeat:
      out = "repeat this " + one;
      break;
    case ActionKind::step_back:
      out = "step back " + plural(action.stages, one, many);
      break;
    case ActionKind::stop:
      out = "stop running and see your physiotherapist";
      break;
  }
  if (action.rest_days > 0 && action.kind != ActionKind::stop) {
    out += " and rest " + plural(action.rest_days, "day", "days") + " first";
  }
  return out;
}

std::string describe_condition(const Condition& c) {
  std::vector<std::string> parts;
  if (c.pain_warmup) parts.push_back("pain in the warm-up " + describe_test(*c.pain_warmup, "/10"));
  if (c.pain_during) parts.push_back("pain during the run " + describe_test(*c.pain_during, "/10"));
  if (c.pain_after) parts.push_back("pain after the run " + describe_test(*c.pain_after, "/10"));
  if (c.pain_next_morning) {
    parts.push_back("pain the next morning " + describe_test(*c.pain_next_morning, "/10"));
  }
  if (c.stiffness_minutes) {
    parts.push_back("morning stiffness " + describe_test(*c.stiffness_minutes, " min"));
  }
  if (c.swelling) parts.push_back(*c.swelling ? "swelling" : "no swelling");
  if (c.limp) parts.push_back(*c.limp ? "a limp" : "no limp");
  if (c.session) {
    switch (*c.session) {
      case SessionOutcome::done:
        parts.push_back("the session was done in full");
        break;
      case SessionOutcome::partial:
        parts.push_back("the session was only partly done");
        break;
      case SessionOutcome::skipped:
        parts.push_back("the session was skipped");
        break;
    }
  }
  if (c.exceeds) {
    switch (*c.exceeds) {
      case TimePoint::during:
        parts.push_back("pain during the run passed its limit");
        break;
      case TimePoint::after:
        parts.push_back("pain after the run passed its limit");
        break;
      case TimePoint::next_morning:
        parts.push_back("pain the next morning passed its limit");
        break;
      case TimePoint::warmup:
        parts.push_back("pain in the warm-up passed its limit");
        break;
    }
  }
  if (c.after_setback) {
    parts.push_back(*c.after_setback ? "it is the first session since a setback (a step back, "
                                       "a long break, rest after a bad day, or a clearance)"
                                     : "it is not the first session since a setback");
  }
  if (c.rising) parts.push_back(describe_rising(*c.rising));
  std::string out = join_with_and(parts);
  if (c.in_last) {
    out += " on at least " + std::to_string(c.in_last->at_least) + " of the last " +
           plural(c.in_last->sessions, "session", "sessions") + " (this one included)";
  }
  return out;
}

std::string describe_rising(const Rising& rising) {
  static const NameTable<Rising::Value, 4> kWords{
      {{Rising::Value::pain_next_morning, "next-morning pain"},
       {Rising::Value::pain_during, "pain during the run"},
       {Rising::Value::pain_after, "pain after the run"},
       {Rising::Value::stiffness_minutes, "morning stiffness"}}};
  const std::string days = plural(rising.days, "day", "days");
  return std::string(name_of(rising.value, kWords)) + " is rising (its average over the last " +
         days + " is above the " + days + " before)";
}

std::string describe_week_frequency(const WeekFrequency& week) {
  std::string out = week.from_week == week.to_week ? "in week " + std::to_string(week.from_week)
                                                   : "in weeks " + std::to_string(week.from_week) +
                                                         "-" + std::to_string(week.to_week);
  out += " of the programme: ";
  std::vector<std::string> parts;
  if (week.sessions_min && week.sessions_max) {
    parts.push_back(
        (*week.sessions_min == *week.sessions_max
             ? std::to_string(*week.sessions_max)
             : std::to_string(*week.sessions_min) + "-" + std::to_string(*week.sessions_max)) +
        (*week.sessions_max == 1 ? " run a week" : " runs a week"));
  }
  if (week.min_rest_days) {
    parts.push_back("at least " + plural(*week.min_rest_days, "rest day", "rest days") +
                    " between runs");
  }
  return out + join_with_and(parts) + " (or the stage's own, when more cautious)";
}

std::string describe_pain_limit(const PainLimit& limit) {
  std::vector<std::string> parts;
  if (limit.max) parts.push_back("at most " + std::to_string(*limit.max) + "/10");
  if (limit.max_rise == 0) {
    parts.push_back("no higher than your usual pain");
  } else if (limit.max_rise) {
    parts.push_back("no more than " + plural(*limit.max_rise, "point", "points") +
                    " above your usual pain");
  }
  return join_with_and(parts);
}

std::string describe_recovery_when(const RecoveryItem& item) {
  switch (item.when) {
    case RecoveryWhen::after_run:
      return "after each run";
    case RecoveryWhen::rest_day:
      return "on rest days";
    case RecoveryWhen::daily:
      return "daily";
    case RecoveryWhen::evening:
      return "the evening of each run day";
    case RecoveryWhen::weekly:
      return item.times_per_week ? describe_times(*item.times_per_week, Period::week) : "weekly";
  }
  return "";
}

std::string action_kind_name(ActionKind kind) {
  return name_of(kind, kActionKindNames);
}

std::string time_point_name(TimePoint point) {
  return name_of(point, kTimePointNames);
}

std::string rising_value_name(Rising::Value value) {
  return name_of(value, kRisingValueNames);
}

std::string session_outcome_name(SessionOutcome outcome) {
  return name_of(outcome, kSessionOutcomeNames);
}

std::string recovery_when_name(RecoveryWhen when) {
  return name_of(when, kRecoveryWhenNames);
}

std::string period_name(Period period) {
  return name_of(period, kPeriodNames);
}

std::string red_flag_text(const Protocol& protocol, const std::string& id) {
  for (const RedFlag& flag : protocol.red_flags) {
    if (flag.id == id) return flag.text;
  }
  for (const auto& flag : safety::kBuiltInRedFlags) {
    if (flag.id == id) return std::string(flag.text);
  }
  return id;
}

std::string lower_first(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z' &&
      (text.size() < 2 || !(text[1] >= 'A' && text[1] <= 'Z'))) {
    text[0] = char(text[0] - 'A' + 'a');
  }
  return text;
}

}  // namespace runback
