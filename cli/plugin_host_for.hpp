#pragma once
// The plugin host every command uses: search dirs from the global options and the environment.

#include <memory>

#include "context.hpp"
#include "plugin/plugin_host.hpp"
#include "protocol/protocol.hpp"

namespace runback::cli {

inline PluginHost plugin_host_for(const Context& context) {
  return PluginHost(context.fs, plugin_search_dirs(context.fs, context.env, context.plugin_dirs,
                                                   context.executable_path));
}

// The plugin a protocol names, loaded (null when it names none), or why it cannot be had (an
// error of ErrorKind::plugin, missing or broken alike: the protocol needs it). The loaded plugin
// keeps its library mapped, so the host may go.
inline Result<std::shared_ptr<const PlanExtension>> protocol_plugin(const Context& context,
                                                                    const Protocol& protocol) {
  if (!protocol.plugin) return std::shared_ptr<const PlanExtension>{};
  auto found = plugin_host_for(context).find(protocol.plugin->name);
  if (!found) {
    return Error{protocol.id + " uses the plugin '" + protocol.plugin->name +
                     "', which is not available: " + found.error(),
                 ErrorKind::plugin};
  }
  return *found;
}

}  // namespace runback::cli
