#pragma once
// A simulation in plain words, for `runback protocol simulate`: what a physiotherapist checks
// before handing a protocol over.

#include <string>

#include "plan/simulate.hpp"
#include "protocol/protocol.hpp"
#include "report/command_syntax.hpp"

namespace runback {

// The stage-by-stage timeline of a simulation, the setbacks with their reasons (and, when there
// are too many to list, the option that lists them all), and the days to completion.
std::string simulation_text(const Protocol& protocol, const Simulation& simulation,
                            const std::string& symptoms, const CommandSyntax& commands);

}  // namespace runback
