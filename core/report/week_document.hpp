#pragma once
// The week as JSON (schema "runback.week/1", docs/json.md): the runner, the protocol, the
// standing, the last decision and each day with its run, what was logged, exercises, recovery
// and reminders. Written once for every JsonWriter: `week` builds it as a tree, `week --all`
// writes its bytes straight into a string.

#include <chrono>
#include <optional>
#include <string>

#include "plan/plan.hpp"
#include "protocol/describe.hpp"
#include "report/command_syntax.hpp"
#include "report/json_names.hpp"
#include "report/json_writer.hpp"
#include "report/status_document.hpp"

namespace runback {

template <JsonWriter W>
void write_cue(W& w, const SessionCue& cue) {
  w.begin_object();
  w.key("text");
  w.string(cue.text);
  w.key("cadence_spm");
  write_number_or_null(w, cue.cadence_spm);
  w.key("metronome_bpm");
  write_number_or_null(w, cue.metronome_bpm);
  w.end_object();
}

template <JsonWriter W, typename Parts>
void write_run(W& w, const Parts& parts, const PlannedDay& day) {
  const PlannedRun& run = *day.run;
  w.begin_object();
  w.key("stage");
  parts.stage_ref(w, run.stage_index);
  w.key("logged");
  w.boolean(run.logged);
  w.key("outcome");
  if (run.outcome) {
    w.string(session_outcome_name(*run.outcome));
  } else {
    w.null();
  }
  w.key("if_all_goes_well");
  w.boolean(run.if_all_goes_well);
  w.key("missed");
  w.boolean(run.missed);
  w.key("unplanned");
  w.boolean(run.unplanned);
  parts.stage_run_members(w, run.stage_index, run.session_index);
  w.key("cues");
  write_array(w, day.cues, write_cue<W>);
  w.end_object();
}

template <JsonWriter W>
void write_logged(W& w, const DayLog& log) {
  w.begin_object();
  w.key("session");
  if (log.session) {
    w.string(session_outcome_name(*log.session));
  } else {
    w.null();
  }
  w.key("pain_warmup");
  write_int_or_null(w, log.pain_warmup);
  w.key("pain_during");
  write_int_or_null(w, log.pain_during);
  w.key("pain_after");
  write_int_or_null(w, log.pain_after);
  w.key("pain_next_morning");
  write_int_or_null(w, log.pain_next_morning);
  w.key("stiffness_minutes");
  write_int_or_null(w, log.stiffness_minutes);
  w.key("swelling");
  w.boolean(log.swelling);
  w.key("limp");
  w.boolean(log.limp);
  w.key("red_flags");
  write_strings(w, log.red_flags);
  w.key("answers");
  w.begin_object();
  for (const auto& [name, value] : log.answers) {
    w.text_key(name);  // a plugin's keys: escaped like any text
    w.string(value);
  }
  w.end_object();
  w.end_object();
}

template <JsonWriter W>
void write_exercise(W& w, const Exercise& e) {
  w.begin_object();
  w.key("name");
  w.string(e.name);
  w.key("dose");
  w.string(describe_exercise_dose(e));
  w.key("sets");
  w.integer(e.sets);
  w.key("reps");
  write_int_or_null(w, e.reps);
  w.key("hold_s");
  write_int_or_null(w, e.hold_s);
  w.key("times");
  w.integer(e.times);
  w.key("per");
  w.string(period_name(e.per));
  w.key("tempo");
  w.string(e.tempo);
  w.key("load");
  w.string(e.load);
  w.end_object();
}

template <JsonWriter W>
void write_recovery(W& w, const RecoveryItem& r) {
  w.begin_object();
  w.key("name");
  w.string(r.name);
  w.key("when");
  w.string(recovery_when_name(r.when));
  w.key("duration_seconds");
  if (r.duration) {
    w.number(r.duration->value);
  } else {
    w.null();
  }
  w.key("details");
  w.string(r.details);
  w.end_object();
}

template <JsonWriter W>
void write_log_field(W& w, const LogField& f) {
  w.begin_object();
  w.key("value");
  w.string(log_value_name(f.value));
  w.key("answer_key");
  w.string(f.answer_key);
  w.key("what");
  w.string(f.what);
  w.key("yes_no");
  w.boolean(f.yes_no);
  w.key("min");
  w.number(f.min);
  w.key("max");
  w.number(f.max);
  if (!f.choices.empty()) {  // a plugin's choice question (ABI 1.1): the answers it accepts
    w.key("choices");
    w.begin_array();
    for (const auto& choice : f.choices) w.string(choice);
    w.end_array();
  }
  w.end_object();
}

template <JsonWriter W>
void write_reminder(W& w, const CommandSyntax& commands, const Reminder& r) {
  w.begin_object();
  w.key("when");
  w.string(time_point_name(r.when));
  w.key("session_date");
  write_date(w, r.session_date);
  w.key("values");
  write_array(w, r.fields, write_log_field<W>);
  w.key("command");
  w.string(commands.log_reminder(r));
  w.end_object();
}

template <JsonWriter W, typename Parts>
void write_day(W& w, const Parts& parts, const CommandSyntax& commands, const PlannedDay& day) {
  w.begin_object();
  w.key("date");
  write_date(w, day.date);
  w.key("weekday");
  w.string(weekday_short(std::chrono::weekday{day.date}));
  w.key("stage");
  w.integer(day.stage_index + 1);
  w.key("rest");
  w.string(rest_kind_name(day.rest));
  w.key("programme_day");
  write_int_or_null(w, day.programme_day);
  w.key("recovery_activity");
  if (day.rest == RestKind::recovery) {
    w.string(day.recovery_activity);
  } else {
    w.null();
  }
  w.key("run");
  if (day.run) {
    write_run(w, parts, day);
  } else {
    w.null();
  }
  w.key("logged");
  if (day.logged) {
    write_logged(w, *day.logged);
  } else {
    w.null();
  }
  w.key("exercises");
  write_array(w, day.exercises, write_exercise<W>);
  w.key("recovery");
  write_array(w, day.recovery, write_recovery<W>);
  w.key("reminders");
  write_array(w, day.reminders,
              [&commands](W& out, const Reminder& r) { write_reminder(out, commands, r); });
  w.end_object();
}

// The week's members, from "runner" to "notes", without "schema": `week` puts the schema first,
// `week --all` lists weeks without one. `parts`: see report/protocol_parts.hpp.
template <JsonWriter W, typename Parts>
void write_week_members(W& w, const Parts& parts, const CommandSyntax& commands, const Plan& plan,
                        const std::string& runner) {
  w.key("runner");
  w.string(runner);
  w.key("protocol");
  parts.protocol_ref(w);
  w.key("from");
  write_date_or_null(w, plan.days.empty() ? std::nullopt : std::optional(plan.days.front().date));
  w.key("status");
  write_standing(w, parts, commands, plan);
  w.key("last_decision");
  write_decision_or_null(w, commands, last_decision(plan));
  w.key("days");
  write_array(w, plan.days,
              [&](W& out, const PlannedDay& day) { write_day(out, parts, commands, day); });
  w.key("notes");
  write_strings(w, plan.notes);
}

}  // namespace runback
