#include "report/decision_words.hpp"

namespace runback {

std::string explanation_text(const Decision& decision, const CommandSyntax& commands) {
  // An empty explanation is a decision the planner was not asked to explain: nothing to add to.
  if (decision.kind != DecisionKind::stop || decision.explanation.empty()) {
    return decision.explanation;
  }
  return decision.explanation + " Once they clear you, record it with `" +
         commands.record_clearance() + "` (the day they saw you).";
}

}  // namespace runback
