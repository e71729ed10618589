#pragma once
// The plugin host every command uses: search dirs from the global options and the environment.

#include <memory>
#include <mutex>
#include <ostream>
#include <string_view>
#include <utility>

#include "context.hpp"
#include "plugin/plugin_host.hpp"
#include "protocol/protocol.hpp"

namespace runback::cli {

// Plugins run isolated, each in a plugin host process, unless RUNBACK_PLUGINS_IN_PROCESS=1;
// what they write to stderr reaches the command's stderr, one line at a time.
inline PluginHost plugin_host_for(const Context& context) {
  auto isolation = plugin_isolation(context.env, context.executable_path);
  if (isolation) {
    std::ostream* err = &context.err;
    isolation->stderr_line = [err](std::string_view line) {
      static std::mutex one_line_at_a_time;
      const std::lock_guard lock(one_line_at_a_time);
      *err << line << '\n' << std::flush;
    };
  }
  return PluginHost(
      context.fs,
      plugin_search_dirs(context.fs, context.env, context.plugin_dirs, context.executable_path),
      std::move(isolation));
}

// The plugin a protocol names, loaded (null when it names none), or why it cannot be had (an
// error of ErrorKind::plugin, missing or broken alike: the protocol needs it; of
// ErrorKind::bad_input when the plugin limits are set to what they cannot be). The loaded plugin
// keeps its library mapped, so the host may go. `identity`, when given, receives which library it
// is, as a programme records it (extension/programme_plugin.hpp).
inline Result<std::shared_ptr<const PlanExtension>> protocol_plugin(
    const Context& context, const Protocol& protocol, PluginIdentity* identity = nullptr) {
  if (!protocol.plugin) return std::shared_ptr<const PlanExtension>{};
  const PluginHost host = plugin_host_for(context);
  auto found = host.find(protocol.plugin->name);
  if (!found) {
    // Plugin limits set to what they cannot be are the user's to mend (exit 2), like any input.
    const ErrorKind kind =
        found.error_kind() == ErrorKind::bad_input ? ErrorKind::bad_input : ErrorKind::plugin;
    return Error{protocol.id + " uses the plugin '" + protocol.plugin->name +
                     "', which is not available: " + found.error(),
                 kind};
  }
  if (identity != nullptr) {
    auto identified = host.identify(protocol.plugin->name);
    if (!identified) return identified.failure();
    *identity = std::move(*identified);
  }
  return *found;
}

}  // namespace runback::cli
