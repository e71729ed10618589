#pragma once
// The planner: protocol + plugin + programme + symptom history + date -> the decisions so far and
// the plan for the days asked for. Deterministic: no I/O, no clock; the same inputs give the same
// plan. Pure but for one piece of process-wide state: each walk over the history draws a new
// history id from a counter (next_history_id, in core/extension/extension.cpp) and passes it to
// the plugin, which may cache what it converted of that history under it. The id never affects
// the plan's content. make_plan walks the history once (rarely twice, see planner.cpp), so its
// cost grows linearly with the history; with a plugin that answers in batches (a plugin host
// process) it walks until a walk used only the plugin's answers or had every guess confirmed,
// usually once or twice (plan/batched_extension.hpp).

#include <span>
#include <vector>

#include "extension/extension.hpp"
#include "plan/plan.hpp"
#include "protocol/protocol.hpp"
#include "records/records.hpp"

namespace runback {

struct PlanRequest {
  const Protocol& protocol;
  const PlanExtension* extension;  // the protocol's plugin; null when it names none (when it
                                   // names one and this is null, checkpoints cannot pass)
  const Programme& programme;
  const std::vector<DayLog>& logs;           // ascending by date, one per date
  const std::vector<Clearance>& clearances;  // ascending by date
  Date today;                                // decisions use logs up to and including this day
  Date from;                                 // the first day to lay out
  int days = 7;                              // how many days to lay out (0: none)
  int projection_days = 730;                 // how far to look for the projected completion
  // Explain (build the text of) only the last N decisions from the logs, and the projected ones
  // in the days laid out; -1: every decision. Texts are most of the planner's cost, and a
  // caseload's weekly plans show only the latest.
  int explain_last = -1;
  // Each day's exercises, recovery items, plugin cues and plugin questions. A caseload overview
  // leaves them out: they cost plugin calls and nobody reads them for ten thousand runners.
  bool day_details = true;
};

Plan make_plan(const PlanRequest& request);
// make_plan for each request. A plugin that answers in batches (a plugin host process) gets the
// calls of every request that uses it in one batch a round, rather than a batch per request.
std::vector<Plan> make_plans(std::span<const PlanRequest> requests);

}  // namespace runback
