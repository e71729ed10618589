#pragma once
// Plans as JSON for `--format json` (schemas "runback.week/1", "runback.status/1",
// "runback.weeks/1", "runback.simulation/1"; docs/json.md). Stages are 1-based, as in the text.

#include <nlohmann/json.hpp>
#include <string>

#include "plan/plan.hpp"
#include "plan/simulate.hpp"
#include "protocol/protocol.hpp"

namespace runback {

// The JSON spellings of a day's rest kind ("none", "imposed", ...) and of what a reminder asks
// for ("pain_during", "stiffness_minutes", ...).
const char* rest_kind_name(RestKind kind);
const char* log_value_name(LogValue value);

nlohmann::ordered_json decision_json(const Decision& decision);
// Where the runner stands (the "status" object of week, status and runners): stage, counts,
// hold or stop, waiting, missed runs, next run, and the last decision with its explanation.
nlohmann::ordered_json standing_json(const Protocol& protocol, const Plan& plan);
// The red flags to watch for, the core's then the protocol's: [{"id", "text"}].
nlohmann::ordered_json red_flags_json(const Protocol& protocol);
// The week without the "schema" field, for `week --all`'s list.
nlohmann::ordered_json week_body_json(const Protocol& protocol, const Plan& plan,
                                      const std::string& runner);
nlohmann::ordered_json week_json(const Protocol& protocol, const Plan& plan,
                                 const std::string& runner);
nlohmann::ordered_json status_json(const Protocol& protocol, const Plan& plan,
                                   const std::string& runner, int decisions_shown = 5);
nlohmann::ordered_json simulation_json(const Protocol& protocol, const Simulation& simulation,
                                       const std::string& profile, std::uint64_t seed);

}  // namespace runback
