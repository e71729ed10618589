#pragma once
// A plugin run in a plugin host process of its own (runback-plugin-host), so that nothing it
// does can take runback down: a crash, abort, exit, hang, runaway allocation or stray output in
// a hook becomes an Error of ErrorKind::plugin naming the plugin and its file, e.g.
// "plugin 'knee' (/p/knee.so): stopped with signal 11 (segmentation fault) during `verdict`".
//
// One host per plugin, started when the plugin is found and shared by every thread that plans
// (one request at a time). After the host dies, every later call fails at once with the same
// message: no restart, so a plugin that crashes on some history cannot be retried into a loop
// and every runner on it reads the same reason.

#include <chrono>
#include <cstdint>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extension/extension.hpp"
#include "plugin/hook_output.hpp"
#include "plugin/host_messages.hpp"
#include "plugin/loaded_plugin.hpp"

namespace runback {

class ChildProcess;

struct IsolationOptions {
  std::string host_executable;              // absolute path of runback-plugin-host
  std::chrono::milliseconds timeout{5000};  // per call, and for loading
  std::uint64_t memory_mb = 1024;           // 0: no limit
  // Each line a plugin writes to stderr, already prefixed with "NAME: ". Default: runback's
  // stderr.
  std::function<void(std::string_view)> stderr_line;
  // Not empty: an environment variable asked for something these options cannot be
  // (plugin_host.hpp's plugin_isolation), said plainly with the variable's name and what it takes;
  // then no plugin is loaded, and asking for one fails with this.
  std::string misconfigured;
};

// A megabyte limit beyond this (a terabyte) is a typo, not a limit.
constexpr unsigned long long kMostPluginMemoryMb = 1ull << 20;

// One context hook call of a batch.
struct HookCall {
  Hook hook = Hook::verdict;  // exercises, session_cues, questions or verdict
  const ExtensionContext* context = nullptr;
  const DayLog* log = nullptr;  // verdict
};

class IsolatedPlugin final : public Plugin {
 public:
  // Starts a host for the library at `path` (absolute) and reads its greeting.
  static Result<std::shared_ptr<IsolatedPlugin>, PluginLoadError> start(
      const std::string& path, const IsolationOptions& options);
  ~IsolatedPlugin() override;

  const PluginInfo& info() const override { return info_; }
  // Ends the host; a later call starts a new one (for plugins looked at, not used).
  void stop() const;

  std::vector<Diagnostic> validate(const PluginRef& ref) const override;
  std::vector<std::string> check_programme_params(
      const std::map<std::string, std::string>& params) const override;
  Result<std::vector<Exercise>> exercises(const ExtensionContext& context) const override;
  Result<std::vector<SessionCue>> session_cues(const ExtensionContext& context) const override;
  Result<std::vector<CheckpointQuestion>> questions(const ExtensionContext& context) const override;
  Result<Verdict> verdict(const ExtensionContext& context, const DayLog& log) const override;

  // The planner's batches (PlanExtension::call_all), in one request.
  std::vector<ExtensionReply> call_all(std::span<const ExtensionCall> calls) const override;
  bool answers_in_batches() const override { return true; }

  // Many calls in one request; the host answers each as it finishes. One result per call, in
  // order; a failure fails that call and, when the host died, every call after it.
  std::vector<Result<host_wire::Reply>> call_batch(std::span<const HookCall> calls) const;

  IsolatedPlugin(std::string path, IsolationOptions options);

 private:
  struct Sent {
    std::uint32_t logs = 0;
    std::uint32_t checkpoints = 0;
  };
  // Starts the host if none runs; the error names the plugin.
  Status ensure_started() const;
  // One request of calls of these kinds: `encode` gives its payload, with the histories the host
  // may forget.
  std::vector<Result<host_wire::Reply>> exchange(
      std::vector<host_wire::CallKind> kinds,
      const std::function<std::string(std::span<const std::uint64_t> forget)>& encode) const;
  host_wire::ContextCallView context_call(const HookCall& call) const;
  Error died(const std::string& what, const std::string& during) const;

  std::string path_;
  IsolationOptions options_;
  mutable PluginInfo info_;  // from the greeting
  mutable std::mutex mutex_;
  mutable std::unique_ptr<ChildProcess> child_;
  mutable std::optional<Error> dead_;  // the host died: every later call fails so
  // What the host holds of each history, most recently used first; bounded like the host's.
  mutable std::list<std::pair<std::uint64_t, Sent>> histories_;
  mutable std::vector<std::uint64_t> forget_;
};

// How many histories the host keeps at once (both sides evict the same way: the parent says).
constexpr std::size_t kHostHistories = 16;

// The plugin host next to the running binary (a build tree, or an installation's
// libexec/runback), or nothing when none is there.
std::optional<std::string> find_plugin_host_executable(const std::string& executable_path);

}  // namespace runback
