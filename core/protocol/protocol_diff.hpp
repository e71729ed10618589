#pragma once
// What changes between two texts of a protocol, for `runback program upgrade`: a runner or their
// physiotherapist reads the safety rules that move (pain limits, responses, red flags, how often
// to run, when to move up, breaks, stages, entry criteria, the plugin) in plain words, each
// once, before switching a programme to the new text. Pure: no I/O.

#include <string>
#include <vector>

#include "protocol/protocol.hpp"
#include "util/result.hpp"

namespace runback {

// Every change from `old` to `next` a runner's plan depends on, in plain words, each once: the
// version first, then pain limits, responses, red flags, frequency, runs to move up, the other
// progression settings, stages, entry criteria and the plugin. A change made to every stage
// (through a protocol-wide default) is one line, "every stage: ...". Wording-only changes (a
// response's reason, a citation) are left to the line diff.
std::vector<std::string> protocol_changes(const Protocol& old, const Protocol& next);

// What the author of `next` should hear about, given the text and version a programme started
// with: a text that changed under the same version number, which leaves two different sets of
// rules with one name.
std::vector<std::string> protocol_change_warnings(const std::string& old_text,
                                                  const std::string& old_version,
                                                  const Protocol& next);

// Where a programme that started at `position` (0-based) of `old` starts in `next`. A stage is
// known by its id: a stage added or removed before it moves it, and by position the runner would
// start somewhere else. `old` is null when the text the programme started with no longer loads;
// then the position is kept. When `next` has neither the stage nor the position, an error of
// ErrorKind::conflict.
struct StartingStage {
  int index = 0;     // 0-based, in `next`
  std::string note;  // what happened to it, for the runner; empty when nothing did
};
Result<StartingStage> starting_stage_in(int position, const Protocol* old, const Protocol& next);

// A line diff (longest common subsequence) of two short texts: "-N: line" as in `old_text`,
// "+N: line" as in `new_text`, with their line numbers.
std::vector<std::string> line_diff(const std::string& old_text, const std::string& new_text);

}  // namespace runback
