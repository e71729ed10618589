#include "records/programme_upgrade.hpp"

#include "protocol/loader.hpp"
#include "protocol/protocol_diff.hpp"

namespace runback {
namespace {

// The changes in words. `old` is the text the programme started with, loaded now (null when it
// no longer loads: then only what the programme itself records can be compared).
std::vector<std::string> changes_from(const Programme& current, const Protocol* old,
                                      const Protocol& next) {
  if (old) return protocol_changes(*old, next);
  std::vector<std::string> changes;
  if (current.protocol_version != next.version) {
    changes.push_back("version " + current.protocol_version + " -> " + next.version);
  }
  const std::string next_plugin = next.plugin ? next.plugin->name : "none";
  const std::string old_plugin = current.plugin_name.empty() ? "none" : current.plugin_name;
  if (old_plugin != next_plugin) changes.push_back("plugin: " + old_plugin + " -> " + next_plugin);
  changes.push_back("(the version you started no longer loads, so only the text diff is shown)");
  return changes;
}

}  // namespace

Result<ProgrammeUpgrade> compare_upgrade(const Programme& programme, const Protocol& next) {
  ProgrammeUpgrade upgrade;
  upgrade.starting_stage = programme.starting_stage;
  upgrade.up_to_date = next.source_text == programme.protocol_snapshot;
  if (upgrade.up_to_date) return upgrade;
  const LoadResult as_started = load_protocol_text(programme.protocol_snapshot, "as started");
  const Protocol* old = as_started.protocol ? &*as_started.protocol : nullptr;
  upgrade.changes = changes_from(programme, old, next);
  upgrade.warnings =
      protocol_change_warnings(programme.protocol_snapshot, programme.protocol_version, next);
  upgrade.diff = line_diff(programme.protocol_snapshot, next.source_text);
  auto start = starting_stage_in(programme.starting_stage, old, next);
  if (!start) return start.failure();
  upgrade.starting_stage = start->index;
  if (!start->note.empty()) upgrade.changes.push_back(start->note);
  return upgrade;
}

}  // namespace runback
