#include "plan_source.hpp"

#include "plugin_host_for.hpp"
#include "protocol/loader.hpp"

namespace runback::cli {

PlanSource::PlanSource(const Context& context) : host_(plugin_host_for(context)) {}

Result<const Protocol*> PlanSource::protocol_for(const Programme& programme) {
  auto& versions = protocols_[{programme.protocol_id, programme.protocol_version}];
  for (const auto& [snapshot, protocol] : versions) {
    if (snapshot == programme.protocol_snapshot) return protocol.get();
  }
  LoadResult loaded = load_protocol_text(
      programme.protocol_snapshot,
      programme.protocol_id + " " + programme.protocol_version + " (as started)");
  if (!loaded.protocol) {
    std::string why;
    for (const auto& d : loaded.diagnostics) {
      if (d.severity == Severity::error) why += "\n  " + format_diagnostic(d);
    }
    return Error{"the protocol this programme started with (" + programme.protocol_id + " " +
                 programme.protocol_version + ") can no longer be read:" + why};
  }
  versions.emplace_back(programme.protocol_snapshot,
                        std::make_unique<Protocol>(std::move(*loaded.protocol)));
  return versions.back().second.get();
}

const PlanExtension* PlanSource::extension_for(const Protocol& protocol, std::string* problem) {
  if (!protocol.plugin) return nullptr;
  const std::string& name = protocol.plugin->name;
  auto it = extensions_.find(name);
  if (it == extensions_.end()) it = extensions_.emplace(name, host_.find(name)).first;
  if (!it->second.ok()) {
    if (problem) {
      *problem = protocol.id + " uses the plugin '" + name + "', which is not available (" +
                 it->second.error() + "); no run can count until it is";
    }
    return nullptr;
  }
  return it->second->get();
}

}  // namespace runback::cli
