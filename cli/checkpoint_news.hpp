#pragma once
// What a log means at once for the checkpoint of each session it touched, from the same plan
// every view shows: the session's decision, or what the checkpoint still waits for.

#include <optional>
#include <vector>

#include "plan/plan.hpp"
#include "store/log_row.hpp"

namespace runback::cli {

struct CheckpointNews {
  Date date;
  std::optional<Decision> decision;    // the decision of that session (may be `waiting`)
  std::vector<Reminder> still_to_log;  // what the checkpoint still waits for
  bool unplanned = false;              // a run logged on a day the plan had none
};

// For each row logged that is a checkpoint's session in `plan` (laid out up to tomorrow).
std::vector<CheckpointNews> checkpoint_news(const Plan& plan, const std::vector<LogRow>& rows,
                                            Date today);

}  // namespace runback::cli
