#include "protocol/protocol_json.hpp"

#include "protocol/amount.hpp"
#include "protocol/describe.hpp"

namespace runback {
namespace {

using nlohmann::json;

template <class T>
json optional_value(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json optional_amount(const std::optional<Amount>& amount) {
  return amount ? amount_to_json(*amount) : json(nullptr);
}

json by_week_json(const std::vector<WeekFrequency>& weeks) {
  json out = json::array();
  for (const WeekFrequency& w : weeks) {
    json sessions = nullptr;
    if (w.sessions_min && w.sessions_max) {
      sessions = {{"min", *w.sessions_min}, {"max", *w.sessions_max}};
    }
    out.push_back({{"weeks", {w.from_week, w.to_week}},
                   {"sessions_per_week", sessions},
                   {"min_rest_days", optional_value(w.min_rest_days)},
                   {"ref", w.ref},
                   {"text", describe_week_frequency(w)}});
  }
  return out;
}

json frequency_json(const Frequency& f) {
  return {{"sessions_per_week",
           {{"min", f.sessions_min},
            {"max", f.sessions_max},
            {"up_to", f.sessions_up_to},
            {"ref", f.sessions_ref}}},
          {"min_rest_days", f.min_rest_days},
          {"min_rest_days_ref", f.rest_ref},
          {"ref", f.ref},
          {"by_week", by_week_json(f.by_week)},
          {"text", describe_frequency(f)}};
}

json pain_limit_json(const std::optional<PainLimit>& limit) {
  if (!limit) return nullptr;
  return {{"max", optional_value(limit->max)},
          {"max_rise", optional_value(limit->max_rise)},
          {"ref", limit->ref},
          {"text", describe_pain_limit(*limit)}};
}

json number_test_json(const std::optional<NumberTest>& test) {
  if (!test) return nullptr;
  static const char* kOps[] = {"above", "at_least", "below", "at_most"};
  return {{"op", kOps[static_cast<int>(test->op)]}, {"value", test->value}};
}

json exercise_json(const Exercise& e) {
  return {{"name", e.name},
          {"sets", e.sets},
          {"reps", optional_value(e.reps)},
          {"hold_s", optional_value(e.hold_s)},
          {"times", e.times},
          {"per", period_name(e.per)},
          {"tempo", e.tempo},
          {"load", e.load},
          {"progression", e.progression},
          {"ref", e.ref},
          {"text", describe_exercise_dose(e)}};
}

json exercises_json(const std::vector<Exercise>& exercises) {
  json out = json::array();
  for (const auto& e : exercises) out.push_back(exercise_json(e));
  return out;
}

json optional_speed(const std::optional<Speed>& speed) {
  if (!speed) return nullptr;
  return {{"value", speed->value},
          {"unit", speed->unit == Speed::Unit::mph ? "mph" : "km/h"},
          {"kmh", speed_kmh(*speed)},
          {"text", format_speed(*speed)}};
}

json session_json(const Session& session) {
  json blocks = json::array();
  for (const auto& b : session.blocks) {
    blocks.push_back({{"run", optional_amount(b.run)},
                      {"walk", optional_amount(b.walk)},
                      {"repeat", b.repeat},
                      {"start_with", b.walk_first ? "walk" : "run"},
                      {"until", optional_amount(b.until)},
                      {"effort", b.effort},
                      {"rpe_min", optional_value(b.rpe_min)},
                      {"rpe_max", optional_value(b.rpe_max)},
                      {"speed", optional_speed(b.speed)},
                      {"walk_speed", optional_speed(b.walk_speed)},
                      {"text", describe_block(b)}});
  }
  const SessionTotals totals = session_totals(session);
  return {{"warmup_walk", optional_amount(session.warmup_walk)},
          {"blocks", blocks},
          {"cooldown_walk", optional_amount(session.cooldown_walk)},
          {"totals",
           {{"run_seconds", totals.run_seconds},
            {"run_metres", totals.run_metres},
            {"walk_seconds", totals.walk_seconds},
            {"walk_metres", totals.walk_metres},
            {"run_walk_seconds", totals.run_walk_seconds},
            {"run_walk_metres", totals.run_walk_metres}}},
          {"walk_only", walk_only(session)},
          {"text", describe_session(session)}};
}

// Format 2's calendar programme, or null.
json calendar_json(const Protocol& p) {
  if (!p.calendar) return nullptr;
  json days = json::array();
  for (const auto& d : p.calendar->days) {
    days.push_back({{"day", d.day},
                    {"stage", d.stage.empty() ? json(nullptr) : json(d.stage)},
                    {"recovery", d.recovery},
                    {"activity", d.activity},
                    {"text", d.recovery ? describe_recovery_day(d.activity) : d.stage}});
  }
  json bad_day = nullptr;
  if (p.calendar->bad_day) {
    const BadDay& b = *p.calendar->bad_day;
    bad_day = {{"rest_days", b.rest_days},
               {"then", bad_day_then_name(b.then)},
               {"ref", b.ref},
               {"text", describe_bad_day(b)}};
  }
  return {{"days", days}, {"bad_day", bad_day}, {"ref", p.calendar->ref}};
}

// Format 2, family 9: the runner's goal, the weekly cap and what comes after the goal.
json goal_json(const Protocol& p) {
  if (!p.goal) return nullptr;
  return {{"unit", p.goal->unit == Amount::Kind::distance ? "distance" : "time"},
          {"default", optional_amount(p.goal->default_goal)},
          {"min", optional_amount(p.goal->min)},
          {"max", optional_amount(p.goal->max)},
          {"ref", p.goal->ref}};
}

json after_goal_json(const Protocol& p) {
  if (!p.after_goal) return nullptr;
  const AfterGoal& a = *p.after_goal;
  json pattern = json::array();
  for (const auto& w : a.week_pattern)
    pattern.push_back({{"kind", w.kind}, {"percent", w.percent}});
  json speed = nullptr;
  if (a.speed) {
    speed = {{"add", optional_speed(a.speed->add)},
             {"until", optional_speed(a.speed->until)},
             {"every_weeks", a.speed->every_weeks}};
  }
  json lighter = nullptr;
  if (a.lighter_week) {
    lighter = {{"every", a.lighter_week->every}, {"percent", a.lighter_week->percent}};
  }
  return {{"weeks", a.weeks},        {"speed", speed}, {"week_pattern", pattern},
          {"lighter_week", lighter}, {"ref", a.ref},   {"text", describe_after_goal(a)}};
}

json options_json(const Protocol& p) {
  json out = json::array();
  for (const auto& o : p.options) out.push_back({{"id", o.id}, {"name", o.name}});
  return out;
}

}  // namespace

json amount_to_json(const Amount& amount) {
  if (amount.kind == Amount::Kind::time) {
    return {{"seconds", amount.value}, {"text", format_amount(amount)}};
  }
  return {{"metres", amount.value}, {"text", format_amount(amount)}};
}

json protocol_to_json(const Protocol& p) {
  json references = json::array();
  for (const auto& r : p.references) {
    references.push_back(
        {{"id", r.id}, {"citation", r.citation}, {"url", r.url}, {"note", r.note}});
  }
  json criteria = json::array();
  for (const auto& c : p.entry_criteria) {
    criteria.push_back({{"id", c.id}, {"text", c.text}, {"ref", c.ref}});
  }
  json start = {{"default_stage", p.start.default_stage}, {"entry_test", nullptr}};
  if (p.start.entry_test) {
    json bands = json::array();
    for (const auto& b : p.start.entry_test->bands) {
      // Under the key the YAML used: `at_least`, or `above` (format 2); the other is null.
      bands.push_back({{"at_least", b.exclusive ? json(nullptr) : json(b.at_least)},
                       {"above", b.exclusive ? json(b.at_least) : json(nullptr)},
                       {"stage", b.stage}});
    }
    start["entry_test"] = {{"question", p.start.entry_test->question},
                           {"unit", p.start.entry_test->unit},
                           {"bands", bands},
                           {"ref", p.start.entry_test->ref}};
  }
  json breaks = json::array();
  for (const auto& b : p.progression.breaks) {
    breaks.push_back(
        {{"days", b.days}, {"step_back", b.step_back}, {"restart", b.restart}, {"ref", b.ref}});
  }
  json responses = json::array();
  for (const auto& r : p.responses) {
    const Condition& c = r.when;
    responses.push_back(
        {{"name", r.name},
         {"when",
          {{"pain_during", number_test_json(c.pain_during)},
           {"pain_after", number_test_json(c.pain_after)},
           {"pain_next_morning", number_test_json(c.pain_next_morning)},
           {"stiffness_minutes", number_test_json(c.stiffness_minutes)},
           {"swelling", optional_value(c.swelling)},
           {"limp", optional_value(c.limp)},
           {"session", c.session ? json(session_outcome_name(*c.session)) : json(nullptr)},
           {"exceeds", c.exceeds ? json(time_point_name(*c.exceeds)) : json(nullptr)},
           {"pain_warmup", number_test_json(c.pain_warmup)},
           {"in_last",
            c.in_last ? json{{"sessions", c.in_last->sessions}, {"at_least", c.in_last->at_least}}
                      : json(nullptr)},
           {"after_setback", optional_value(c.after_setback)},
           {"rising",
            c.rising ? json{{"value", rising_value_name(c.rising->value)}, {"days", c.rising->days}}
                     : json(nullptr)},
           {"text", describe_condition(c)}}},
         {"then",
          {{"action", action_kind_name(r.then.kind)},
           {"stages", r.then.stages},
           {"rest_days", r.then.rest_days},
           {"text", describe_action(r.then)}}},
         {"why", r.why},
         {"ref", r.ref}});
  }
  json red_flags = json::array();
  for (const auto& f : p.red_flags) {
    red_flags.push_back({{"id", f.id}, {"text", f.text}, {"built_in", f.built_in}, {"ref", f.ref}});
  }
  // Every session of the stage, in the order the good runs use them (format 2's `sessions:`;
  // one for a `session:` stage).
  auto sessions_json = [](const Stage& stage) {
    json out = json::array();
    for (int i = 0; i < session_count(stage); ++i)
      out.push_back(session_json(session_for(stage, i)));
    return out;
  };
  json stages = json::array();
  for (const auto& s : p.stages) {
    const Intensity& i = s.intensity;
    stages.push_back({{"id", s.id},
                      {"name", s.name},
                      {"session", session_json(s.session)},
                      {"sessions", sessions_json(s)},
                      {"intensity",
                       {{"rpe_min", optional_value(i.rpe_min)},
                        {"rpe_max", optional_value(i.rpe_max)},
                        {"talk_test", i.talk_test},
                        {"cue", i.cue},
                        {"ref", i.ref},
                        {"text", describe_intensity(i)}}},
                      {"surface", s.surface},
                      {"notes", s.notes},
                      {"frequency", frequency_json(s.frequency)},
                      {"sessions_to_advance", s.sessions_to_advance},
                      {"exercises", exercises_json(s.exercises)},
                      {"ref", s.ref}});
  }
  json recovery = json::array();
  for (const auto& r : p.recovery) {
    recovery.push_back({{"name", r.name},
                        {"when", recovery_when_name(r.when)},
                        {"duration", optional_amount(r.duration)},
                        {"times_per_week", optional_value(r.times_per_week)},
                        {"details", r.details},
                        {"ref", r.ref}});
  }
  json plugin = nullptr;
  if (p.plugin) {
    json params = json::object();
    for (const auto& [key, value] : p.plugin->params) params[key] = value.text;
    plugin = {{"name", p.plugin->name}, {"params", params}, {"ref", p.plugin->ref}};
  }
  return {{"format", p.format},
          {"id", p.id},
          {"title", p.title},
          {"version", p.version},
          {"condition", p.condition},
          {"summary", p.summary},
          {"authors", p.authors},
          {"references", references},
          {"entry_criteria", criteria},
          {"start", start},
          {"frequency", frequency_json(p.frequency)},
          {"progression",
           {{"sessions_to_advance", p.progression.sessions_to_advance},
            {"max_stages_per_7_days", p.progression.max_stages_per_7_days},
            {"partial_session", name_of(p.progression.partial_session, kPartialSessionNames)},
            {"breaks", breaks},
            {"ref", p.progression.ref},
            {"decide", name_of(p.progression.decide, kDecideWhenNames)}}},
          {"pain",
           {{"warmup", pain_limit_json(p.pain.warmup)},
            {"during", pain_limit_json(p.pain.during)},
            {"after", pain_limit_json(p.pain.after)},
            {"after_minutes", p.pain.after_minutes},
            {"next_morning", pain_limit_json(p.pain.next_morning)}}},
          {"responses", responses},
          {"red_flags", red_flags},
          {"stages", stages},
          {"exercises", exercises_json(p.exercises)},
          {"recovery", recovery},
          {"plugin", plugin},
          {"calendar", calendar_json(p)},
          {"step_word", p.step_word},
          {"goal", goal_json(p)},
          {"weekly_cap", optional_amount(p.weekly_cap)},
          {"options", options_json(p)},
          {"after_goal", after_goal_json(p)},
          {"source_path", p.source_path}};
}

}  // namespace runback
