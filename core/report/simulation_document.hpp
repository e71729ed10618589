#pragma once
// A simulation as JSON (schema "runback.simulation/1", docs/json.md): the stage-by-stage
// timeline, every decision, and how it ended. Written once for every JsonWriter.

#include <cstdint>
#include <string>

#include "plan/simulate.hpp"
#include "report/json_names.hpp"
#include "report/json_writer.hpp"
#include "report/protocol_parts.hpp"
#include "report/status_document.hpp"

namespace runback {

template <JsonWriter W>
void write_simulation(W& w, const Protocol& protocol, const CommandSyntax& commands,
                      const Simulation& sim, const std::string& profile, std::uint64_t seed) {
  const LiveProtocolParts parts(protocol);
  w.begin_object();
  w.key("schema");
  w.string("runback.simulation/1");
  w.key("protocol");
  parts.protocol_ref(w);
  w.key("symptoms");
  w.string(profile);
  w.key("seed");
  w.unsigned_integer(seed);
  w.key("start");
  write_date(w, sim.start);
  w.key("timeline");
  write_array(w, sim.timeline, [&parts](W& out, const StageSpan& span) {
    out.begin_object();
    out.key("stage");
    parts.stage_ref(out, span.stage_index);
    out.key("from");
    write_date(out, span.first);
    out.key("to");
    write_date(out, span.last);
    out.key("days");
    out.integer(int((span.last - span.first).count()) + 1);
    out.key("runs");
    out.integer(span.runs);
    out.end_object();
  });
  w.key("decisions");
  write_array(w, sim.decisions,
              [&commands](W& out, const Decision& d) { write_decision(out, commands, d); });
  w.key("runs");
  w.unsigned_integer(sim.logs.size());
  w.key("completed");
  write_date_or_null(w, sim.completed);
  w.key("days_to_completion");
  write_int_or_null(w, sim.days_to_completion);
  w.key("stopped");
  w.boolean(sim.stopped);
  w.key("ran_out");
  w.boolean(sim.ran_out);
  // A calendar programme (format 2): each day from the start by its programme day.
  w.key("calendar_days");
  if (protocol.calendar) {
    write_array(w, sim.calendar_days, [&parts](W& out, const PlannedDay& day) {
      out.begin_object();
      out.key("date");
      write_date(out, day.date);
      out.key("programme_day");
      write_int_or_null(out, day.programme_day);
      out.key("rest");
      out.string(rest_kind_name(day.rest));
      out.key("stage");
      if (day.run) {
        parts.stage_ref(out, day.run->stage_index);
      } else {
        out.null();
      }
      out.end_object();
    });
  } else {
    w.null();
  }
  w.end_object();
}

}  // namespace runback
