// `runback program upgrade` moves a running programme to the protocol's current text (or a
// file's), showing what changes first (records/programme_upgrade.hpp).

#include <CLI/CLI.hpp>

#include "add_command.hpp"
#include "plan_source.hpp"
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

void print_json(Context& context, const std::string& runner_name, const Programme& programme,
                const Protocol& next, const ProgrammeUpgrade& upgrade, bool switched,
                const std::optional<RunnerPlan>& standing) {
  nlohmann::ordered_json doc;
  doc["schema"] = "runback.program-upgrade/1";
  doc["runner"] = runner_name;
  doc["protocol_id"] = next.id;
  doc["from_version"] = programme.protocol_version;
  doc["to_version"] = next.version;
  doc["up_to_date"] = upgrade.up_to_date;
  doc["switched"] = switched;
  doc["starting_stage"] = {{"from", programme.starting_stage + 1},
                           {"to", upgrade.starting_stage + 1}};
  doc["changes"] = upgrade.changes;
  doc["warnings"] = upgrade.warnings;
  doc["diff"] = upgrade.diff;
  doc["status"] =
      standing ? standing_json(*standing->protocol, standing->plan, runback_syntax()) : nullptr;
  context.out << doc.dump(2) << "\n";
}

void print_text(Context& context, const UpgradeOptions& o, const std::string& runner_name,
                const Protocol& next, const ProgrammeUpgrade& upgrade, bool switched,
                const std::optional<RunnerPlan>& standing) {
  if (upgrade.up_to_date) {
    context.out << runner_name << " already follows this text of " << next.id << " ("
                << next.version << "); nothing to upgrade.\n";
    return;
  }
  context.out << "Changes from the " << next.id << " " << runner_name << " started with to its "
              << "text in " << next.source_path << ":\n";
  for (const auto& c : upgrade.changes) context.out << "  - " << c << "\n";
  if (upgrade.changes.empty()) {
    context.out << "  - none to the rules, stages or limits; the lines below show what changed\n";
  }
  for (const auto& w : upgrade.warnings) context.out << "\nWarning: " << w << ".\n";
  context.out << "\nLine by line (- as started, + now):\n";
  for (const auto& line : upgrade.diff) context.out << "  " << line << "\n";
  if (switched) {
    context.out << "\nSwitched " << runner_name << " to " << next.id << " " << next.version
                << ". The old text is kept in the audit trail.\n";
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
  const bool switched = !upgrade->up_to_date && o.yes;
  if (switched) {
    Status done = store->upgrade_programme(runner->id, next->version, next->source_text,
                                           next->plugin ? next->plugin->name : "",
                                           /*plugin_version=*/"", upgrade->starting_stage);
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
    print_json(context, runner->name, programme, *next, *upgrade, switched, standing);
  } else {
    print_text(context, o, runner->name, *next, *upgrade, switched, standing);
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
