#include "report/plan_json.hpp"

#include "protocol/describe.hpp"
#include "protocol/safety.hpp"
#include "report/plan_text.hpp"

namespace runback {
namespace {

using json = nlohmann::ordered_json;

json date_or_null(const std::optional<Date>& date) {
  return date ? json(format_date(*date)) : json(nullptr);
}

json stage_json(const Protocol& protocol, int index) {
  const Stage& stage = protocol.stages[std::size_t(index)];
  return json{{"number", index + 1}, {"id", stage.id}, {"name", stage.name}};
}

json run_json(const Protocol& protocol, const PlannedDay& day) {
  const PlannedRun& run = *day.run;
  const Stage& stage = protocol.stages[std::size_t(run.stage_index)];
  json out{{"stage", stage_json(protocol, run.stage_index)},
           {"logged", run.logged},
           {"outcome", run.outcome ? json(session_outcome_name(*run.outcome)) : json(nullptr)},
           {"if_all_goes_well", run.if_all_goes_well},
           {"missed", run.missed},
           {"unplanned", run.unplanned}};
  const SessionTotals totals = session_totals(stage.session);
  out["session"] = describe_session(stage.session);
  json blocks = json::array();
  for (const IntervalBlock& block : stage.session.blocks) blocks.push_back(describe_block(block));
  out["blocks"] = blocks;
  out["totals"] = json{{"run_seconds", totals.run_seconds},
                       {"run_metres", totals.run_metres},
                       {"walk_seconds", totals.walk_seconds},
                       {"walk_metres", totals.walk_metres},
                       {"text", describe_totals(totals)}};
  out["intensity"] = describe_intensity(stage.intensity);
  json cues = json::array();
  for (const SessionCue& cue : day.cues) {
    json c{{"text", cue.text}};
    c["cadence_spm"] = cue.cadence_spm ? json(*cue.cadence_spm) : json(nullptr);
    c["metronome_bpm"] = cue.metronome_bpm ? json(*cue.metronome_bpm) : json(nullptr);
    cues.push_back(c);
  }
  out["cues"] = cues;
  return out;
}

json logged_json(const DayLog& log) {
  auto optional_int = [](const std::optional<int>& v) { return v ? json(*v) : json(nullptr); };
  json out{{"session", log.session ? json(session_outcome_name(*log.session)) : json(nullptr)},
           {"pain_during", optional_int(log.pain_during)},
           {"pain_after", optional_int(log.pain_after)},
           {"pain_next_morning", optional_int(log.pain_next_morning)},
           {"stiffness_minutes", optional_int(log.stiffness_minutes)},
           {"swelling", log.swelling},
           {"limp", log.limp}};
  out["red_flags"] = log.red_flags;
  json answers = json::object();
  for (const auto& [key, value] : log.answers) answers[key] = value;
  out["answers"] = answers;
  return out;
}

json day_json(const Protocol& protocol, const PlannedDay& day) {
  json out{{"date", format_date(day.date)},
           {"weekday", weekday_short(std::chrono::weekday{day.date})},
           {"stage", day.stage_index + 1},
           {"rest", rest_kind_name(day.rest)}};
  out["run"] = day.run ? run_json(protocol, day) : json(nullptr);
  out["logged"] = day.logged ? logged_json(*day.logged) : json(nullptr);
  json exercises = json::array();
  for (const Exercise& e : day.exercises) {
    exercises.push_back(json{{"name", e.name},
                             {"dose", describe_exercise_dose(e)},
                             {"sets", e.sets},
                             {"reps", e.reps ? json(*e.reps) : json(nullptr)},
                             {"hold_s", e.hold_s ? json(*e.hold_s) : json(nullptr)},
                             {"times", e.times},
                             {"per", period_name(e.per)},
                             {"tempo", e.tempo},
                             {"load", e.load}});
  }
  out["exercises"] = exercises;
  json recovery = json::array();
  for (const RecoveryItem& r : day.recovery) {
    recovery.push_back(
        json{{"name", r.name},
             {"when", recovery_when_name(r.when)},
             {"duration_seconds", r.duration ? json(r.duration->value) : json(nullptr)},
             {"details", r.details}});
  }
  out["recovery"] = recovery;
  json reminders = json::array();
  for (const Reminder& r : day.reminders) {
    json values = json::array();
    for (const LogField& f : r.fields) {
      values.push_back(json{{"value", log_value_name(f.value)},
                            {"answer_key", f.answer_key},
                            {"what", f.what},
                            {"yes_no", f.yes_no},
                            {"min", f.min},
                            {"max", f.max}});
    }
    reminders.push_back(json{{"when", time_point_name(r.when)},
                             {"session_date", format_date(r.session_date)},
                             {"values", values},
                             {"command", log_command(r)}});
  }
  out["reminders"] = reminders;
  return out;
}

json status_body(const Protocol& protocol, const Plan& plan) {
  const PlanStatus& s = plan.status;
  json out{{"stage", stage_json(protocol, s.stage_index)},
           {"stages", s.stage_count},
           {"good_runs_in_a_row", s.clean_sessions},
           {"runs_to_move_up", s.sessions_to_advance},
           {"complete", s.complete},
           {"stopped", s.stopped}};
  out["stopped_on"] = date_or_null(s.stopped_on);
  out["waiting_for"] = date_or_null(s.waiting_for);
  out["missing"] = s.missing;
  out["last_run"] = date_or_null(s.last_run);
  out["rest_through"] = date_or_null(s.rest_through);
  out["next_run"] = date_or_null(plan.next_run);
  out["projected_completion"] = date_or_null(plan.projected_completion);
  out["can_move_up_from"] = date_or_null(s.can_move_up_from);
  out["missed_runs"] = s.missed_runs;
  json missed = json::array();
  for (Date d : s.recent_missed) missed.push_back(format_date(d));
  out["recent_missed"] = missed;
  out["usual_pain"] = s.usual_pain ? json(*s.usual_pain) : json(nullptr);
  const Decision* last = last_decision(plan);
  out["last_decision"] = last ? decision_json(*last) : json(nullptr);
  const Decision* waiting = waiting_decision(plan);
  out["waiting"] = waiting ? json(waiting->explanation) : json(nullptr);
  return out;
}

json protocol_ref(const Protocol& protocol) {
  return json{{"id", protocol.id}, {"version", protocol.version}, {"title", protocol.title}};
}

}  // namespace

json red_flags_json(const Protocol& protocol) {
  json flags = json::array();
  for (const auto& flag : safety::kBuiltInRedFlags) {
    flags.push_back(json{{"id", flag.id}, {"text", flag.text}});
  }
  for (const RedFlag& flag : protocol.red_flags) {
    if (!flag.built_in) flags.push_back(json{{"id", flag.id}, {"text", flag.text}});
  }
  return flags;
}

const char* rest_kind_name(RestKind kind) {
  switch (kind) {
    case RestKind::none:
      return "none";
    case RestKind::rest:
      return "rest";
    case RestKind::imposed:
      return "imposed";
    case RestKind::stopped:
      return "stopped";
    case RestKind::before_start:
      return "before_start";
    case RestKind::finished:
      return "finished";
  }
  return "rest";
}

const char* log_value_name(LogValue value) {
  switch (value) {
    case LogValue::pain_during:
      return "pain_during";
    case LogValue::pain_after:
      return "pain_after";
    case LogValue::pain_next_morning:
      return "pain_next_morning";
    case LogValue::stiffness:
      return "stiffness_minutes";
    case LogValue::answer:
      return "answer";
  }
  return "";
}

json decision_json(const Decision& d) {
  return json{{"date", format_date(d.date)},    {"kind", decision_kind_name(d.kind)},
              {"from_stage", d.from_stage + 1}, {"to_stage", d.to_stage + 1},
              {"rest_days", d.rest_days},       {"rule", d.rule},
              {"explanation", d.explanation},   {"missing", d.missing},
              {"projected", d.projected}};
}

json week_body_json(const Protocol& protocol, const Plan& plan, const std::string& runner) {
  json out{{"runner", runner}, {"protocol", protocol_ref(protocol)}};
  out["from"] = plan.days.empty() ? json(nullptr) : json(format_date(plan.days.front().date));
  out["status"] = status_body(protocol, plan);
  const Decision* last = nullptr;
  for (auto it = plan.decisions.rbegin(); it != plan.decisions.rend() && !last; ++it) {
    if (it->kind != DecisionKind::waiting) last = &*it;
  }
  out["last_decision"] = last ? decision_json(*last) : json(nullptr);
  json days = json::array();
  for (const PlannedDay& day : plan.days) days.push_back(day_json(protocol, day));
  out["days"] = days;
  out["notes"] = plan.notes;
  return out;
}

json week_json(const Protocol& protocol, const Plan& plan, const std::string& runner) {
  json out{{"schema", "runback.week/1"}};
  out.update(week_body_json(protocol, plan, runner));
  return out;
}

json standing_json(const Protocol& protocol, const Plan& plan) {
  return status_body(protocol, plan);
}

json status_json(const Protocol& protocol, const Plan& plan, const std::string& runner,
                 int decisions_shown) {
  json out{
      {"schema", "runback.status/1"}, {"runner", runner}, {"protocol", protocol_ref(protocol)}};
  out.update(status_body(protocol, plan));
  json decisions = json::array();
  const std::size_t shown = std::min(plan.decisions.size(), std::size_t(decisions_shown));
  for (std::size_t i = plan.decisions.size() - shown; i < plan.decisions.size(); ++i) {
    decisions.push_back(decision_json(plan.decisions[i]));
  }
  out["decisions"] = decisions;
  out["notes"] = plan.notes;
  return out;
}

json simulation_json(const Protocol& protocol, const Simulation& sim, const std::string& profile,
                     std::uint64_t seed) {
  json out{{"schema", "runback.simulation/1"},
           {"protocol", protocol_ref(protocol)},
           {"symptoms", profile},
           {"seed", seed},
           {"start", format_date(sim.start)}};
  json timeline = json::array();
  for (const StageSpan& span : sim.timeline) {
    timeline.push_back(json{{"stage", stage_json(protocol, span.stage_index)},
                            {"from", format_date(span.first)},
                            {"to", format_date(span.last)},
                            {"days", int((span.last - span.first).count()) + 1},
                            {"runs", span.runs}});
  }
  out["timeline"] = timeline;
  json decisions = json::array();
  for (const Decision& d : sim.decisions) decisions.push_back(decision_json(d));
  out["decisions"] = decisions;
  out["runs"] = sim.logs.size();
  out["completed"] = date_or_null(sim.completed);
  out["days_to_completion"] =
      sim.days_to_completion ? json(*sim.days_to_completion) : json(nullptr);
  out["stopped"] = sim.stopped;
  out["ran_out"] = sim.ran_out;
  return out;
}

}  // namespace runback
