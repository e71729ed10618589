#include "report/standing_text.hpp"

#include <sstream>

#include "protocol/describe.hpp"
#include "protocol/safety.hpp"
#include "protocol/step_words.hpp"
#include "report/decision_words.hpp"
#include "report/plan_words.hpp"

namespace runback {
namespace {

// "1 more good run in a row to move up (3 of 4 done)." and the like.
void write_count(std::ostream& out, const Protocol& protocol, const PlanStatus& status,
                 Date today) {
  if (status.clean_sessions >= status.sessions_to_advance) {
    out << status.clean_sessions << " good run" << (status.clean_sessions == 1 ? "" : "s")
        << " in a row here, enough to move up";
    if (status.can_move_up_from && *status.can_move_up_from > today) {
      out << "; this protocol allows only " << protocol.progression.max_stages_per_7_days << " move"
          << (protocol.progression.max_stages_per_7_days == 1 ? "" : "s")
          << " up in 7 days, so a good run from " << short_day(*status.can_move_up_from)
          << " moves you up";
    } else {
      out << ": your next good run moves you up";
    }
    out << ".\n";
  } else {
    const int more = status.sessions_to_advance - status.clean_sessions;
    out << more << " more good run" << (more == 1 ? "" : "s") << " in a row to move up";
    if (status.clean_sessions > 0) {
      out << " (" << status.clean_sessions << " of " << status.sessions_to_advance << " done)";
    }
    out << ".\n";
  }
}

}  // namespace

std::vector<StandingLine> standing_lines(const Protocol& protocol, const Plan& plan, Date today,
                                         const CommandSyntax& commands) {
  std::vector<StandingLine> lines;
  auto add = [&lines](Tone tone, const std::string& text) { lines.push_back({text, tone}); };
  const PlanStatus& status = plan.status;
  if (status.complete) {
    add(Tone::plain, "You have completed all " +
                         step_count(step_words(protocol), int(protocol.stages.size())) +
                         ". Well done.");
  } else if (status.stopped) {
    add(Tone::alert, capitalise(stage_title(protocol, status.stage_index)) +
                         ". Running is on hold since " + short_day(*status.stopped_on) +
                         ": please see your physiotherapist before you run again. Once they "
                         "clear you, record it with `" +
                         commands.record_clearance() + "` (the day they saw you).");
  } else {
    std::ostringstream count;
    write_count(count, protocol, status, today);
    std::string counted = count.str();
    if (!counted.empty() && counted.back() == '\n') counted.pop_back();
    add(status.can_move_up_from && *status.can_move_up_from > today ? Tone::hold : Tone::plain,
        capitalise(stage_title(protocol, status.stage_index)) + ": " + counted);
  }
  if (const Decision* last = last_decision(plan)) {
    const bool stop = last->kind == DecisionKind::stop;
    const bool back = last->kind == DecisionKind::step_back || last->kind == DecisionKind::repeat ||
                      last->kind == DecisionKind::break_back;
    add(stop   ? Tone::alert
        : back ? Tone::hold
               : Tone::plain,
        "Last decision (" + short_day(last->date) + "): " + explanation_text(*last, commands));
  } else if (!status.complete && !waiting_decision(plan)) {
    add(Tone::plain,
        "No runs logged yet: start with the first run in your plan, and log how it went.");
  }
  if (const Decision* waiting = waiting_decision(plan)) {
    add(Tone::hold, explanation_text(*waiting, commands));
  }
  if (!status.recent_missed.empty()) {
    std::string text = "Missed: " + std::to_string(status.recent_missed.size()) + " planned run" +
                       (status.recent_missed.size() == 1 ? "" : "s") +
                       " in the last 14 days with nothing logged (";
    for (std::size_t i = 0; i < status.recent_missed.size(); ++i) {
      text += (i == 0 ? "" : ", ") + short_day(status.recent_missed[i]);
    }
    add(Tone::hold, text + "). If you ran, log it: `" + commands.log_run() + "`.");
  }
  for (const Decision& next : plan.projected) {
    if (next.kind == DecisionKind::break_back) {
      add(Tone::hold, "Next run: " + explanation_text(next, commands));
    }
    break;
  }
  if (plan.next_run && !status.stopped && !status.complete) {
    add(Tone::plain, "Next run: " + short_day(*plan.next_run) +
                         (*plan.next_run == today ? " (today)" : "") + ", " +
                         stage_title(protocol, plan.next_run_stage) + ".");
  }
  return lines;
}

std::string standing_text(const Protocol& protocol, const Plan& plan, Date today,
                          const CommandSyntax& commands) {
  std::string out;
  for (const StandingLine& line : standing_lines(protocol, plan, today, commands)) {
    out += line.text + "\n";
  }
  return out;
}

std::string red_flags_text(const Protocol& protocol, const CommandSyntax& commands) {
  std::string out = "Stop running and see your clinician if you notice: ";
  const char* separator = "";
  for (const auto& flag : safety::kBuiltInRedFlags) {
    out += separator + lower_first(std::string(flag.text)) + " (" + std::string(flag.id) + ")";
    separator = "; ";
  }
  for (const RedFlag& flag : protocol.red_flags) {
    if (flag.built_in) continue;
    out += "; " + lower_first(flag.text) + " (" + flag.id + ")";
  }
  return out + ". Log it with `" + commands.log_red_flag() + "`, the name in brackets.\n";
}

}  // namespace runback
