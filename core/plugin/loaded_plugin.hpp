#pragma once
// One plugin library, loaded with Boost.DLL and adapted to the planner's PlanExtension.
//
// The adapter owns a shared_ptr to the library, and everything it hands out owns the adapter,
// so the library stays loaded as long as anything that came from it is alive (objects a plugin
// created do not keep its library loaded by themselves). Every hook call is guarded: an
// exception, a failure or nonsense returned becomes an Error naming the plugin and its path.

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "extension/extension.hpp"
#include "plugin/abi_version.hpp"
#include "plugin/hook_output.hpp"
#include "plugin/param_spec.hpp"
#include "util/result.hpp"

namespace boost::dll {
class shared_library;
}

struct rb_plugin;

namespace runback {

struct PluginInfo {
  std::string name;
  std::string version;
  std::string description;
  std::string path;
  AbiVersion abi;
  std::vector<std::string> hooks;  // the optional hooks it provides, in ABI order
  std::vector<ParamSpec> params;
};

// Why a library is not a usable plugin (of ErrorKind::plugin). The message reads
// "plugin 'NAME' (PATH): ..."; `name` is that NAME: the one the plugin declared when it got that
// far, else the file's stem.
struct PluginLoadError : Error {
  std::string name;
};

// A plugin as runback serves it, whichever way it runs: in this process (LoadedPlugin) or in a
// plugin host process of its own (IsolatedPlugin, the default).
class Plugin : public PlanExtension {
 public:
  virtual const PluginInfo& info() const = 0;
  // "plugin 'NAME' (PATH)", how every message about this plugin starts.
  std::string label() const { return "plugin '" + info().name + "' (" + info().path + ")"; }
  std::string name() const override { return info().name; }
  std::string version() const override { return info().version; }
  bool questions_fixed() const override;
};

class LoadedPlugin final : public Plugin {
 public:
  // Loads the library at `path` (absolute), checks the handshake and what the plugin declares.
  static Result<std::shared_ptr<const LoadedPlugin>, PluginLoadError> load(const std::string& path);

  const PluginInfo& info() const override { return info_; }
  std::vector<Diagnostic> validate(const PluginRef& ref) const override;
  Result<std::vector<Exercise>> exercises(const ExtensionContext& context) const override;
  Result<std::vector<SessionCue>> session_cues(const ExtensionContext& context) const override;
  Result<std::vector<CheckpointQuestion>> questions(const ExtensionContext& context) const override;
  Result<Verdict> verdict(const ExtensionContext& context, const DayLog& log) const override;
  std::vector<std::string> check_programme_params(
      const std::map<std::string, std::string>& params) const override;

  LoadedPlugin(std::shared_ptr<boost::dll::shared_library> library, const rb_plugin* api,
               PluginInfo info);

 private:
  // Runs a context hook with everything converted to the C ABI; the collector holds results.
  // Errors are of ErrorKind::plugin.
  Status call(Hook hook, const ExtensionContext& context, const DayLog* log,
              HookCollector& collector) const;

  std::shared_ptr<boost::dll::shared_library> library_;
  const rb_plugin* api_;
  PluginInfo info_;
  // The ABI promises a plugin one hook at a time (plugin_abi.h), whatever threads plan.
  mutable std::mutex hooks_;
};

}  // namespace runback
