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

// The weekdays a stage's runs go on: the runner's preferred days that keep the rest days between
// runs, up to the most runs a week; when those are fewer than the stage's least runs a week,
// other days that keep the rest days too are added (and `preferred_fit` is false, so `start`
// can say so). No preferred days: spread_pattern. The planner places a run on one of these days
// only when the rest days since the last run allow it, so after rest or a step back the next run
// lands on the next of these days, never on another.
struct RunDayPattern {
  std::vector<std::chrono::weekday> days;  // Monday first
  bool preferred_fit = true;
};
RunDayPattern run_day_pattern(const std::vector<std::chrono::weekday>& preferred,
                              const Frequency& frequency);

}  // namespace runback
