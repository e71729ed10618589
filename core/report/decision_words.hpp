#pragma once
// A decision's explanation as every report shows it. The planner says why and what to do in
// plain words; a stop also tells the runner how to record the clearance that ends it, a command
// only the command line can spell.

#include <string>

#include "plan/decision.hpp"
#include "report/command_syntax.hpp"

namespace runback {

// The planner's explanation, and for a stop " Once they clear you, record it with `COMMAND`
// (the day they saw you)."
std::string explanation_text(const Decision& decision, const CommandSyntax& commands);

}  // namespace runback
