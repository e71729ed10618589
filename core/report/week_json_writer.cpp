#include "report/week_json_writer.hpp"

#include <string_view>

#include "protocol/describe.hpp"
#include "report/json_text.hpp"
#include "report/plan_json.hpp"
#include "report/plan_text.hpp"

namespace runback {
namespace {

// The writers below mirror plan_json.cpp function for function, in its field order. Keys are
// plain ASCII and need no escaping.

// `,"name":`: the next key of an object.
void key(std::string& out, std::string_view name) {
  out += ",\"";
  out += name;
  out += "\":";
}

// `{"name":`: an object and its first key.
void open_object(std::string& out, std::string_view name) {
  out += "{\"";
  out += name;
  out += "\":";
}

void date_or_null(std::string& out, const std::optional<Date>& date) {
  if (date) {
    append_json_string(out, format_date(*date));
  } else {
    out += "null";
  }
}

void int_or_null(std::string& out, const std::optional<int>& value) {
  if (value) {
    append_json_int(out, *value);
  } else {
    out += "null";
  }
}

void double_or_null(std::string& out, const std::optional<double>& value) {
  if (value) {
    append_json_double(out, *value);
  } else {
    out += "null";
  }
}

void string_array(std::string& out, const std::vector<std::string>& texts) {
  out += '[';
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i > 0) out += ',';
    append_json_string(out, texts[i]);
  }
  out += ']';
}

std::string stage_object(const Stage& stage, int index) {
  std::string out;
  open_object(out, "number");
  append_json_int(out, index + 1);
  key(out, "id");
  append_json_string(out, stage.id);
  key(out, "name");
  append_json_string(out, stage.name);
  out += '}';
  return out;
}

// The run day's fields that depend on the stage alone, from "session" to "intensity".
std::string run_fields(const Stage& stage) {
  std::string out = "\"session\":";
  append_json_string(out, describe_session(stage.session));
  key(out, "blocks");
  out += '[';
  for (std::size_t i = 0; i < stage.session.blocks.size(); ++i) {
    if (i > 0) out += ',';
    append_json_string(out, describe_block(stage.session.blocks[i]));
  }
  out += ']';
  const SessionTotals totals = session_totals(stage.session);
  key(out, "totals");
  open_object(out, "run_seconds");
  append_json_double(out, totals.run_seconds);
  key(out, "run_metres");
  append_json_double(out, totals.run_metres);
  key(out, "walk_seconds");
  append_json_double(out, totals.walk_seconds);
  key(out, "walk_metres");
  append_json_double(out, totals.walk_metres);
  key(out, "text");
  append_json_string(out, describe_totals(totals));
  out += '}';
  key(out, "intensity");
  append_json_string(out, describe_intensity(stage.intensity));
  return out;
}

const WeekJsonCache::StageText& stage_text(const WeekJsonCache::ProtocolText& text, int index) {
  return text.stages.at(static_cast<std::size_t>(index));
}

void append_cue(std::string& out, const SessionCue& cue) {
  open_object(out, "text");
  append_json_string(out, cue.text);
  key(out, "cadence_spm");
  double_or_null(out, cue.cadence_spm);
  key(out, "metronome_bpm");
  double_or_null(out, cue.metronome_bpm);
  out += '}';
}

void append_run(std::string& out, const WeekJsonCache::ProtocolText& text, const PlannedDay& day) {
  const PlannedRun& run = *day.run;
  const WeekJsonCache::StageText& stage = stage_text(text, run.stage_index);
  open_object(out, "stage");
  out += stage.object;
  key(out, "logged");
  append_json_bool(out, run.logged);
  key(out, "outcome");
  if (run.outcome) {
    append_json_string(out, session_outcome_name(*run.outcome));
  } else {
    out += "null";
  }
  key(out, "if_all_goes_well");
  append_json_bool(out, run.if_all_goes_well);
  key(out, "missed");
  append_json_bool(out, run.missed);
  key(out, "unplanned");
  append_json_bool(out, run.unplanned);
  out += ',';
  out += stage.run_fields;
  key(out, "cues");
  out += '[';
  for (std::size_t i = 0; i < day.cues.size(); ++i) {
    if (i > 0) out += ',';
    append_cue(out, day.cues[i]);
  }
  out += "]}";
}

void append_exercise(std::string& out, const Exercise& e) {
  open_object(out, "name");
  append_json_string(out, e.name);
  key(out, "dose");
  append_json_string(out, describe_exercise_dose(e));
  key(out, "sets");
  append_json_int(out, e.sets);
  key(out, "reps");
  int_or_null(out, e.reps);
  key(out, "hold_s");
  int_or_null(out, e.hold_s);
  key(out, "times");
  append_json_int(out, e.times);
  key(out, "per");
  append_json_string(out, period_name(e.per));
  key(out, "tempo");
  append_json_string(out, e.tempo);
  key(out, "load");
  append_json_string(out, e.load);
  out += '}';
}

void append_recovery(std::string& out, const RecoveryItem& r) {
  open_object(out, "name");
  append_json_string(out, r.name);
  key(out, "when");
  append_json_string(out, recovery_when_name(r.when));
  key(out, "duration_seconds");
  if (r.duration) {
    append_json_double(out, r.duration->value);
  } else {
    out += "null";
  }
  key(out, "details");
  append_json_string(out, r.details);
  out += '}';
}

template <typename Item, typename Write>
void array_of(std::string& out, const std::vector<Item>& items, Write write) {
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    write(out, items[i]);
  }
  out += ']';
}

void append_log_field(std::string& out, const LogField& f) {
  open_object(out, "value");
  append_json_string(out, log_value_name(f.value));
  key(out, "answer_key");
  append_json_string(out, f.answer_key);
  key(out, "what");
  append_json_string(out, f.what);
  key(out, "yes_no");
  append_json_bool(out, f.yes_no);
  key(out, "min");
  append_json_double(out, f.min);
  key(out, "max");
  append_json_double(out, f.max);
  out += '}';
}

void append_reminder(std::string& out, const Reminder& r) {
  open_object(out, "when");
  append_json_string(out, time_point_name(r.when));
  key(out, "session_date");
  append_json_string(out, format_date(r.session_date));
  key(out, "values");
  array_of(out, r.fields, append_log_field);
  key(out, "command");
  append_json_string(out, log_command(r));
  out += '}';
}

void append_logged(std::string& out, const DayLog& log) {
  open_object(out, "session");
  if (log.session) {
    append_json_string(out, session_outcome_name(*log.session));
  } else {
    out += "null";
  }
  key(out, "pain_during");
  int_or_null(out, log.pain_during);
  key(out, "pain_after");
  int_or_null(out, log.pain_after);
  key(out, "pain_next_morning");
  int_or_null(out, log.pain_next_morning);
  key(out, "stiffness_minutes");
  int_or_null(out, log.stiffness_minutes);
  key(out, "swelling");
  append_json_bool(out, log.swelling);
  key(out, "limp");
  append_json_bool(out, log.limp);
  key(out, "red_flags");
  string_array(out, log.red_flags);
  key(out, "answers");
  out += '{';
  bool first = true;
  for (const auto& [name, value] : log.answers) {  // a plugin's keys: escaped like any text
    if (!first) out += ',';
    first = false;
    append_json_string(out, name);
    out += ':';
    append_json_string(out, value);
  }
  out += "}}";
}

void append_day(std::string& out, const WeekJsonCache::ProtocolText& text, const PlannedDay& day) {
  open_object(out, "date");
  append_json_string(out, format_date(day.date));
  key(out, "weekday");
  append_json_string(out, weekday_short(std::chrono::weekday{day.date}));
  key(out, "stage");
  append_json_int(out, day.stage_index + 1);
  key(out, "rest");
  append_json_string(out, rest_kind_name(day.rest));
  key(out, "run");
  if (day.run) {
    append_run(out, text, day);
  } else {
    out += "null";
  }
  key(out, "logged");
  if (day.logged) {
    append_logged(out, *day.logged);
  } else {
    out += "null";
  }
  key(out, "exercises");
  array_of(out, day.exercises, append_exercise);
  key(out, "recovery");
  array_of(out, day.recovery, append_recovery);
  key(out, "reminders");
  array_of(out, day.reminders, append_reminder);
  out += '}';
}

void append_decision(std::string& out, const Decision& d) {
  open_object(out, "date");
  append_json_string(out, format_date(d.date));
  key(out, "kind");
  append_json_string(out, decision_kind_name(d.kind));
  key(out, "from_stage");
  append_json_int(out, d.from_stage + 1);
  key(out, "to_stage");
  append_json_int(out, d.to_stage + 1);
  key(out, "rest_days");
  append_json_int(out, d.rest_days);
  key(out, "rule");
  append_json_string(out, d.rule);
  key(out, "explanation");
  append_json_string(out, d.explanation);
  key(out, "missing");
  string_array(out, d.missing);
  key(out, "projected");
  append_json_bool(out, d.projected);
  out += '}';
}

void append_status(std::string& out, const WeekJsonCache::ProtocolText& text, const Plan& plan) {
  const PlanStatus& s = plan.status;
  open_object(out, "stage");
  out += stage_text(text, s.stage_index).object;
  key(out, "stages");
  append_json_int(out, s.stage_count);
  key(out, "good_runs_in_a_row");
  append_json_int(out, s.clean_sessions);
  key(out, "runs_to_move_up");
  append_json_int(out, s.sessions_to_advance);
  key(out, "complete");
  append_json_bool(out, s.complete);
  key(out, "stopped");
  append_json_bool(out, s.stopped);
  key(out, "stopped_on");
  date_or_null(out, s.stopped_on);
  key(out, "waiting_for");
  date_or_null(out, s.waiting_for);
  key(out, "missing");
  string_array(out, s.missing);
  key(out, "last_run");
  date_or_null(out, s.last_run);
  key(out, "rest_through");
  date_or_null(out, s.rest_through);
  key(out, "next_run");
  date_or_null(out, plan.next_run);
  key(out, "projected_completion");
  date_or_null(out, plan.projected_completion);
  key(out, "can_move_up_from");
  date_or_null(out, s.can_move_up_from);
  key(out, "missed_runs");
  append_json_int(out, s.missed_runs);
  key(out, "recent_missed");
  array_of(out, s.recent_missed,
           [](std::string& o, Date d) { append_json_string(o, format_date(d)); });
  key(out, "usual_pain");
  int_or_null(out, s.usual_pain);
  key(out, "last_decision");
  if (const Decision* last = last_decision(plan)) {
    append_decision(out, *last);
  } else {
    out += "null";
  }
  key(out, "waiting");
  if (const Decision* waiting = waiting_decision(plan)) {
    append_json_string(out, waiting->explanation);
  } else {
    out += "null";
  }
  out += '}';
}

}  // namespace

const WeekJsonCache::ProtocolText& WeekJsonCache::of(const Protocol& protocol) {
  auto [it, added] = protocols_.try_emplace(&protocol);
  ProtocolText& text = it->second;
  if (!added) return text;
  open_object(text.ref, "id");
  append_json_string(text.ref, protocol.id);
  key(text.ref, "version");
  append_json_string(text.ref, protocol.version);
  key(text.ref, "title");
  append_json_string(text.ref, protocol.title);
  text.ref += '}';
  text.stages.reserve(protocol.stages.size());
  for (std::size_t i = 0; i < protocol.stages.size(); ++i) {
    const Stage& stage = protocol.stages[i];
    text.stages.push_back({stage_object(stage, int(i)), run_fields(stage)});
  }
  return text;
}

void append_week_body_json(std::string& out, const Protocol& protocol, const Plan& plan,
                           const std::string& runner, WeekJsonCache& cache) {
  const WeekJsonCache::ProtocolText& text = cache.of(protocol);
  open_object(out, "runner");
  append_json_string(out, runner);
  key(out, "protocol");
  out += text.ref;
  key(out, "from");
  if (plan.days.empty()) {
    out += "null";
  } else {
    append_json_string(out, format_date(plan.days.front().date));
  }
  key(out, "status");
  append_status(out, text, plan);
  const Decision* last = nullptr;
  for (auto it = plan.decisions.rbegin(); it != plan.decisions.rend() && !last; ++it) {
    if (it->kind != DecisionKind::waiting) last = &*it;
  }
  key(out, "last_decision");
  if (last) {
    append_decision(out, *last);
  } else {
    out += "null";
  }
  key(out, "days");
  array_of(out, plan.days,
           [&text](std::string& o, const PlannedDay& day) { append_day(o, text, day); });
  key(out, "notes");
  string_array(out, plan.notes);
  out += '}';
}

}  // namespace runback
