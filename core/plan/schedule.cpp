#include "plan/schedule.hpp"

#include <algorithm>

namespace runback {
namespace {
using std::chrono::Friday, std::chrono::Monday, std::chrono::Saturday, std::chrono::Sunday,
    std::chrono::Thursday, std::chrono::Tuesday, std::chrono::Wednesday;

bool far_enough(Date a, Date b, int min_rest_days) {
  const auto gap = a > b ? (a - b).count() : (b - a).count();
  return gap >= min_rest_days + 1;
}
}  // namespace

std::vector<std::chrono::weekday> spread_pattern(int per_week) {
  switch (std::clamp(per_week, 1, 7)) {
    case 1:
      return {Saturday};
    case 2:
      return {Tuesday, Saturday};
    case 3:
      return {Tuesday, Thursday, Saturday};
    case 4:
      return {Monday, Wednesday, Friday, Sunday};
    case 5:
      return {Monday, Tuesday, Thursday, Friday, Saturday};
    case 6:
      return {Monday, Tuesday, Wednesday, Friday, Saturday, Sunday};
    default:
      return {Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday};
  }
}

bool on_weekday(Date date, const std::vector<std::chrono::weekday>& days) {
  const std::chrono::weekday day{date};
  return std::find(days.begin(), days.end(), day) != days.end();
}

std::vector<Date> choose_run_days(const WeekConstraints& week) {
  const int rest = std::clamp(week.frequency.min_rest_days, 0, 6);
  const int most = std::clamp(week.frequency.sessions_max, 1, 7) - week.runs_already;
  const int least =
      std::clamp(week.frequency.sessions_min, 1, most + week.runs_already) - week.runs_already;
  std::vector<Date> chosen;
  if (most <= 0) return chosen;

  auto allowed = [&](Date day) {
    if (day < week.first_day || day < week.monday || day >= week.monday + std::chrono::days{7})
      return false;
    if (week.rest_through && day <= *week.rest_through) return false;
    if (week.last_run && !far_enough(day, *week.last_run, rest)) return false;
    for (Date other : chosen) {
      if (other == day || !far_enough(day, other, rest)) return false;
    }
    return true;
  };

  const auto preferred =
      week.preferred.empty() ? spread_pattern(week.frequency.sessions_min) : week.preferred;
  for (int i = 0; i < 7 && int(chosen.size()) < most; ++i) {
    const Date day = week.monday + std::chrono::days{i};
    if (on_weekday(day, preferred) && allowed(day)) chosen.push_back(day);
  }
  for (int i = 0; i < 7 && int(chosen.size()) < least; ++i) {
    const Date day = week.monday + std::chrono::days{i};
    if (allowed(day)) {
      chosen.push_back(day);
      std::sort(chosen.begin(), chosen.end());
    }
  }
  return chosen;
}

}  // namespace runback
