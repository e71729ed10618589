#pragma once
// The plugin host every command uses: search dirs from the global options and the environment.

#include "context.hpp"
#include "plugin/plugin_host.hpp"

namespace runback::cli {

inline PluginHost plugin_host_for(const Context& context) {
  return PluginHost(context.fs, plugin_search_dirs(context.fs, context.env, context.plugin_dirs,
                                                   context.executable_path));
}

}  // namespace runback::cli
