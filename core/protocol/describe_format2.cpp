// Format 2's runner choices in plain words, for `runback protocol show`: the goal, a stage's
// ladder up to it, the weekly cap, and a stage's alternatives.
#include "protocol/amount.hpp"
#include "protocol/describe.hpp"

namespace runback {

namespace {

std::string ordinal(int n) {
  const char* suffix = n == 1 ? "st" : n == 2 ? "nd" : n == 3 ? "rd" : "th";
  return std::to_string(n) + suffix;
}

}  // namespace

std::string describe_goal(const Goal& goal) {
  return std::string(goal.unit == Amount::Kind::distance ? "a distance" : "a time") +
         " the runner chooses from " + format_amount(goal.min) + " to " + format_amount(goal.max) +
         " (" + format_amount(goal.default_goal) + " unless they choose)";
}

std::string describe_ladder(const Stage& stage) {
  if (!stage.ladder) return {};
  return "then " + format_amount(stage.ladder->add) +
         " more on the last run at each step, until the runner's goal (the steps are named '" +
         stage.name + " + 1', '" + stage.name + " + 2', ...)";
}

std::string describe_weekly_cap(const Amount& cap) {
  return "at most " + format_amount(cap) +
         " of running in a week (Monday to Sunday); a run that would pass it is left out";
}

std::vector<std::string> describe_after_goal(const AfterGoal& after_goal) {
  std::vector<std::string> lines;
  const std::string weeks = std::to_string(after_goal.weeks);
  lines.push_back(weeks + (after_goal.weeks == 1 ? " week" : " weeks") +
                  " at the goal's session, one step a week (a week's runs, each within the "
                  "pain rules), then the programme is complete");
  if (!after_goal.week_pattern.empty()) {
    std::string pattern = "Weeks in turn: ";
    for (std::size_t i = 0; i < after_goal.week_pattern.size(); ++i) {
      const PatternWeek& week = after_goal.week_pattern[i];
      pattern += (i == 0 ? "" : ", ") + week.kind + " (" + std::to_string(week.percent) + "%" +
                 (i == 0 ? " of the goal's running" : "") + ")";
    }
    lines.push_back(pattern);
  }
  if (after_goal.lighter_week) {
    lines.push_back("Every " + ordinal(after_goal.lighter_week->every) + " week lighter: at most " +
                    std::to_string(after_goal.lighter_week->percent) + "% of the goal's running");
  }
  if (after_goal.speed) {
    const AfterGoalSpeed& speed = *after_goal.speed;
    const std::string every = speed.every_weeks == 1
                                  ? "each week"
                                  : "every " + std::to_string(speed.every_weeks) + " weeks";
    lines.push_back("Speed: the runs " + format_speed(speed.add) + " faster " + every +
                    " from the second, up to " + format_speed(speed.until));
  }
  lines.push_back("A setback steps back a week, to its running and speed");
  return lines;
}

std::string describe_alternative(const StageAlternative& alternative) {
  std::vector<std::string> parts;
  if (alternative.session) parts.push_back(describe_session(*alternative.session));
  if (alternative.intensity) {
    const std::string intensity = describe_intensity(*alternative.intensity);
    if (!intensity.empty()) parts.push_back("intensity: " + intensity);
  }
  if (!alternative.surface.empty()) parts.push_back("surface: " + alternative.surface);
  std::string out = alternative.name.empty() ? alternative.id : alternative.name;
  out += ": ";
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : "; ") + parts[i];
  return out;
}

}  // namespace runback
