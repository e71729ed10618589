// The safety-relevant sections: progression, pain limits, responses and red flags. The core's
// limits (safety.hpp) are checked here: a protocol may be stricter, never looser.
#include <algorithm>
#include <set>

#include "protocol/describe.hpp"
#include "protocol/safety.hpp"
#include "protocol/sections.hpp"

namespace runback::loading {
namespace {

using yaml::Field;

std::optional<int> read_pain_score(Loading& loading, const Field& field) {
  return loading.reader.integer(field, 0, 10);
}

std::optional<PainLimit> read_pain_limit(Loading& loading, const Field& field, bool during,
                                         int* after_minutes) {
  auto map =
      after_minutes != nullptr
          ? loading.reader.map(field, {"max", "max_rise", "after_minutes", "ref"}, "a pain limit")
          : loading.reader.map(field, {"max", "max_rise", "ref"}, "a pain limit");
  if (!map) return std::nullopt;
  PainLimit limit;
  if (const Field* max = map->get("max")) {
    if (auto value = read_pain_score(loading, *max)) {
      if (*value > safety::kMaxPainLimit) {
        loading.reader.error(
            *max, "is " + std::to_string(*value) + ", but runback never allows more than " +
                      std::to_string(safety::kMaxPainLimit) + "/10" +
                      (during ? " during activity" : "") +
                      " (Silbernagel et al. 2007: pain may reach but not pass 5/10); use " +
                      std::to_string(safety::kMaxPainLimit) + " or less");
      } else {
        limit.max = *value;
      }
    }
  }
  if (const Field* rise = map->get("max_rise")) {
    if (auto value = read_pain_score(loading, *rise)) {
      if (*value > safety::kMaxPainRise) {
        loading.reader.error(
            *rise, "is " + std::to_string(*value) + ", but runback never allows pain more than " +
                       std::to_string(safety::kMaxPainRise) +
                       " points above the runner's usual level (clinical basis [1]); use " +
                       std::to_string(safety::kMaxPainRise) + " or less");
      } else {
        limit.max_rise = *value;
      }
    }
  }
  if (after_minutes != nullptr) {
    if (const Field* minutes = map->get("after_minutes")) {
      if (auto value = loading.reader.integer(*minutes, 10, 1440)) *after_minutes = *value;
    }
  }
  if (!map->get("max") && !map->get("max_rise")) {
    loading.reader.error(field,
                         "gives no limit; expected max (0 to 10), max_rise (0 to 10) or both");
    return std::nullopt;
  }
  read_ref(loading, *map, limit.ref);
  return limit;
}

std::optional<NumberTest> read_number_test(Loading& loading, const Field& field, double max,
                                           const std::string& example) {
  auto map = loading.reader.map(field, {"above", "at_least", "below", "at_most"}, "a comparison");
  if (!map) return std::nullopt;
  static const std::vector<std::pair<std::string, NumberTest::Op>> kOps = {
      {"above", NumberTest::Op::above},
      {"at_least", NumberTest::Op::at_least},
      {"below", NumberTest::Op::below},
      {"at_most", NumberTest::Op::at_most}};
  std::optional<NumberTest> test;
  int given = 0;
  for (const auto& [key, op] : kOps) {
    const Field* value = map->get(key);
    if (value == nullptr) continue;
    if (++given > 1) {
      loading.reader.error(*value,
                           "a comparison takes one of above, at_least, below, at_most; "
                           "write two conditions as two responses");
      return std::nullopt;
    }
    if (auto number = loading.reader.number(*value, 0, max)) test = NumberTest{op, *number};
  }
  if (given == 0) {
    loading.reader.error(field, "is empty; expected a comparison such as " + example);
  }
  return test;
}

// `in_last: {sessions: 3, at_least: 2}` (format 2).
std::optional<InLast> read_in_last(Loading& loading, const Field& field) {
  auto map = loading.reader.map(field, {"sessions", "at_least"}, "a count of recent sessions");
  if (!map) return std::nullopt;
  const Field* sessions =
      map->require(loading.reader, "sessions", "the sessions to look back over, 1 to 20");
  const Field* at_least =
      map->require(loading.reader, "at_least", "on how many of them the condition held, 1 to 20");
  if (!sessions || !at_least) return std::nullopt;
  const auto n = loading.reader.integer(*sessions, 1, 20);
  const auto k = loading.reader.integer(*at_least, 1, 20);
  if (!n || !k) return std::nullopt;
  if (*k > *n) {
    loading.reader.error(*at_least, "is " + std::to_string(*k) + ", more than the " +
                                        std::to_string(*n) +
                                        " sessions it looks at; expected at_least <= sessions");
    return std::nullopt;
  }
  return InLast{*n, *k};
}

// `rising: {value: pain_next_morning, days: 7}` (format 2).
std::optional<Rising> read_rising(Loading& loading, const Field& field) {
  auto map = loading.reader.map(field, {"value", "days"}, "a rising trend");
  if (!map) return std::nullopt;
  Rising rising;
  bool good = true;
  if (const Field* value = map->require(loading.reader, "value",
                                        "the value that rises: pain_next_morning, pain_during, "
                                        "pain_after or stiffness_minutes")) {
    if (auto which = loading.reader.choice(*value, kRisingValueNames)) {
      rising.value = *which;
    } else {
      good = false;
    }
  } else {
    good = false;
  }
  if (const Field* days = map->get("days")) {
    if (auto value = loading.reader.integer(*days, 1, 28)) {
      rising.days = *value;
    } else {
      good = false;
    }
  }
  if (!good) return std::nullopt;
  return rising;
}

void read_condition(Loading& loading, const Field& field, Condition& when) {
  auto map = loading.reader.map(
      field,
      {"pain_during", "pain_after", "pain_next_morning", "stiffness_minutes", "swelling", "limp",
       "session", "exceeds", "pain_warmup", "in_last", "after_setback", "rising"},
      "a condition", {"pain_warmup", "in_last", "after_setback", "rising"});
  if (!map) return;
  bool any = false;
  if (const Field* f = map->get("pain_warmup")) {
    any = true;
    when.pain_warmup = read_number_test(loading, *f, 10, "'{above: 0}'");
  }
  if (const Field* f = map->get("pain_during")) {
    any = true;
    when.pain_during = read_number_test(loading, *f, 10, "'{above: 2}'");
  }
  if (const Field* f = map->get("pain_after")) {
    any = true;
    when.pain_after = read_number_test(loading, *f, 10, "'{above: 2}'");
  }
  if (const Field* f = map->get("pain_next_morning")) {
    any = true;
    when.pain_next_morning = read_number_test(loading, *f, 10, "'{above: 2}'");
  }
  if (const Field* f = map->get("stiffness_minutes")) {
    any = true;
    when.stiffness_minutes = read_number_test(loading, *f, 1440, "'{above: 30}'");
  }
  if (const Field* f = map->get("swelling")) {
    any = true;
    when.swelling = loading.reader.boolean(*f);
  }
  if (const Field* f = map->get("limp")) {
    any = true;
    when.limp = loading.reader.boolean(*f);
  }
  if (const Field* f = map->get("session")) {
    any = true;
    if (auto session = loading.reader.choice(*f, kSessionOutcomeNames)) when.session = *session;
  }
  if (const Field* f = map->get("exceeds")) {
    any = true;
    // The warm-up is a time point of format 2: a format-1 file is told so, not offered it.
    if (loading.reader.format() < 2 && f->node.IsScalar() && f->node.Scalar() == "warmup") {
      loading.reader.error(*f, "'warmup' is read by protocol format 2, and this file is format " +
                                   std::to_string(loading.reader.format()) +
                                   ": put 'format: 2' at the top of the file (format 2 reads "
                                   "every format-1 file the same way)");
    } else if (auto exceeds = loading.reader.choice(*f, kTimePointNames)) {
      when.exceeds = *exceeds;
      if (*exceeds == TimePoint::warmup && !map->get("pain_warmup") &&
          !loading.protocol.pain.warmup) {
        // pain: is read before responses (loader.cpp), so its warm-up limit is known here.
        loading.reader.error(*f,
                             "the warm-up has no pain limit to pass; give one with "
                             "'pain: {warmup: {max: 0}}' or test the value with "
                             "'pain_warmup: {above: 0}'");
        when.exceeds.reset();
      }
    }
  }
  // Rules that span sessions (format 2).
  const Field* in_last = map->get("in_last");
  const Field* rising = map->get("rising");
  if (const Field* f = map->get("after_setback")) {
    any = true;
    when.after_setback = loading.reader.boolean(*f);
  }
  if (rising != nullptr) {
    any = true;
    when.rising = read_rising(loading, *rising);
  }
  if (in_last != nullptr) {
    if (rising != nullptr) {
      loading.reader.error(*in_last,
                           "counts the sessions where the rest of the condition held, and "
                           "rising already looks back over days; write them as two responses");
    } else if (!any) {
      loading.reader.error(*in_last,
                           "counts the sessions where the rest of the condition held, and "
                           "there is no rest; add the condition to count, e.g. "
                           "'pain_during: {above: 2}'");
    } else {
      when.in_last = read_in_last(loading, *in_last);
    }
    any = true;
  }
  if (!any) {
    loading.reader.error(field, loading.reader.format() < 2
                                    ? "gives no condition; expected at least one of pain_during, "
                                      "pain_after, pain_next_morning, stiffness_minutes, "
                                      "swelling, limp, session, exceeds"
                                    : "gives no condition; expected at least one of pain_warmup, "
                                      "pain_during, pain_after, pain_next_morning, "
                                      "stiffness_minutes, swelling, limp, session, exceeds, "
                                      "in_last, after_setback, rising");
  }
}

std::optional<Action> read_action(Loading& loading, const Field& field) {
  auto map = loading.reader.map(field, {"action", "stages", "rest_days"}, "an action");
  if (!map) return std::nullopt;
  Action action;
  bool good = true;
  if (const Field* kind =
          map->require(loading.reader, "action", "expected proceed, repeat, step_back or stop")) {
    if (auto value = loading.reader.choice(*kind, kActionKindNames)) {
      action.kind = *value;
    } else {
      good = false;
    }
  } else {
    good = false;
  }
  const Field* stages = map->get("stages");
  if (stages != nullptr) {
    if (good && action.kind != ActionKind::step_back) {
      loading.reader.error(*stages,
                           "only step_back moves by stages; remove it or use "
                           "'action: step_back'");
      good = false;
    } else if (auto value = loading.reader.integer(*stages, 1, 10)) {
      action.stages = *value;
    } else {
      good = false;
    }
  } else if (action.kind == ActionKind::step_back) {
    action.stages = 1;
  }
  if (const Field* rest = map->get("rest_days")) {
    if (auto value = loading.reader.integer(*rest, 0, 14)) {
      action.rest_days = *value;
    } else {
      good = false;
    }
  }
  if (!good) return std::nullopt;
  return action;
}

void read_response(Loading& loading, const Field& field, std::set<std::string>& names) {
  auto map = loading.reader.map(field, {"name", "when", "then", "why", "ref"}, "a response");
  if (!map) return;
  Response response;
  response.where = field.where;
  if (const Field* name = map->require(loading.reader, "name",
                                       "every response needs a name, e.g. 'name: sore-next-day'")) {
    if (auto value = loading.reader.text(*name)) {
      if (!names.insert(*value).second) {
        loading.reader.error(*name, "'" + *value +
                                        "' is already the name of an earlier "
                                        "response; names must be unique");
      }
      response.name = *value;
    }
  }
  const Field* when = map->require(loading.reader, "when",
                                   "expected the condition, e.g. 'when: {pain_next_morning: "
                                   "{above: 2}}'");
  if (when != nullptr) read_condition(loading, *when, response.when);
  const Field* then =
      map->require(loading.reader, "then", "expected what to do, e.g. 'then: {action: repeat}'");
  if (then != nullptr) {
    if (auto action = read_action(loading, *then)) response.then = *action;
  }
  if (const Field* why = map->get("why")) {
    if (auto value = loading.reader.text(*why)) response.why = *value;
  }
  read_ref(loading, *map, response.ref);

  // Safety: a sign of overload never lets a runner move up.
  const Condition& c = response.when;
  const bool overload = c.exceeds.has_value() || c.swelling == true || c.limp == true;
  if (then != nullptr && overload && response.then.kind == ActionKind::proceed) {
    loading.reader.error(*then, "proceeds when " +
                                    std::string(c.exceeds            ? "a pain limit is passed"
                                                : c.swelling == true ? "there is swelling"
                                                                     : "there is a limp") +
                                    "; runback never moves a runner up on a sign of overload "
                                    "(use repeat, step_back or stop)");
  }
  loading.protocol.responses.push_back(std::move(response));
}

void read_break(Loading& loading, const Field& field, std::set<int>& days_seen) {
  auto map = loading.reader.map(field, {"days", "step_back", "restart", "ref"}, "a break rule");
  if (!map) return;
  BreakRule rule;
  bool good = true;
  if (const Field* days =
          map->require(loading.reader, "days", "the days since the last run, 2 to 365")) {
    if (auto value = loading.reader.integer(*days, 2, 365)) {
      if (!days_seen.insert(*value).second) {
        loading.reader.error(*days, "another break rule is also for " + std::to_string(*value) +
                                        " days; each rule needs its own number of days");
        good = false;
      }
      rule.days = *value;
    } else {
      good = false;
    }
  } else {
    good = false;
  }
  const Field* step_back = map->get("step_back");
  const Field* restart = map->get("restart");
  if (step_back != nullptr) {
    if (auto value = loading.reader.integer(*step_back, 1, 10))
      rule.step_back = *value;
    else
      good = false;
  }
  if (restart != nullptr) {
    if (auto value = loading.reader.boolean(*restart))
      rule.restart = *value;
    else
      good = false;
  }
  if (step_back != nullptr && restart != nullptr && rule.restart) {
    loading.reader.error(*restart, "give either step_back or restart: true, not both");
    good = false;
  } else if (good && rule.step_back == 0 && !rule.restart) {
    loading.reader.error(field,
                         "says nothing to do; expected step_back (1 to 10) or "
                         "restart: true");
    good = false;
  }
  read_ref(loading, *map, rule.ref);
  if (good) loading.protocol.progression.breaks.push_back(rule);
}

// `max_stages_per_7_days`: format 1 keeps the common cap of 2; format 2 allows up to one step a
// day when the protocol cites its source (clinical basis [7], last bullet: "at most two steps
// in 7 days is a common cap, not a universal one").
void read_stage_rate(Loading& loading, const yaml::MapFields& map, const Field& cap) {
  auto value = loading.reader.integer(cap, 1, 14);
  if (!value) return;
  const int format = loading.protocol.format;
  const int limit = safety::max_stages_per_7_days_limit(format);
  const std::string n = std::to_string(*value);
  if (*value > limit) {
    if (format >= 2) {
      loading.reader.error(cap, "is " + n + ", but runback never moves a runner up more than " +
                                    std::to_string(limit) +
                                    " stages in 7 days (one a day); use 7 or less");
    } else {
      loading.reader.error(
          cap, "is " + n + ", but runback never moves a runner up more than " +
                   std::to_string(limit) +
                   " stages in 7 days (a cap of clinical programmes, clinical basis [5]); "
                   "use 1 or 2" +
                   " (format 2 allows more, with the source cited)");
    }
    return;
  }
  if (*value > safety::kMaxStagesPer7Days) {
    if (map.get("ref") == nullptr) {
      loading.reader.error(cap, "allows " + n + " steps in 7 days, more than the common cap of " +
                                    std::to_string(safety::kMaxStagesPer7Days) +
                                    ": cite the source with 'ref:' on progression");
      return;
    }
    loading.reader.warning(cap, "allows " + n +
                                    " steps up in 7 days, more than two a week (the common "
                                    "cap of clinical programmes); check that the source "
                                    "cited moves on this fast");
  }
  loading.protocol.progression.max_stages_per_7_days = *value;
}

}  // namespace

void read_progression(Loading& loading, const Field& field) {
  auto map = loading.reader.map(field,
                                {"sessions_to_advance", "max_stages_per_7_days", "partial_session",
                                 "breaks", "ref", "decide"},
                                "a progression", {"decide"});
  if (!map) return;
  Progression& progression = loading.protocol.progression;
  if (const Field* advance = map->get("sessions_to_advance")) {
    if (auto value = loading.reader.integer(*advance, 1, 20))
      progression.sessions_to_advance = *value;
  }
  if (const Field* cap = map->get("max_stages_per_7_days")) read_stage_rate(loading, *map, *cap);
  if (const Field* partial = map->get("partial_session")) {
    if (auto value = loading.reader.choice(*partial, kPartialSessionNames)) {
      progression.partial_session = *value;
    }
  }
  if (const Field* breaks = map->get("breaks")) {
    if (auto items = loading.reader.list(*breaks, "break rules")) {
      std::set<int> days_seen;
      for (const auto& item : *items) read_break(loading, item, days_seen);
      std::sort(progression.breaks.begin(), progression.breaks.end(),
                [](const BreakRule& a, const BreakRule& b) { return a.days < b.days; });
    }
  }
  if (const Field* decide = map->get("decide")) {
    if (auto value = loading.reader.choice(*decide, kDecideWhenNames)) {
      progression.decide = *value;
      if (*value == DecideWhen::after_session) {
        loading.reader.warning(*decide,
                               "this protocol decides without waiting for the next morning; the "
                               "next-morning value is still asked and screened, but a move up "
                               "can come before it");
      }
    }
  }
  read_ref(loading, *map, progression.ref);
}

void read_pain(Loading& loading, const Field* field, const Field& root) {
  if (field == nullptr) {
    loading.reader.error(root.where, "pain",
                         "missing; every protocol sets pain limits, and at least "
                         "pain.next_morning (pain after a run must settle by the next morning, "
                         "Silbernagel et al. 2007)");
    return;
  }
  auto map = loading.reader.map(*field, {"warmup", "during", "after", "next_morning"},
                                "pain limits", {"warmup"});
  if (!map) return;
  PainLimits& pain = loading.protocol.pain;
  if (const Field* warmup = map->get("warmup")) {
    // The warm-up is activity too: the same ceiling as during the run.
    pain.warmup = read_pain_limit(loading, *warmup, true, nullptr);
  }
  if (const Field* during = map->get("during")) {
    pain.during = read_pain_limit(loading, *during, true, nullptr);
  }
  if (const Field* after = map->get("after")) {
    pain.after = read_pain_limit(loading, *after, false, &pain.after_minutes);
  }
  if (const Field* morning = map->get("next_morning")) {
    pain.next_morning = read_pain_limit(loading, *morning, false, nullptr);
  } else if (safety::kNextMorningLimitRequired) {
    loading.reader.error(field->where, "pain.next_morning",
                         "missing; every protocol must say how pain must have settled by the "
                         "next morning (Silbernagel et al. 2007), e.g. 'next_morning: "
                         "{max_rise: 0}'");
  }
}

void read_responses(Loading& loading, const Field& field) {
  auto items = loading.reader.list(field, "responses");
  if (!items) return;
  std::set<std::string> names;
  for (const auto& item : *items) read_response(loading, item, names);
}

void read_red_flags(Loading& loading, const Field& field) {
  auto items = loading.reader.list(field, "red flags");
  if (!items) return;
  std::set<std::string> ids;
  for (const auto& flag : safety::kBuiltInRedFlags) ids.insert(std::string(flag.id));
  for (const auto& item : *items) {
    auto map = loading.reader.map(item, {"id", "text", "ref"}, "a red flag");
    if (!map) continue;
    RedFlag flag;
    if (const Field* id = map->require(loading.reader, "id",
                                       "every red flag needs an id, e.g. 'id: calf-swelling'")) {
      if (auto value = loading.reader.identifier(*id)) {
        const bool built_in =
            std::any_of(safety::kBuiltInRedFlags.begin(), safety::kBuiltInRedFlags.end(),
                        [&](const safety::BuiltInRedFlag& b) { return b.id == *value; });
        if (built_in) {
          loading.reader.error(*id, "'" + *value +
                                        "' is one of runback's built-in red flags, "
                                        "always asked; choose another id");
        } else if (!ids.insert(*value).second) {
          loading.reader.error(*id, "'" + *value +
                                        "' is already the id of an earlier red flag; "
                                        "ids must be unique");
        }
        flag.id = *value;
      }
    }
    if (const Field* text =
            map->require(loading.reader, "text", "the question or sign shown to the runner")) {
      if (auto value = loading.reader.text(*text)) flag.text = *value;
    }
    read_ref(loading, *map, flag.ref);
    loading.protocol.red_flags.push_back(std::move(flag));
  }
}

}  // namespace runback::loading
