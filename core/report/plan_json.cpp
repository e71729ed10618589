#include "report/plan_json.hpp"

#include <utility>

#include "report/json_tree_writer.hpp"
#include "report/protocol_parts.hpp"
#include "report/simulation_document.hpp"
#include "report/status_document.hpp"
#include "report/week_document.hpp"

namespace runback {

using json = nlohmann::ordered_json;

json decision_json(const Decision& decision, const CommandSyntax& commands) {
  JsonTreeWriter w;
  write_decision(w, commands, decision);
  return std::move(w).take();
}

json standing_json(const Protocol& protocol, const Plan& plan, const CommandSyntax& commands) {
  JsonTreeWriter w;
  write_standing(w, LiveProtocolParts(protocol), commands, plan);
  return std::move(w).take();
}

json red_flags_json(const Protocol& protocol) {
  JsonTreeWriter w;
  write_red_flags(w, protocol);
  return std::move(w).take();
}

json week_body_json(const Protocol& protocol, const Plan& plan, const std::string& runner,
                    const CommandSyntax& commands) {
  JsonTreeWriter w;
  w.begin_object();
  write_week_members(w, LiveProtocolParts(protocol), commands, plan, runner);
  w.end_object();
  return std::move(w).take();
}

json week_json(const Protocol& protocol, const Plan& plan, const std::string& runner,
               const CommandSyntax& commands) {
  JsonTreeWriter w;
  w.begin_object();
  w.key("schema");
  w.string("runback.week/1");
  write_week_members(w, LiveProtocolParts(protocol), commands, plan, runner);
  w.end_object();
  return std::move(w).take();
}

json status_json(const Protocol& protocol, const Plan& plan, const std::string& runner,
                 const CommandSyntax& commands, int decisions_shown) {
  JsonTreeWriter w;
  write_status(w, LiveProtocolParts(protocol), commands, plan, runner, decisions_shown);
  return std::move(w).take();
}

json simulation_json(const Protocol& protocol, const Simulation& simulation,
                     const std::string& profile, std::uint64_t seed,
                     const CommandSyntax& commands) {
  JsonTreeWriter w;
  write_simulation(w, protocol, commands, simulation, profile, seed);
  return std::move(w).take();
}

}  // namespace runback
