#pragma once
// A programme keeps the plugin it started with. `runback start` records the plugin's name,
// version and a digest of its library (records.hpp, PluginIdentity); every plan of the runner
// then checks that the plugin found now under that name is the same, here and nowhere else, and
// refuses that runner's plan when it is not: a plugin's cues, exercises and verdicts are part of
// the programme a clinician chose, and a library that merely shares the name (an older or newer
// version, a rebuild, an impostor earlier on the plugin path) must not change them silently.
// `runback program upgrade` moves a runner to the plugin found now, deliberately.
//
// What counts as different:
//   - another version: refused;
//   - the same version with other bytes (a rebuild, or a copy claiming the version): refused
//     too, since the version is only what the library says of itself, and the bytes are what
//     runs. A developer who rebuilds a plugin moves their test runners with `program upgrade`;
//   - programmes recorded before runback kept the digest (schema 4 and older) have only the
//     name and version: the version is checked, the library is not, until `program upgrade`
//     records it. Nothing is written while planning: reading commands stay read-only.
// The path is for messages only: the same library installed elsewhere is the same plugin.

#include <map>
#include <memory>
#include <string>

#include "extension/extension.hpp"
#include "records/records.hpp"
#include "util/result.hpp"

namespace runback {

enum class PluginChange {
  none,     // the recorded plugin, or nothing recorded to compare with
  version,  // another version under the name
  library,  // the same version, other bytes
};

PluginChange plugin_change(const PluginIdentity& recorded, const PluginIdentity& found);

// Whether `runback program upgrade` has something to record: another plugin than the recorded
// one (by name, version or bytes), or a library where the programme recorded none.
bool plugin_to_record(const PluginIdentity& recorded, const PluginIdentity& found);

// "'knee' 1.0.0 (/usr/lib/runback/plugins/knee.so, digest 0123456789abcdef)"; what is not
// recorded is left out.
std::string describe_plugin(const PluginIdentity& plugin);

// Refuses (ErrorKind::conflict) to plan `runner`'s programme with `found` when it is not the
// plugin the programme recorded; the message names both and how to move the runner: core
// spells no command, so `upgrade_command` is that command as typed
// ("runback program upgrade --runner ana").
Status check_programme_plugin(const std::string& runner, const Programme& programme,
                              const PluginIdentity& found, const std::string& upgrade_command);

// The plugins of programmes, from one catalog: each name looked up and identified once (a
// caseload of thousands shares a few plugins, and identifying one reads its library), each
// programme checked with check_programme_plugin. Not thread-safe: callers that plan in threads
// hold a lock around it.
class ProgrammePlugins {
 public:
  explicit ProgrammePlugins(const ExtensionCatalog& catalog) : catalog_(catalog) {}

  // The catalog's answers, remembered.
  const Result<std::shared_ptr<const PlanExtension>>& find(const std::string& name);
  const Result<PluginIdentity>& identify(const std::string& name);

  // The plugin `name` for `runner`'s programme. An error of ErrorKind::conflict when the plugin
  // found is not the one the programme recorded; the catalog's error when there is none to
  // find (then nothing was compared: a missing plugin is the caller's to report).
  Result<std::shared_ptr<const PlanExtension>> for_programme(const std::string& runner,
                                                             const Programme& programme,
                                                             const std::string& name,
                                                             const std::string& upgrade_command);

 private:
  const ExtensionCatalog& catalog_;
  std::map<std::string, Result<std::shared_ptr<const PlanExtension>>> found_;
  std::map<std::string, Result<PluginIdentity>> identities_;
};

}  // namespace runback
