#pragma once
// `runback week --all --format json` writes ten thousand runners' weeks; building and dumping a
// nlohmann DOM per runner was a third of its time. This writes the same document
// (report/week_document.hpp) with a JsonTextWriter straight into a string, the bytes of
// `week_body_json(...).dump()`, and serialises what depends only on the protocol and a stage (the
// stage, the session, its blocks, totals and intensity) once per protocol.

#include <string>
#include <unordered_map>
#include <vector>

#include "plan/plan.hpp"
#include "protocol/protocol.hpp"
#include "report/command_syntax.hpp"

namespace runback {

// What the writer serialises once per protocol, with report/protocol_parts.hpp's functions. It
// is keyed by the Protocol's address: every protocol it sees must stay alive and unchanged for as
// long as the cache is used (the command line keeps the protocols it parsed for the whole
// command).
class WeekJsonCache {
 public:
  struct StageText {
    std::string ref;  // {"number":..,"id":..,"name":..}
    // "session":..,"blocks":[..],"totals":{..},"intensity":.., one per session of the stage
    // (format 2's `sessions:` list; one for a `session:` stage)
    std::vector<std::string> run_members;
  };
  struct ProtocolText {
    std::string ref;  // {"id":..,"version":..,"title":..}
    std::vector<StageText> stages;
  };

  const ProtocolText& of(const Protocol& protocol);

 private:
  std::unordered_map<const Protocol*, ProtocolText> protocols_;
};

// Appends `week_body_json(protocol, plan, runner, commands).dump()`, byte for byte. Like dump(),
// throws nlohmann's type_error when a text is not valid UTF-8.
void append_week_body_json(std::string& out, const Protocol& protocol, const Plan& plan,
                           const std::string& runner, const CommandSyntax& commands,
                           WeekJsonCache& cache);

}  // namespace runback
