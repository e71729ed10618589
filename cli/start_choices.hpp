#pragma once
// Format 2's choices at `runback start`: the runner's goal (`--goal 3mi`, within the protocol's
// goal range) and the stage option (`--option treadmill`, one of the protocol's options).

#include <string>
#include <vector>

#include "protocol/protocol.hpp"
#include "records/records.hpp"

namespace runback::cli {

// Sets programme.goal and programme.option from the flags' text; each problem is one message
// that names its flag and what it allows.
std::vector<std::string> read_start_choices(const Protocol& protocol, const std::string& goal,
                                            const std::string& option, Programme& programme);

// What start says about the choices made for the runner: "Your goal: 3 mi (the protocol's
// ladder climbs to it)." and the option used. Empty when the protocol offers neither.
std::string start_choices_text(const Protocol& personal, const Programme& programme);

}  // namespace runback::cli
