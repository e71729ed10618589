// `runback program upgrade` moves a running programme to the protocol's current text (or a
// file's), showing what changes first (records/programme_upgrade.hpp).

#include <CLI/CLI.hpp>

#include "add_command.hpp"
#include "extension/programme_plugin.hpp"
#include "plan_source.hpp"
#include "plugin_host_for.hpp"
#include "protocol_lookup.hpp"
#include "record_commands.hpp"
#include "record_output.hpp"
#include "records/programme_upgrade.hpp"
#include "report/plan_json.hpp"
#include "report/standing_text.hpp"
#include "runback_syntax.hpp"

namespace runback::cli {

namespace {

struct UpgradeOptions {
  bool yes = false;
  std::string protocol;  // a file or an id; empty: the programme's protocol id
  std::string format;
};

// The plugin part of an upgrade: the plugin the programme recorded and the one found now under
// the name `next` gives (extension/programme_plugin.hpp). An upgrade records the one found now,
// so that a runner moves to another plugin, or a rebuilt one, only deliberately.
struct PluginMove {
  PluginIdentity recorded;
  PluginIdentity found;  // empty when `next` names no plugin
  bool moves = false;
};

nlohmann::ordered_json plugin_json(const PluginIdentity& plugin) {
  if (plugin.name.empty()) return nullptr;
  return {{"name", plugin.name},
          {"version", plugin.version},
          {"digest", plugin.digest},
          {"path", plugin.path}};
}

void print_json(Context& context, const std::string& runner_name, const Programme& programme,
                const Protocol& next, const ProgrammeUpgrade& upgrade, const PluginMove& plugin,
                bool switched, const std::optional<RunnerPlan>& standing) {
  nlohmann::ordered_json doc;
  doc["schema"] = "runback.program-upgrade/1";
  doc["runner"] = runner_name;
  doc["protocol_id"] = next.id;
  doc["from_version"] = programme.protocol_version;
  doc["to_version"] = next.version;
  doc["up_to_date"] = upgrade.up_to_date && !plugin.moves;
  doc["switched"] = switched;
  doc["starting_stage"] = {{"from", programme.starting_stage + 1},
                           {"to", upgrade.starting_stage + 1}};
  doc["changes"] = upgrade.changes;
  doc["warnings"] = upgrade.warnings;
  doc["diff"] = upgrade.diff;
  doc["plugin"] = {{"from", plugin_json(plugin.recorded)},
                   {"to", plugin_json(plugin.found)},
                   {"changes", plugin.moves}};
  doc["status"] =
      standing ? standing_json(*standing->protocol, standing->plan, runback_syntax()) : nullptr;
  context.out << doc.dump(2) << "\n";
}

void print_plugin_text(Context& context, const std::string& runner_name, const PluginMove& plugin,
                       bool protocol_changes) {
  context.out << (protocol_changes ? "\n" : "") << "The plugin " << runner_name
              << "'s programme recorded, and the one found now:\n"
              << "  - recorded: "
              << (plugin.recorded.name.empty() ? "none" : describe_plugin(plugin.recorded))
              << "\n  + found:    "
              << (plugin.found.name.empty() ? "none" : describe_plugin(plugin.found)) << "\n";
  if (plugin.recorded.digest.empty() && plugin.recorded.version == plugin.found.version &&
      plugin.recorded.name == plugin.found.name) {
    context.out << "The programme was started before runback recorded the plugin's library; "
                   "this records the library found now.\n";
  } else {
    context.out << "\nWarning: the plan is worked out again with the plugin found now, from "
                   "the programme's start: its exercises, cues, questions and verdicts may "
                   "differ, for past checkpoints too.\n";
  }
}

void print_text(Context& context, const UpgradeOptions& o, const std::string& runner_name,
                const Protocol& next, const ProgrammeUpgrade& upgrade, const PluginMove& plugin,
                bool switched, const std::optional<RunnerPlan>& standing) {
  if (upgrade.up_to_date && !plugin.moves) {
    context.out << runner_name << " already follows this text of " << next.id << " ("
                << next.version << ") and the plugin found now; nothing to upgrade.\n";
    return;
  }
  if (!upgrade.up_to_date) {
    context.out << "Changes from the " << next.id << " " << runner_name
                << " started with to its text in " << next.source_path << ":\n";
    for (const auto& c : upgrade.changes) context.out << "  - " << c << "\n";
    if (upgrade.changes.empty()) {
      context.out << "  - none to the rules, stages or limits; the lines below show what changed\n";
    }
    for (const auto& w : upgrade.warnings) context.out << "\nWarning: " << w << ".\n";
    context.out << "\nLine by line (- as started, + now):\n";
    for (const auto& line : upgrade.diff) context.out << "  " << line << "\n";
  }
  if (plugin.moves) print_plugin_text(context, runner_name, plugin, !upgrade.up_to_date);
  if (switched) {
    context.out << "\nSwitched " << runner_name << " to " << next.id << " " << next.version
                << (plugin.moves && !plugin.found.name.empty()
                        ? " with the plugin " + describe_plugin(plugin.found)
                        : std::string())
                << ". What it followed before is kept in the audit trail.\n";
    if (standing) {
      context.out << standing_text(*standing->protocol, standing->plan, context.clock.today(),
                                   runback_syntax());
    }
  } else {
    context.out << "\nNothing was changed. To switch, run `runback program upgrade "
                << (o.protocol.empty() ? "" : "--protocol " + o.protocol + " ") << "--yes`.\n";
  }
}

void run_upgrade(Context& context, const UpgradeOptions& o) {
  auto store = open_store(context, OpenMode::existing_only);
  if (!store) return;
  auto runner = resolve_runner(context, *store);
  if (!runner) return;
  auto current = store->active_programme(runner->id);
  if (!current) return fail(context, ErrorKind::io, current.error());
  if (!*current) {
    return fail(context, ErrorKind::bad_input,
                runner->name +
                    " has no programme running: start one with `runback start "
                    "--protocol ID`");
  }
  const Programme& programme = **current;
  auto next = o.protocol.empty()
                  ? protocol_for_flag(context, programme.protocol_id, "program upgrade")
                  : protocol_for_flag(context, o.protocol, "--protocol");
  if (!next) return;
  if (next->id != programme.protocol_id) {
    return fail(context, ErrorKind::conflict,
                "--protocol: " + o.protocol + " is the protocol '" + next->id + "', but " +
                    runner->name + "'s programme follows '" + programme.protocol_id +
                    "'; an upgrade keeps to the same protocol (to change protocols, start again "
                    "with `runback start --replace`)");
  }
  auto upgrade = compare_upgrade(programme, *next);
  if (!upgrade) return fail(context, upgrade.failure());
  PluginMove plugin{recorded_plugin(programme), {}, false};
  if (next->plugin) {
    auto found = plugin_host_for(context).identify(next->plugin->name);
    if (!found) {
      return fail(context, ErrorKind::plugin,
                  next->id + " uses the plugin '" + next->plugin->name +
                      "', which is not available: " + found.error() +
                      ". Nothing was changed: an upgrade records the plugin found now");
    }
    plugin.found = std::move(*found);
  }
  plugin.moves = plugin_to_record(plugin.recorded, plugin.found);
  const bool switched = (!upgrade->up_to_date || plugin.moves) && o.yes;
  if (switched) {
    Status done = store->upgrade_programme(runner->id, next->version, next->source_text,
                                           plugin.found, upgrade->starting_stage);
    if (!done) return fail(context, ErrorKind::io, done.error());
  }
  // Where the runner stands now, under the text they follow after this command.
  std::optional<RunnerPlan> standing;  // its protocol lives in `source`
  PlanSource source(context, &*store);
  if (auto records = store->records_for(runner->name); records) {
    std::string problem;
    if (auto planned = plan_for(source, *records, context.clock.today(), &problem)) {
      standing = std::move(*planned);
    }
  }
  if (o.format == "json") {
    print_json(context, runner->name, programme, *next, *upgrade, plugin, switched, standing);
  } else {
    print_text(context, o, runner->name, *next, *upgrade, plugin, switched, standing);
  }
}

}  // namespace

void declare_upgrade_command(CLI::App& upgrade, Context& context) {
  auto o = std::make_shared<UpgradeOptions>();
  upgrade.add_flag("--yes", o->yes, "Switch to the protocol's current text");
  upgrade
      .add_option("--protocol", o->protocol,
                  "The new text: a file, or an id looked up as `runback start` does (default: "
                  "the programme's protocol id)")
      ->type_name("FILE_OR_ID");
  add_format_option(upgrade, o->format, {Format::text, Format::json});
  upgrade.callback([&context, o] { run_upgrade(context, *o); });
}

}  // namespace runback::cli
