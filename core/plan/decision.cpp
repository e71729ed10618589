#include "plan/decision.hpp"

#include <algorithm>

namespace runback {

bool is_checkpoint(DecisionKind kind) {
  return kind != DecisionKind::break_back && kind != DecisionKind::resume;
}

bool is_pass(DecisionKind kind) {
  return kind == DecisionKind::keep_going || kind == DecisionKind::advance ||
         kind == DecisionKind::complete;
}

int caution_rank(ActionKind kind) {
  switch (kind) {
    case ActionKind::proceed:
      return 0;
    case ActionKind::repeat:
      return 1;
    case ActionKind::step_back:
      return 2;
    case ActionKind::stop:
      return 3;
  }
  return 1;
}

Action most_cautious(const Action& a, const Action& b) {
  Action out = caution_rank(a.kind) >= caution_rank(b.kind) ? a : b;
  out.stages = std::max(a.kind == ActionKind::step_back ? a.stages : 0,
                        b.kind == ActionKind::step_back ? b.stages : 0);
  if (out.kind == ActionKind::step_back) out.stages = std::max(out.stages, 1);
  if (out.kind != ActionKind::step_back) out.stages = 0;
  out.rest_days = std::max(a.rest_days, b.rest_days);
  return out;
}

}  // namespace runback
