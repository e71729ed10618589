#pragma once
// Plans as nlohmann values for `--format json` (schemas "runback.week/1", "runback.status/1",
// "runback.simulation/1"; docs/json.md), built by JsonTreeWriter from the one definition of each
// document (report/*_document.hpp). Stages are 1-based, as in the text. `commands` spells the
// commands a document points at (a reminder's, a stop's clearance).

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "plan/plan.hpp"
#include "plan/simulate.hpp"
#include "protocol/protocol.hpp"
#include "report/command_syntax.hpp"

namespace runback {

nlohmann::ordered_json decision_json(const Decision& decision, const CommandSyntax& commands);
// Where the runner stands (the "status" object of week, status and runners): stage, counts,
// hold or stop, waiting, missed runs, next run, and the last decision with its explanation.
nlohmann::ordered_json standing_json(const Protocol& protocol, const Plan& plan,
                                     const CommandSyntax& commands);
// The red flags to watch for, the core's then the protocol's: [{"id", "text"}].
nlohmann::ordered_json red_flags_json(const Protocol& protocol);
// The week without the "schema" field, as `week --all` lists it.
nlohmann::ordered_json week_body_json(const Protocol& protocol, const Plan& plan,
                                      const std::string& runner, const CommandSyntax& commands);
nlohmann::ordered_json week_json(const Protocol& protocol, const Plan& plan,
                                 const std::string& runner, const CommandSyntax& commands);
nlohmann::ordered_json status_json(const Protocol& protocol, const Plan& plan,
                                   const std::string& runner, const CommandSyntax& commands,
                                   int decisions_shown = 5);
nlohmann::ordered_json simulation_json(const Protocol& protocol, const Simulation& simulation,
                                       const std::string& profile, std::uint64_t seed,
                                       const CommandSyntax& commands);

}  // namespace runback
