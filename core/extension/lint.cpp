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
    diagnostics.push_back(Diagnostic{
        Severity::warning, plugin.where, "plugin.name",
        "plugin '" + plugin.name + "' is not available: " + extension.error() + unchecked});
    return diagnostics;
  }
  for (auto& d : (*extension)->validate(plugin)) diagnostics.push_back(std::move(d));
  return diagnostics;
}

}  // namespace runback
