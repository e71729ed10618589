#include "extension/programme_plugin.hpp"

#include "extension/extension.hpp"

namespace runback {

Result<PluginIdentity> ExtensionCatalog::identify(const std::string& name) const {
  auto found = find(name);
  if (!found) return Error{found.error(), found.error_kind()};
  return PluginIdentity{(*found)->name(), (*found)->version(), "", ""};
}

PluginChange plugin_change(const PluginIdentity& recorded, const PluginIdentity& found) {
  // An empty recorded version: a programme upgraded before runback recorded versions there.
  if (!recorded.version.empty() && recorded.version != found.version) return PluginChange::version;
  if (!recorded.digest.empty() && !found.digest.empty() && recorded.digest != found.digest) {
    return PluginChange::library;
  }
  return PluginChange::none;
}

bool plugin_to_record(const PluginIdentity& recorded, const PluginIdentity& found) {
  return recorded.name != found.name || recorded.version != found.version ||
         recorded.digest != found.digest;
}

std::string describe_plugin(const PluginIdentity& plugin) {
  std::string text = "'" + plugin.name + "'";
  if (!plugin.version.empty()) text += " " + plugin.version;
  std::string where = plugin.path;
  if (!plugin.digest.empty()) where += (where.empty() ? "" : ", ") + ("digest " + plugin.digest);
  if (where.empty()) where = "library not recorded";
  return text + " (" + where + ")";
}

Status check_programme_plugin(const std::string& runner, const Programme& programme,
                              const PluginIdentity& found, const std::string& upgrade_command) {
  const PluginIdentity recorded = recorded_plugin(programme);
  const PluginChange change = plugin_change(recorded, found);
  if (change == PluginChange::none) return ok_status();
  std::string what =
      runner + "'s programme started with the plugin " + describe_plugin(recorded) + "; ";
  if (change == PluginChange::version) {
    PluginIdentity unnamed = found;  // named once: "found as 'knee' is 6.6.6 (...)"
    unnamed.name.clear();
    what += "the plugin now found as '" + found.name + "' is" + describe_plugin(unnamed).substr(2) +
            ", another version.";
  } else {
    what += "the library now found as '" + found.name + "' " + found.version + " (" + found.path +
            ", digest " + found.digest +
            ") has the same version but other bytes: the plugin was rebuilt or replaced without "
            "a new version, so its advice may differ.";
  }
  what += " Nothing is planned for " + runner + " with it. To move " + runner + " to it, run `" +
          upgrade_command + "` (it shows what changes, then --yes records it); to keep " + runner +
          " on the plugin they started with, put that library first on the plugin path "
          "(--plugin-dir or RUNBACK_PLUGIN_PATH)";
  return Error{what, ErrorKind::conflict};
}

const Result<std::shared_ptr<const PlanExtension>>& ProgrammePlugins::find(
    const std::string& name) {
  auto it = found_.find(name);
  if (it == found_.end()) it = found_.emplace(name, catalog_.find(name)).first;
  return it->second;
}

const Result<PluginIdentity>& ProgrammePlugins::identify(const std::string& name) {
  auto it = identities_.find(name);
  if (it == identities_.end()) it = identities_.emplace(name, catalog_.identify(name)).first;
  return it->second;
}

Result<std::shared_ptr<const PlanExtension>> ProgrammePlugins::for_programme(
    const std::string& runner, const Programme& programme, const std::string& name,
    const std::string& upgrade_command) {
  const auto& found = find(name);
  if (!found) return found;
  // A library found but not readable cannot be compared: refused as not available.
  const auto& identity = identify(name);
  if (!identity) return identity.failure();
  if (Status same = check_programme_plugin(runner, programme, *identity, upgrade_command); !same) {
    return same.failure();
  }
  return found;
}

}  // namespace runback
