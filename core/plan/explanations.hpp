#pragma once
// Private to the planner: not included outside core/plan.
//
// The explanation wording: the sentences a decision's explanation and a reason's text are made
// of. Only words here; what was decided comes from the progression rules and the day walk.

#include <string>
#include <vector>

#include "plan/checkpoint.hpp"
#include "plan/progression.hpp"
#include "protocol/protocol.hpp"
#include "protocol/step_words.hpp"
#include "records/records.hpp"

namespace runback::plan_internal {

std::string stage_words(const StepWords& words, int index);    // "stage 3", "level 3"
std::string count_words(int n, const std::string& word);       // "1 rest day", "2 rest days"
std::string and_words(const std::vector<std::string>& items);  // "a and b and c"

// "fact; fact. The protocol's why." -- the logged facts first, then the author's words for the
// action taken (when several responses applied, those that chose the action that won).
std::string join_reasons(const std::vector<Reason>& reasons, const Action& taken);

// The texts of the reasons the day walk adds to a checkpoint's own.
std::string missing_logs_text(const std::vector<std::string>& missing, Date date);
std::string too_soon_text(const TooSoon& too_soon, Date date);
std::string plugin_missing_text(const std::string& plugin, Date date);
std::string plugin_failed_text(const std::string& plugin, Date date, const std::string& error);
std::string plugin_advised_text(const std::string& plugin);

// The explanations of decisions. `why` is join_reasons of the checkpoint's reasons.
std::string resume_explanation(const StepWords& words, const Clearance& clearance, int stage);
std::string red_flags_explanation(const Protocol& protocol, const DayLog& log);
std::string on_hold_explanation(Date stopped_on, Date date);
std::string break_explanation(const StepWords& words, const BreakMove& move);
std::string waiting_explanation(const StepWords& words, const std::string& missing, Date date,
                                int stage, const std::vector<Reason>& reasons,
                                const Action& so_far);
std::string checkpoint_explanation(const StepWords& words, const Move& move, const DayLog& log,
                                   const Action& action, const std::string& why);

}  // namespace runback::plan_internal
