#pragma once
// What the plan commands need besides the records: the protocol each programme started with
// (parsed from its snapshot once, shared by every runner with the same snapshot) and its plugin
// (loaded once).

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "context.hpp"
#include "plan/extension.hpp"
#include "plugin/plugin_host.hpp"
#include "protocol/protocol.hpp"
#include "records/records.hpp"

namespace runback::cli {

class PlanSource {
 public:
  explicit PlanSource(const Context& context);

  // The protocol of the programme's snapshot, or an error that says why it cannot be read.
  Result<const Protocol*> protocol_for(const Programme& programme);
  // The plugin the protocol names (null when it names none). When it is not available, null
  // and `problem` says why: the planner then holds every checkpoint, and the user should know.
  const PlanExtension* extension_for(const Protocol& protocol, std::string* problem);

 private:
  PluginHost host_;
  // By protocol id and version, then the snapshot itself (almost always one per version).
  std::map<std::pair<std::string, std::string>,
           std::vector<std::pair<std::string, std::unique_ptr<Protocol>>>>
      protocols_;
  std::map<std::string, Result<std::shared_ptr<const PlanExtension>>> extensions_;
};

}  // namespace runback::cli
