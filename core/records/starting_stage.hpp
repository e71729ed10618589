#pragma once
// The stage a programme starts at, chosen when it starts (`runback start`): where the runner
// asked to start, or where the protocol's entry test puts them, or the protocol's default.

#include <string>

#include "protocol/protocol.hpp"
#include "util/result.hpp"

namespace runback {

// What the runner said about where to start, as typed; empty when not given (at most one is).
struct StartingStageRequest {
  std::string stage;       // the stage's number, 1 for the first (`--stage`)
  std::string entry_test;  // their result in the protocol's entry test (`--entry-test`)
};

// The 0-based index into protocol.stages: the stage asked for; else the stage of the last band
// of the entry test whose bound the result reaches (`at_least`) or passes (`above`); else the
// protocol's default stage; else the first. An error (ErrorKind::bad_input) says what is wrong with
// what was typed, without the flag's name (the command line adds it).
Result<int> choose_starting_stage(const Protocol& protocol, const StartingStageRequest& request);

}  // namespace runback
