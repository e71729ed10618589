#pragma once
// Which days of a week are run days, and which days get a weekly exercise or recovery item.
// Pure calendar arithmetic; the planner decides what is done on the days chosen here.

#include <chrono>
#include <optional>
#include <vector>

#include "protocol/protocol.hpp"
#include "util/date.hpp"

namespace runback {

// Weekdays that spread `per_week` sessions over a week with rest in between (Tue/Thu/Sat for
// three; Mondays start the week rested).
std::vector<std::chrono::weekday> spread_pattern(int per_week);
bool on_weekday(Date date, const std::vector<std::chrono::weekday>& days);

struct WeekConstraints {
  Date monday;                   // the week's Monday
  Date first_day;                // no run before this day (today, or tomorrow when today is logged)
  std::optional<Date> last_run;  // the last run before first_day (any week)
  int runs_already = 0;          // runs logged this week before first_day
  std::optional<Date> rest_through;  // days up to and including this one are rest days
  Frequency frequency;               // the stage's sessions per week and rest days between runs
  std::vector<std::chrono::weekday> preferred;  // `runback start --days`; empty: spread out
};

// The run days of the week, ascending: the preferred (or spread-out) weekdays that keep the rest
// days between runs, up to sessions_max; then, when that gives fewer than sessions_min, other days
// that keep the rest days too. Never two runs closer than min_rest_days + 1 days apart.
std::vector<Date> choose_run_days(const WeekConstraints& week);

}  // namespace runback
