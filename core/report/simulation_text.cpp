#include "report/simulation_text.hpp"

#include <chrono>
#include <cstdio>
#include <sstream>
#include <vector>

#include "protocol/describe.hpp"
#include "protocol/step_words.hpp"
#include "report/decision_words.hpp"
#include "report/plan_words.hpp"

namespace runback {
namespace {

// "moved on", "repeat", ... : what a run's checkpoint decided, in two or three words.
std::string outcome_words(const Decision& d) {
  switch (d.kind) {
    case DecisionKind::keep_going:
    case DecisionKind::advance:
      return "good, on to the next day";
    case DecisionKind::complete:
      return "good: programme complete";
    case DecisionKind::repeat:
      return "bad day: repeat" + std::string(d.rest_days > 0 ? " after rest" : "");
    case DecisionKind::step_back:
      return "bad day: back to stage " + std::to_string(d.to_stage + 1) +
             (d.rest_days > 0 ? " after rest" : "");
    case DecisionKind::stop:
      return "stop: see a clinician";
    default:
      return decision_kind_name(d.kind);
  }
}

// A calendar programme by programme day: each day from the start with its calendar day, run or
// recovery, and what each run's checkpoint decided (setbacks shift the rest of the calendar).
void write_calendar_days(std::ostream& out, const Protocol& protocol, const Simulation& sim,
                         const CommandSyntax& commands) {
  out << "Day  Date        What\n";
  constexpr std::size_t kShown = 120;  // four months of days; the JSON lists them all
  std::size_t shown = 0;
  for (const PlannedDay& day : sim.calendar_days) {
    if (++shown > kShown) {
      out << "... and " << sim.calendar_days.size() - kShown << " more days ("
          << commands.json_option() << " lists every day).\n";
      break;
    }
    char head[64];
    std::snprintf(head, sizeof head, "%-4s %-11s ",
                  day.programme_day ? std::to_string(*day.programme_day).c_str() : "-",
                  short_day(day.date).c_str());
    out << head;
    if (day.run) {
      out << stage_title(protocol, day.run->stage_index);
      for (const Decision& d : sim.decisions) {
        if (d.date == day.date && is_checkpoint(d.kind) && d.kind != DecisionKind::waiting) {
          out << ": " << outcome_words(d);
        }
      }
      out << "\n";
    } else if (day.rest == RestKind::recovery) {
      out << describe_recovery_day(day.recovery_activity) << "\n";
    } else if (day.rest == RestKind::imposed) {
      out << "rest, as the last checkpoint asked\n";
    } else {
      out << "rest\n";
    }
  }
}

}  // namespace

std::string simulation_text(const Protocol& protocol, const Simulation& sim,
                            const std::string& symptoms, const CommandSyntax& commands) {
  std::ostringstream out;
  out << "Simulation of " << protocol.id << " " << protocol.version << " (" << protocol.title
      << ") with " << symptoms << ", starting " << short_day(sim.start) << " "
      << int(std::chrono::year_month_day{sim.start}.year()) << ".\n\n";
  if (protocol.calendar) write_calendar_days(out, protocol, sim, commands);
  if (protocol.calendar) out << "\n";
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
    if (protocol.calendar) {
      int written = 0;  // the last stage's day: the day the programme is complete
      for (const CalendarDay& entry : protocol.calendar->days) {
        if (!entry.stage.empty()) written = entry.day;
      }
      const int extra = *sim.days_to_completion - written;
      out << "The calendar as written takes " << written << " days"
          << (extra > 0
                  ? "; setbacks added " + std::to_string(extra) + (extra == 1 ? " day." : " days.")
                  : ".")
          << "\n";
    }
  } else if (sim.stopped) {
    out << "Stopped: the runner would need a clinician's clearance to go on.\n";
  } else {
    out << "Not completed within the simulated days.\n";
  }
  return out.str();
}

}  // namespace runback
