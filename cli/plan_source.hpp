#pragma once
// What the plan commands need besides the records: the protocol each programme started with
// (read once per stored snapshot and shared by every runner on it; from its compiled form when
// the store has one, else parsed from its text and the compiled form cached for next time) and
// its plugin (loaded once).

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "context.hpp"
#include "extension/extension.hpp"
#include "extension/programme_plugin.hpp"
#include "plan/planner.hpp"
#include "plugin/plugin_host.hpp"
#include "protocol/protocol.hpp"
#include "records/records.hpp"
#include "store/store.hpp"

namespace runback::cli {

class PlanSource {
 public:
  // `store` may be null (a programme not stored, as in the demo); then snapshots are parsed.
  PlanSource(const Context& context, Store* store);

  // The protocol of the programme's snapshot as this runner follows it (format 2: their goal's
  // ladder steps and their option's alternatives, protocol/personalise.hpp), or an error that
  // says why it cannot be read.
  Result<const Protocol*> protocol_for(const Programme& programme);
  // The plugin the protocol names (null when it names none). When it is not available, null
  // and `problem` says why: the planner then holds every checkpoint, and the user should know.
  const PlanExtension* extension_for(const Protocol& protocol, std::string* problem);
  // The same for a runner's programme, checked against the plugin the programme recorded
  // (extension/programme_plugin.hpp): an error of ErrorKind::conflict, naming both, when
  // another plugin is found under the name; nothing may be planned for the runner with it.
  Result<const PlanExtension*> extension_for(const Protocol& protocol, const std::string& runner,
                                             const Programme& programme, std::string* problem);
  // What kind of failure a `problem` of extension_for is, for the exit status: the user's input
  // when a plugin limit is set to what it cannot be (as `start` and `lint` say it), else the
  // plugin's.
  ErrorKind plugin_problem_kind() const;

 private:
  Result<std::unique_ptr<Protocol>> read_stored(const Programme& programme);
  Result<std::unique_ptr<Protocol>> parse(const Programme& programme, const std::string& text);
  Result<const Protocol*> shared_protocol_for(const Programme& programme);
  const Protocol* personal(const Protocol& shared, const Programme& programme);

  PluginHost host_;
  Store* store_;
  std::map<std::int64_t, Result<std::unique_ptr<Protocol>>> by_snapshot_id_;
  std::map<std::string, std::unique_ptr<Protocol>> by_text_;
  // Runners with the same snapshot, goal and option share one personalised protocol.
  std::map<std::tuple<const Protocol*, std::string, std::string>, std::unique_ptr<Protocol>>
      personal_;
  ProgrammePlugins plugins_{host_};  // after host_, which it reads
};

// A runner's plan on `today`, with the week of `today` laid out: the one answer to "where does
// this runner stand" that every command prints from. `problem` receives a plugin that is missing;
// a plugin other than the one the programme recorded is an error (PlanSource::extension_for).
struct RunnerPlan {
  const Protocol* protocol = nullptr;
  Plan plan;
};
// What to tell the user when the plugin failed while `plan` was made (Plan::plugin_failures):
// the plugin by name, what went wrong first (the error names its file) and that the runs it
// judges do not count. Empty when nothing failed.
std::string plugin_failure_problem(const Protocol& protocol, const std::string& runner,
                                   const Plan& plan);

// `from`: the first day laid out instead of the week's Monday, and `days` of them. `problem`
// also receives a plugin that failed while planning (plugin_failure_problem), when it has no
// other problem to say.
Result<RunnerPlan> plan_for(PlanSource& source, const RunnerRecords& records, Date today,
                            std::string* problem, int explain_last = 5,
                            std::optional<Date> from = std::nullopt, int days = 7);

}  // namespace runback::cli
