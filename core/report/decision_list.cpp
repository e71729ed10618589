#include "report/decision_list.hpp"

#include "protocol/step_words.hpp"
#include "report/decision_words.hpp"
#include "report/plan_words.hpp"
#include "util/csv.hpp"

namespace runback {

std::string decision_summary(const Protocol& protocol, const Decision& d) {
  const StepWords words = step_words(protocol);
  const std::string to = step_label(words, d.to_stage);
  const std::string rest = d.rest_days > 0 ? ", " + std::to_string(d.rest_days) + " rest day" +
                                                 (d.rest_days == 1 ? "" : "s")
                                           : "";
  switch (d.kind) {
    case DecisionKind::keep_going:
      return "keep going" + rest;
    case DecisionKind::advance:
      return "move up to " + to + rest;
    case DecisionKind::complete:
      return "complete";
    case DecisionKind::repeat:
      return "repeat " + step_label(words, d.from_stage) + rest;
    case DecisionKind::step_back:
      if (d.to_stage == d.from_stage) return "step back (" + to + " is the first)" + rest;
      return "step back to " + to + rest;
    case DecisionKind::stop:
      return d.rule == "stopped" ? "on hold" : "stop running";
    case DecisionKind::waiting:
      return "waiting for values";
    case DecisionKind::break_back:
      return "back to " + to + " after a break" + rest;
    case DecisionKind::resume:
      return "cleared to run";
  }
  return decision_kind_name(d.kind);
}

std::string decision_stages(const Protocol& protocol, const Decision& d) {
  const StepWords words = step_words(protocol);
  std::string out = step_label(words, d.from_stage);
  if (d.to_stage != d.from_stage) out += " to " + std::to_string(d.to_stage + 1);
  return out;
}

std::string decisions_text(const Protocol& protocol, const std::vector<Decision>& decisions,
                           const std::string& runner, std::optional<Date> from,
                           std::optional<Date> to, const CommandSyntax& commands) {
  std::string out = "Decisions for " + runner;
  if (from || to) {
    out += " (" + (from ? format_date(*from) : std::string("start")) + " to " +
           (to ? format_date(*to) : std::string("today")) + ")";
  }
  if (decisions.empty()) {
    return out + ": none" + (from || to ? " in that range" : " yet, nothing logged") + ".\n";
  }
  out += ", " + std::to_string(decisions.size()) + " in all:\n";
  for (const Decision& d : decisions) {
    out += "\n" + format_date(d.date) + " " + short_day(d.date).substr(0, 3) + "  " +
           decision_stages(protocol, d) + ": " + decision_summary(protocol, d) + "\n";
    const std::string reason = explanation_text(d, commands);
    if (!reason.empty()) out += "  " + reason + "\n";
  }
  return out;
}

std::string decisions_csv(const Protocol& protocol, const std::vector<Decision>& decisions,
                          const CommandSyntax& commands) {
  std::string out;
  append_csv_record(
      out, {"date", "kind", "from_stage", "to_stage", "rest_days", "rule", "summary", "reason"});
  for (const Decision& d : decisions) {
    const std::string date = format_date(d.date), kind = decision_kind_name(d.kind),
                      from = std::to_string(d.from_stage + 1), to = std::to_string(d.to_stage + 1),
                      rest = std::to_string(d.rest_days), summary = decision_summary(protocol, d),
                      reason = explanation_text(d, commands);
    append_csv_record(out, {date, kind, from, to, rest, d.rule, summary, reason});
  }
  return out;
}

}  // namespace runback
