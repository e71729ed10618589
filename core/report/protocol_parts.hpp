#pragma once
// The parts of the plan documents that depend on the protocol alone: its reference, and each
// stage's reference and session. A document asks a `parts` object for them:
// LiveProtocolParts writes them on the spot; WeekJsonCache (report/week_json_writer.hpp) writes
// them once per protocol with these same functions and copies the text after that.

#include <cstddef>

#include "protocol/describe.hpp"
#include "protocol/protocol.hpp"
#include "report/json_writer.hpp"

namespace runback {

// {"id", "version", "title"}
template <JsonWriter W>
void write_protocol_ref(W& w, const Protocol& protocol) {
  w.begin_object();
  w.key("id");
  w.string(protocol.id);
  w.key("version");
  w.string(protocol.version);
  w.key("title");
  w.string(protocol.title);
  w.end_object();
}

// {"number", "id", "name"}: stages are 1-based, as in the text.
template <JsonWriter W>
void write_stage_ref(W& w, const Stage& stage, int index) {
  w.begin_object();
  w.key("number");
  w.integer(index + 1);
  w.key("id");
  w.string(stage.id);
  w.key("name");
  w.string(stage.name);
  w.end_object();
}

// A run's members that come from its stage: "session", "blocks", "totals", "intensity".
template <JsonWriter W>
void write_stage_run_members(W& w, const Stage& stage) {
  w.key("session");
  w.string(describe_session(stage.session));
  w.key("blocks");
  write_array(w, stage.session.blocks,
              [](W& out, const IntervalBlock& block) { out.string(describe_block(block)); });
  const SessionTotals totals = session_totals(stage.session);
  w.key("totals");
  w.begin_object();
  w.key("run_seconds");
  w.number(totals.run_seconds);
  w.key("run_metres");
  w.number(totals.run_metres);
  w.key("walk_seconds");
  w.number(totals.walk_seconds);
  w.key("walk_metres");
  w.number(totals.walk_metres);
  w.key("text");
  w.string(describe_totals(totals));
  w.end_object();
  w.key("intensity");
  w.string(describe_intensity(stage.intensity));
}

class LiveProtocolParts {
 public:
  explicit LiveProtocolParts(const Protocol& protocol) : protocol_(protocol) {}

  template <JsonWriter W>
  void protocol_ref(W& w) const {
    write_protocol_ref(w, protocol_);
  }
  template <JsonWriter W>
  void stage_ref(W& w, int index) const {
    write_stage_ref(w, stage(index), index);
  }
  template <JsonWriter W>
  void stage_run_members(W& w, int index) const {
    write_stage_run_members(w, stage(index));
  }

 private:
  const Stage& stage(int index) const { return protocol_.stages[std::size_t(index)]; }

  const Protocol& protocol_;
};

}  // namespace runback
