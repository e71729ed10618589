#include "plan/schedule.hpp"

#include <algorithm>

namespace runback {
namespace {
using std::chrono::Friday, std::chrono::Monday, std::chrono::Saturday, std::chrono::Sunday,
    std::chrono::Thursday, std::chrono::Tuesday, std::chrono::Wednesday;

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

RunDayPattern run_day_pattern(const std::vector<std::chrono::weekday>& preferred,
                              const Frequency& frequency) {
  RunDayPattern pattern;
  if (preferred.empty()) {
    // "Up to 4 runs a week" (format 2, a max alone) lays out the 4; a range lays out its min.
    pattern.days =
        spread_pattern(frequency.sessions_up_to ? frequency.sessions_max : frequency.sessions_min);
    return pattern;
  }
  const int rest = std::clamp(frequency.min_rest_days, 0, 6);
  const int most = std::clamp(frequency.sessions_max, 1, 7);
  const int least = std::clamp(frequency.sessions_min, 1, most);
  std::vector<unsigned> chosen;  // 0 = Monday
  auto fits = [&](unsigned day) {
    return std::all_of(chosen.begin(), chosen.end(), [&](unsigned other) {
      return (day > other ? day - other : other - day) >= unsigned(rest + 1);
    });
  };
  for (unsigned day = 0; day < 7 && int(chosen.size()) < most; ++day) {
    const std::chrono::weekday weekday{(day + 1) % 7};
    if (std::find(preferred.begin(), preferred.end(), weekday) != preferred.end() && fits(day)) {
      chosen.push_back(day);
    }
  }
  for (unsigned day = 0; day < 7 && int(chosen.size()) < least; ++day) {
    if (std::find(chosen.begin(), chosen.end(), day) == chosen.end() && fits(day)) {
      chosen.push_back(day);
      pattern.preferred_fit = false;
    }
  }
  if (int(chosen.size()) < least) pattern.preferred_fit = false;
  std::sort(chosen.begin(), chosen.end());
  for (unsigned day : chosen) pattern.days.push_back(std::chrono::weekday{(day + 1) % 7});
  return pattern;
}

}  // namespace runback
