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
  // Stages that say the same in words and get the same days are one note, whatever else tells
  // their frequencies apart (a source cited, a rule for some weeks).
  struct Misfit {
    std::string frequency;
    std::vector<std::chrono::weekday> days;
    std::vector<std::size_t> stages;
  };
  std::vector<Misfit> misfits;
  for (std::size_t i = 0; i < protocol.stages.size(); ++i) {
    const Frequency& f = protocol.stages[i].frequency;
    const RunDayPattern pattern = run_day_pattern(preferred, f);
    if (pattern.preferred_fit) continue;
    const std::string words = describe_frequency(f);
    auto same = std::find_if(misfits.begin(), misfits.end(), [&](const Misfit& m) {
      return m.frequency == words && m.days == pattern.days;
    });
    if (same == misfits.end()) same = misfits.insert(misfits.end(), {words, pattern.days, {}});
    same->stages.push_back(i + 1);
  }
  for (const Misfit& misfit : misfits) {
    std::string stages;
    for (std::size_t number : misfit.stages) {
      stages += (stages.empty() ? "" : ", ") + std::to_string(number);
    }
    const bool all = misfit.stages.size() == protocol.stages.size();
    const std::string where = all ? "this protocol"
                              : misfit.stages.size() == 1
                                  ? step_words(protocol).one + " " + stages
                                  : step_words(protocol).many + " " + stages;
    warnings.push_back("your days (" + days_words(preferred) + ") do not fit " + where + ": " +
                       misfit.frequency + ". runback will plan your runs on " +
                       days_words(misfit.days) + (all ? "." : " there."));
  }
  return warnings;
}

}  // namespace runback
