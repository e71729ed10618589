#pragma once
// The parts of the plan documents that depend on the protocol alone: its reference, and each
// stage's reference and session. A document asks a `parts` object for them:
// LiveProtocolParts writes them on the spot; WeekJsonCache (report/week_json_writer.hpp) writes
// them once per protocol with these same functions and copies the text after that.

#include <algorithm>
#include <cstddef>

#include "protocol/amount.hpp"
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

// A block's parts (format 2's per-block shape and intensity), for a program to show.
template <JsonWriter W>
void write_block_detail(W& w, const IntervalBlock& block) {
  auto optional_text = [&w](bool present, const std::string& text) {
    if (present) {
      w.string(text);
    } else {
      w.null();
    }
  };
  w.begin_object();
  w.key("text");
  w.string(describe_block(block));
  w.key("run");
  optional_text(block.run.has_value(), block.run ? format_amount(*block.run) : "");
  w.key("walk");
  optional_text(block.walk.has_value(), block.walk ? format_amount(*block.walk) : "");
  w.key("repeat");
  w.integer(block.repeat);
  w.key("until");
  optional_text(block.until.has_value(), block.until ? format_amount(*block.until) : "");
  w.key("start_with");
  w.string(block.walk_first ? "walk" : "run");
  w.key("effort");
  w.string(block.effort);
  w.key("rpe_min");
  write_int_or_null(w, block.rpe_min);
  w.key("rpe_max");
  write_int_or_null(w, block.rpe_max);
  w.key("speed");
  optional_text(block.speed.has_value(), block.speed ? format_speed(*block.speed) : "");
  w.key("walk_speed");
  optional_text(block.walk_speed.has_value(),
                block.walk_speed ? format_speed(*block.walk_speed) : "");
  w.end_object();
}

// A run's members that come from its stage and which of the stage's sessions it uses:
// "session", "session_number", "session_count", "walk_only", "blocks", "block_details",
// "totals", "intensity".
template <JsonWriter W>
void write_stage_run_members(W& w, const Stage& stage, int session_index = 0) {
  const Session& session = session_for(stage, session_index);
  w.key("session");
  w.string(describe_session(session));
  w.key("session_number");
  w.integer(std::min(session_index, session_count(stage) - 1) + 1);
  w.key("session_count");
  w.integer(session_count(stage));
  w.key("walk_only");
  w.boolean(walk_only(session));
  w.key("blocks");
  write_array(w, session.blocks,
              [](W& out, const IntervalBlock& block) { out.string(describe_block(block)); });
  w.key("block_details");
  write_array(w, session.blocks, write_block_detail<W>);
  const SessionTotals totals = session_totals(session);
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
  w.key("run_walk_seconds");
  w.number(totals.run_walk_seconds);
  w.key("run_walk_metres");
  w.number(totals.run_walk_metres);
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
  void stage_run_members(W& w, int index, int session_index = 0) const {
    write_stage_run_members(w, stage(index), session_index);
  }

 private:
  const Stage& stage(int index) const { return protocol_.stages[std::size_t(index)]; }

  const Protocol& protocol_;
};

}  // namespace runback
