#pragma once
// Where the runner stands, as JSON: the decision object, the standing (the "status" object of
// week, status and runners), the red flags, and the `status` document around them (schema
// "runback.status/1", docs/json.md). Written once for every JsonWriter.

#include <algorithm>
#include <cstddef>
#include <string>

#include "plan/plan.hpp"
#include "protocol/safety.hpp"
#include "report/command_syntax.hpp"
#include "report/decision_words.hpp"
#include "report/json_writer.hpp"

namespace runback {

template <JsonWriter W>
void write_decision(W& w, const CommandSyntax& commands, const Decision& d) {
  w.begin_object();
  w.key("date");
  write_date(w, d.date);
  w.key("kind");
  w.string(decision_kind_name(d.kind));
  w.key("from_stage");
  w.integer(d.from_stage + 1);
  w.key("to_stage");
  w.integer(d.to_stage + 1);
  w.key("rest_days");
  w.integer(d.rest_days);
  w.key("rule");
  w.string(d.rule);
  w.key("explanation");
  w.string(explanation_text(d, commands));
  w.key("missing");
  write_strings(w, d.missing);
  w.key("projected");
  w.boolean(d.projected);
  w.end_object();
}

template <JsonWriter W>
void write_decision_or_null(W& w, const CommandSyntax& commands, const Decision* decision) {
  if (decision) {
    write_decision(w, commands, *decision);
  } else {
    w.null();
  }
}

// The standing's members: stage, counts, hold or stop, waiting, missed runs, next run, and the
// last decision with its explanation. `parts`: see report/protocol_parts.hpp.
template <JsonWriter W, typename Parts>
void write_standing_members(W& w, const Parts& parts, const CommandSyntax& commands,
                            const Plan& plan) {
  const PlanStatus& s = plan.status;
  w.key("stage");
  parts.stage_ref(w, s.stage_index);
  w.key("stages");
  w.integer(s.stage_count);
  w.key("good_runs_in_a_row");
  w.integer(s.clean_sessions);
  w.key("runs_to_move_up");
  w.integer(s.sessions_to_advance);
  w.key("complete");
  w.boolean(s.complete);
  w.key("stopped");
  w.boolean(s.stopped);
  w.key("stopped_on");
  write_date_or_null(w, s.stopped_on);
  w.key("waiting_for");
  write_date_or_null(w, s.waiting_for);
  w.key("missing");
  write_strings(w, s.missing);
  w.key("last_run");
  write_date_or_null(w, s.last_run);
  w.key("rest_through");
  write_date_or_null(w, s.rest_through);
  w.key("next_run");
  write_date_or_null(w, plan.next_run);
  w.key("projected_completion");
  write_date_or_null(w, plan.projected_completion);
  w.key("can_move_up_from");
  write_date_or_null(w, s.can_move_up_from);
  w.key("missed_runs");
  w.integer(s.missed_runs);
  w.key("recent_missed");
  write_array(w, s.recent_missed, [](W& out, Date day) { write_date(out, day); });
  w.key("usual_pain");
  write_int_or_null(w, s.usual_pain);
  w.key("last_decision");
  write_decision_or_null(w, commands, last_decision(plan));
  w.key("waiting");
  const Decision* waiting = waiting_decision(plan);
  if (waiting) {
    w.string(explanation_text(*waiting, commands));
  } else {
    w.null();
  }
  w.key("waiting_fails");
  w.boolean(waiting && waiting->fails_already);
}

// The standing as an object of its own.
template <JsonWriter W, typename Parts>
void write_standing(W& w, const Parts& parts, const CommandSyntax& commands, const Plan& plan) {
  w.begin_object();
  write_standing_members(w, parts, commands, plan);
  w.end_object();
}

// [{"id", "text"}]: the core's red flags, then the protocol's own.
template <JsonWriter W>
void write_red_flags(W& w, const Protocol& protocol) {
  auto flag = [&w](std::string_view id, std::string_view text) {
    w.begin_object();
    w.key("id");
    w.string(id);
    w.key("text");
    w.string(text);
    w.end_object();
  };
  w.begin_array();
  for (const auto& built_in : safety::kBuiltInRedFlags) flag(built_in.id, built_in.text);
  for (const RedFlag& own : protocol.red_flags) {
    if (!own.built_in) flag(own.id, own.text);
  }
  w.end_array();
}

// The `status` document: the runner, the protocol, the standing, the last `decisions_shown`
// decisions and the plan's notes.
template <JsonWriter W, typename Parts>
void write_status(W& w, const Parts& parts, const CommandSyntax& commands, const Plan& plan,
                  const std::string& runner, int decisions_shown) {
  w.begin_object();
  w.key("schema");
  w.string("runback.status/1");
  w.key("runner");
  w.string(runner);
  w.key("protocol");
  parts.protocol_ref(w);
  write_standing_members(w, parts, commands, plan);
  w.key("decisions");
  w.begin_array();
  const std::size_t shown = std::min(plan.decisions.size(), std::size_t(decisions_shown));
  for (std::size_t i = plan.decisions.size() - shown; i < plan.decisions.size(); ++i) {
    write_decision(w, commands, plan.decisions[i]);
  }
  w.end_array();
  w.key("notes");
  write_strings(w, plan.notes);
  w.end_object();
}

}  // namespace runback
