#pragma once
// Finds and loads plugins, and serves them to the planner by name (ExtensionCatalog).
//
// Search order: --plugin-dir (repeatable, in the order given), $RUNBACK_PLUGIN_PATH (':'
// separated), $XDG_DATA_HOME/runback/plugins, the build tree's plugins/ when runback runs from a
// build tree (so a fresh build finds its own plugins before an older installed copy), then the
// installed libdir/runback/plugins. Every *.so in those directories is a candidate. The first
// plugin with a name wins; a later one with the same name is reported as failed (by plugins()
// and failures(), which load every candidate; find() stops at the first plugin with the name).
// Within a directory, find(name) tries NAME.so first, and NAME.so is the plugin even when
// another file there, listed before it, declares the same name: each candidate loaded is a
// process started, and finding `knee` need start neither achilles.so nor hip.so.
//
// Failure is contained: a plugin that cannot be loaded is listed with why, and only a protocol
// that names it is affected.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "extension/extension.hpp"
#include "io/environment.hpp"
#include "io/file_system.hpp"
#include "plugin/isolated_plugin.hpp"
#include "plugin/loaded_plugin.hpp"

namespace runback {

struct PluginDir {
  std::string path;    // absolute
  std::string origin;  // "--plugin-dir", "RUNBACK_PLUGIN_PATH", "user data", "build tree",
                       // "installed"
};

// `executable_path` is the running binary; a build tree is recognised by a CMakeCache.txt in
// its directory or up to three levels above.
std::vector<PluginDir> plugin_search_dirs(const FileSystem& fs, const Environment& env,
                                          const std::vector<std::string>& extra_dirs,
                                          const std::string& executable_path);

// How plugins run: in a plugin host process each (the default), or in runback's own process
// when RUNBACK_PLUGINS_IN_PROCESS=1 (nothing: trusted plugins, debugging). Limits from
// RUNBACK_PLUGIN_TIMEOUT (seconds per call, 0.001 to 86400, default 5) and
// RUNBACK_PLUGIN_MEMORY_MB (0 for none, up to kMostPluginMemoryMb, default 1024). A value
// outside these is not quietly replaced by the default: the options say what is wrong
// (IsolationOptions::misconfigured), and no plugin is loaded with them.
std::optional<IsolationOptions> plugin_isolation(const Environment& env,
                                                 const std::string& executable_path);

struct PluginFailure {
  std::string name;  // as declared, or the file's stem when it never said
  std::string path;
  std::string reason;  // the whole message: "plugin 'NAME' (PATH): why"
};

class PluginHost final : public ExtensionCatalog {
 public:
  // `isolation`: run each plugin in a host process; nothing: load them into this process.
  PluginHost(const FileSystem& fs, std::vector<PluginDir> dirs,
             std::optional<IsolationOptions> isolation = std::nullopt);

  // Loads every candidate not loaded yet; find() loads only as far as the plugin it finds.
  void load_all() const;
  const std::vector<PluginDir>& dirs() const { return dirs_; }
  // Why no plugin can be loaded with the options given (IsolationOptions::misconfigured), or
  // nothing.
  const std::string& misconfigured() const {
    static const std::string none;
    return isolation_ ? isolation_->misconfigured : none;
  }
  const std::vector<std::shared_ptr<const Plugin>>& plugins() const;
  const std::vector<PluginFailure>& failures() const;

  // The first plugin named `name`. Errors: ErrorKind::plugin when it was found but cannot be
  // loaded, ErrorKind::not_found when no plugin has the name.
  Result<std::shared_ptr<const Plugin>> find_plugin(const std::string& name) const;
  Result<std::shared_ptr<const PlanExtension>> find(const std::string& name) const override;
  // find_plugin's library with a digest of its bytes (plugin/plugin_identity.cpp).
  Result<PluginIdentity> identify(const std::string& name) const override;

 private:
  // Loads the next candidate in search order; false when none is left. An isolated plugin's
  // host keeps running only when its name is `wanted`.
  bool load_next(const std::string* wanted) const;

  const FileSystem& fs_;
  std::vector<PluginDir> dirs_;
  mutable std::size_t next_dir_ = 0;
  mutable std::vector<std::string> files_;  // the candidates of the directory being loaded
  mutable std::size_t next_file_ = 0;
  std::optional<IsolationOptions> isolation_;
  mutable std::vector<std::shared_ptr<const Plugin>> plugins_;
  mutable std::vector<PluginFailure> failures_;
};

}  // namespace runback
