// PluginHost::identify, apart from the host's loading so that the check of which library a
// programme uses stays one small piece (extension/programme_plugin.hpp).

#include "plugin/library_digest.hpp"
#include "plugin/plugin_host.hpp"

namespace runback {

Result<PluginIdentity> PluginHost::identify(const std::string& name) const {
  auto plugin = find_plugin(name);
  if (!plugin) return Error{plugin.error(), plugin.error_kind()};
  const PluginInfo& info = (*plugin)->info();
  auto digest = library_digest(fs_, info.path);
  if (!digest) return Error{digest.error(), digest.error_kind()};
  return PluginIdentity{info.name, info.version, *digest, info.path};
}

}  // namespace runback
