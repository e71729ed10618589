#pragma once
// A protocol, a programme and a runner's history, enough to call a plugin's hooks as the
// planner would; and the built plugins' locations.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "extension/extension.hpp"
#include "plugin/loaded_plugin.hpp"

namespace runback::testing {

inline std::string built_plugin(const std::string& name) {
  return std::string(RUNBACK_BUILT_PLUGIN_DIR) + "/" + name + ".so";
}
inline std::string broken_dir(const std::string& which) {
  return std::string(RUNBACK_BROKEN_PLUGIN_DIR) + "/" + which;
}

inline std::shared_ptr<const LoadedPlugin> load_plugin(const std::string& path) {
  auto loaded = LoadedPlugin::load(path);
  if (!loaded) throw std::runtime_error(loaded.error());
  return *loaded;
}

struct PlanFixture {
  Protocol protocol;
  Programme programme;
  std::vector<DayLog> logs;
  std::vector<CheckpointSummary> checkpoints;

  explicit PlanFixture(const std::string& plugin,
                       const std::map<std::string, std::string>& protocol_params = {},
                       const std::map<std::string, std::string>& programme_params = {}) {
    protocol.id = "test-protocol";
    for (const char* id : {"walk-run", "run-walk", "continuous"}) {
      Stage stage;
      stage.id = id;
      protocol.stages.push_back(stage);
    }
    PluginRef ref;
    ref.name = plugin;
    ref.where = {"test.yaml", 30, 3};
    int line = 31;
    for (const auto& [key, value] : protocol_params) {
      ref.params[key] = PluginParam{value, {"test.yaml", line++, 5}};
    }
    protocol.plugin = ref;
    programme.start_date = make_date(2026, 11, 2);  // a Monday
    programme.params = programme_params;
  }

  Date day(int n) const { return programme.start_date + std::chrono::days(n); }

  ExtensionContext on(int day_number, int stage = 0) const {
    return ExtensionContext{protocol, programme, day(day_number), stage, 0, logs, checkpoints};
  }

  void checkpoint(int day_number, ActionKind outcome) {
    checkpoints.push_back({day(day_number), 0, outcome});
  }

  DayLog& log(int day_number, std::map<std::string, std::string> answers = {}) {
    DayLog entry;
    entry.date = day(day_number);
    entry.session = SessionOutcome::done;
    entry.answers = std::move(answers);
    logs.push_back(entry);
    return logs.back();
  }
};

}  // namespace runback::testing
