// Format 2's runner choices in plain words, for `runback protocol show`: the goal, a stage's
// ladder up to it, the weekly cap, and a stage's alternatives.
#include "protocol/amount.hpp"
#include "protocol/describe.hpp"

namespace runback {

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
