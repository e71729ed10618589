#pragma once
// Every decision of a runner's programme, as `runback decisions` lists them (text and CSV; the
// JSON is decision_json's objects) and as `history --decisions` puts them beside each log.

#include <optional>
#include <string>
#include <vector>

#include "plan/decision.hpp"
#include "protocol/protocol.hpp"
#include "report/command_syntax.hpp"
#include "util/date.hpp"

namespace runback {

// What the decision did, in a few words with the protocol's word for a stage: "keep going",
// "move up to stage 3", "repeat stage 2", "step back to stage 1, 2 rest days", "stop running",
// "cleared to run", "back to stage 2 after a break", "complete", "waiting for values".
std::string decision_summary(const Protocol& protocol, const Decision& decision);

// "stage 2" or "stage 2 to 3": where the decision found the runner, and left them.
std::string decision_stages(const Protocol& protocol, const Decision& decision);

// The decisions, one block each: the day, the stages and what was decided, then the reason
// indented below. `decisions` are those to list (already filtered by date).
std::string decisions_text(const Protocol& protocol, const std::vector<Decision>& decisions,
                           const std::string& runner, std::optional<Date> from,
                           std::optional<Date> to, const CommandSyntax& commands);

// A header row, then one row per decision: date, kind, from_stage, to_stage (1-based),
// rest_days, rule, summary, reason. RFC 4180 quoting (util/csv.hpp).
std::string decisions_csv(const Protocol& protocol, const std::vector<Decision>& decisions,
                          const CommandSyntax& commands);

}  // namespace runback
