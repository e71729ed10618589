#pragma once
// The runner's preferred run days against the protocol's frequencies, for `start` and
// `program days`.

#include <chrono>
#include <string>
#include <vector>

#include "protocol/protocol.hpp"

namespace runback {

// What does not fit in the runner's preferred run days, stage by stage (one line for the stages
// whose frequencies read the same and get the same days), with the days runback will use
// instead. Empty: they all fit.
std::vector<std::string> run_day_warnings(const Protocol& protocol,
                                          const std::vector<std::chrono::weekday>& preferred);

}  // namespace runback
