#include "report/simulation_text.hpp"

#include <chrono>
#include <cstdio>
#include <sstream>
#include <vector>

#include "protocol/step_words.hpp"
#include "report/decision_words.hpp"
#include "report/plan_words.hpp"

namespace runback {

std::string simulation_text(const Protocol& protocol, const Simulation& sim,
                            const std::string& symptoms, const CommandSyntax& commands) {
  std::ostringstream out;
  out << "Simulation of " << protocol.id << " " << protocol.version << " (" << protocol.title
      << ") with " << symptoms << ", starting " << short_day(sim.start) << " "
      << int(std::chrono::year_month_day{sim.start}.year()) << ".\n\n";
  char header[128];
  std::snprintf(header, sizeof header, "%-6s Days       From        To          Runs  Name\n",
                capitalise(step_words(protocol).one).c_str());
  out << header;
  for (const StageSpan& span : sim.timeline) {
    const Stage& stage = stage_at(protocol, span.stage_index);
    char line[128];
    std::snprintf(line, sizeof line, "%-6d %-10d %-11s %-11s %-5d ", span.stage_index + 1,
                  int((span.last - span.first).count()) + 1, format_date(span.first).c_str(),
                  format_date(span.last).c_str(), span.runs);
    out << line << stage.name << "\n";
  }
  int ups = 0, repeats = 0, backs = 0, stops = 0;
  std::vector<const Decision*> setbacks;
  for (const Decision& d : sim.decisions) {
    switch (d.kind) {
      case DecisionKind::advance:
      case DecisionKind::complete:
        ++ups;
        break;
      case DecisionKind::repeat:
        ++repeats;
        break;
      case DecisionKind::step_back:
      case DecisionKind::break_back:
        ++backs;
        break;
      case DecisionKind::stop:
        ++stops;
        break;
      default:
        break;
    }
    if (!is_pass(d.kind) && d.kind != DecisionKind::waiting) setbacks.push_back(&d);
  }
  out << "\n"
      << sim.logs.size() << " runs: " << ups << " moves up, " << repeats << " repeats, " << backs
      << " steps back, " << stops << " stops.\n";
  if (!setbacks.empty()) {
    out << "\nSetbacks:\n";
    constexpr std::size_t kShown = 12;
    for (std::size_t i = 0; i < setbacks.size() && i < kShown; ++i) {
      out << "  " << format_date(setbacks[i]->date) << ": "
          << explanation_text(*setbacks[i], commands) << "\n";
    }
    if (setbacks.size() > kShown) {
      out << "  ... and " << setbacks.size() - kShown << " more (" << commands.json_option()
          << " lists every decision).\n";
    }
  }
  out << "\n";
  if (sim.days_to_completion) {
    out << "Completed on " << format_date(*sim.completed) << ": " << *sim.days_to_completion
        << " days (" << (*sim.days_to_completion + 6) / 7 << " weeks) from the start.\n";
  } else if (sim.stopped) {
    out << "Stopped: the runner would need a clinician's clearance to go on.\n";
  } else {
    out << "Not completed within the simulated days.\n";
  }
  return out.str();
}

}  // namespace runback
