#include "report/run_day_warnings.hpp"

#include <algorithm>

#include "plan/schedule.hpp"
#include "protocol/describe.hpp"
#include "protocol/step_words.hpp"
#include "report/plan_words.hpp"

namespace runback {

std::vector<std::string> run_day_warnings(const Protocol& protocol,
                                          const std::vector<std::chrono::weekday>& preferred) {
  std::vector<std::string> warnings;
  if (preferred.empty()) return warnings;
  auto days_words = [](const std::vector<std::chrono::weekday>& weekdays) {
    std::string out;
    for (std::size_t i = 0; i < weekdays.size(); ++i) {
      out += (i == 0 ? "" : (i + 1 == weekdays.size() ? " and " : ", ")) +
             capitalise(weekday_short(weekdays[i]));
    }
    return out;
  };
  if (protocol.calendar) {
    // A calendar programme's runs fall on its own days, counted from the start date.
    warnings.push_back(
        "this protocol follows a calendar of programme days, so runback plans your "
        "runs on the calendar's days from your start date, not on " +
        days_words(preferred) + ".");
    return warnings;
  }
  std::vector<Frequency> seen;
  for (std::size_t i = 0; i < protocol.stages.size(); ++i) {
    const Frequency& f = protocol.stages[i].frequency;
    if (std::find(seen.begin(), seen.end(), f) != seen.end()) continue;
    seen.push_back(f);
    const RunDayPattern pattern = run_day_pattern(preferred, f);
    if (pattern.preferred_fit) continue;
    std::string stages;
    std::size_t count = 0;
    for (std::size_t j = i; j < protocol.stages.size(); ++j) {
      if (protocol.stages[j].frequency == f) {
        stages += (stages.empty() ? "" : ", ") + std::to_string(j + 1);
        ++count;
      }
    }
    const std::string where = count == protocol.stages.size() ? "this protocol"
                              : count == 1 ? step_words(protocol).one + " " + stages
                                           : step_words(protocol).many + " " + stages;
    warnings.push_back("your days (" + days_words(preferred) + ") do not fit " + where + ": " +
                       describe_frequency(f) + ". runback will plan your runs on " +
                       days_words(pattern.days) +
                       (count == protocol.stages.size() ? "." : " there."));
  }
  return warnings;
}

}  // namespace runback
