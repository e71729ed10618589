#include "protocol/protocol.hpp"

#include <algorithm>

namespace runback {

int Protocol::stage_index(const std::string& stage_id) const {
  for (std::size_t i = 0; i < stages.size(); ++i) {
    if (stages[i].id == stage_id) return static_cast<int>(i);
  }
  return -1;
}

int session_count(const Stage& stage) {
  return 1 + static_cast<int>(stage.later_sessions.size());
}

const Session& session_for(const Stage& stage, int good_runs) {
  const int index = std::clamp(good_runs, 0, session_count(stage) - 1);
  return index == 0 ? stage.session : stage.later_sessions[std::size_t(index - 1)];
}

bool walk_only(const Session& session) {
  return !session.blocks.empty() &&
         std::none_of(session.blocks.begin(), session.blocks.end(),
                      [](const IntervalBlock& block) { return block.run.has_value(); });
}

}  // namespace runback
