#include "extension/lint.hpp"

namespace runback {

std::vector<Diagnostic> lint_protocol(const Protocol& protocol,
                                      const ExtensionCatalog* extensions) {
  std::vector<Diagnostic> diagnostics;
  if (!protocol.plugin) return diagnostics;
  const PluginRef& plugin = *protocol.plugin;
  const std::string unchecked = "; its parameters were not checked";
  if (extensions == nullptr) {
    diagnostics.push_back(Diagnostic{Severity::warning, plugin.where, "plugin.name",
                                     "plugin '" + plugin.name + "' is not installed" + unchecked});
    return diagnostics;
  }
  auto extension = extensions->find(plugin.name);
  if (!extension) {
    // Not found may be a machine without the plugin, where a protocol is still worth checking;
    // a plugin that is there and fails to load (a crash, a refused handshake), or plugin limits
    // set to something they cannot be (bad input), fail every plan.
    const bool broken = extension.error_kind() == ErrorKind::plugin ||
                        extension.error_kind() == ErrorKind::bad_input;
    diagnostics.push_back(Diagnostic{
        broken ? Severity::error : Severity::warning, plugin.where, "plugin.name",
        "plugin '" + plugin.name + "' is not available: " + extension.error() + unchecked});
    return diagnostics;
  }
  for (auto& d : (*extension)->validate(plugin)) diagnostics.push_back(std::move(d));
  return diagnostics;
}

}  // namespace runback
